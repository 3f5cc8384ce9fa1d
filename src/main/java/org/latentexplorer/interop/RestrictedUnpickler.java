package org.latentexplorer.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A pickle reader for PyTorch state dicts that runs nothing. It knows the binary opcodes of protocols
 * 2–5 that data needs (integers, floats, strings, tuples, lists, dicts, memo, persistent ids) and
 * exactly the globals a state dict needs: {@code collections.OrderedDict},
 * {@code torch._utils._rebuild_tensor_v2} and the float/double/half storage types. Every other
 * global, every {@code REDUCE} of something else, every {@code BUILD} other than an OrderedDict's
 * attribute dict, and every opcode not listed here is refused with a {@link PickleException}
 * naming it. No class is ever looked up or instantiated.
 *
 * <p>Values come back as: {@code Long}, {@code java.math.BigInteger} (longer LONG1), {@code Double},
 * {@code String}, {@code Boolean}, {@link #NONE}, {@code byte[]}, {@link Tuple}, {@code List}
 * (Python lists), {@code Map} (dicts and OrderedDicts, insertion order kept), {@link Global},
 * {@link Tensor}, and whatever the persistent-id resolver returns.
 */
public final class RestrictedUnpickler {
    /** Python's None. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** The globals a state dict may name; anything else is refused. */
    public static final Set<String> ALLOWED_GLOBALS = Set.of("collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
            "torch.FloatStorage", "torch.DoubleStorage", "torch.HalfStorage");

    /** A Python tuple. */
    public record Tuple(List<Object> items) {
        public Tuple {
            items = List.copyOf(items);
        }

        public int size() {
            return items.size();
        }

        public Object get(int i) {
            return items.get(i);
        }
    }

    /** An allowed global, e.g. {@code torch.FloatStorage}. */
    public record Global(String module, String name) {
        public String qualified() {
            return module + "." + name;
        }
    }

    /**
     * A tensor as {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, ...)} describes it.
     *
     * @param storage what the persistent-id resolver returned for its storage
     */
    public record Tensor(Object storage, long storageOffset, long[] shape, long[] stride) {
    }

    private static final int MAX_STACK = 100_000;
    private static final int MAX_MEMO = 1_000_000;

    private final ByteBuffer in;
    private final Function<Tuple, Object> persistentLoad;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private RestrictedUnpickler(ByteBuffer in, Function<Tuple, Object> persistentLoad) {
        this.in = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.persistentLoad = persistentLoad;
    }

    /** The result of one pickle and where it ended. */
    public record Result(Object value, int bytesRead) {
    }

    /**
     * Reads one pickle from the start of {@code bytes}.
     *
     * @param persistentLoad resolves {@code BINPERSID} tuples (PyTorch's storage references); null refuses them
     * @throws PickleException for anything refused or malformed
     */
    public static Result load(ByteBuffer bytes, Function<Tuple, Object> persistentLoad) {
        RestrictedUnpickler u = new RestrictedUnpickler(bytes, persistentLoad);
        Object v = u.run();
        return new Result(v, u.in.position());
    }

    /** Reads one pickle that must fill {@code bytes} up to its STOP. */
    public static Object load(byte[] bytes, Function<Tuple, Object> persistentLoad) {
        return load(ByteBuffer.wrap(bytes), persistentLoad).value();
    }

    private Object run() {
        while (true) {
            if (!in.hasRemaining()) {
                throw new PickleException("pickle ends without STOP (truncated) at byte " + in.position());
            }
            int at = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> { // PROTO
                    int proto = u8();
                    if (proto > 5) {
                        throw new PickleException("unsupported pickle protocol " + proto);
                    }
                }
                case 0x95 -> { // FRAME: the frame length is advisory
                    i64();
                }
                case '.' -> { // STOP
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw new PickleException("malformed pickle: STOP with " + stack.size() + " values on the stack");
                    }
                    return stack.get(0);
                }
                case '(' -> marks.add(stack.size()); // MARK
                case ')' -> push(new Tuple(List.of())); // EMPTY_TUPLE
                case 't' -> push(new Tuple(popMark())); // TUPLE
                case 0x85 -> push(new Tuple(List.of(pop()))); // TUPLE1
                case 0x86 -> { // TUPLE2
                    Object b = pop();
                    Object a = pop();
                    push(new Tuple(List.of(a, b)));
                }
                case 0x87 -> { // TUPLE3
                    Object c = pop();
                    Object b = pop();
                    Object a = pop();
                    push(new Tuple(List.of(a, b, c)));
                }
                case ']' -> push(new ArrayList<>()); // EMPTY_LIST
                case 'l' -> push(new ArrayList<>(popMark())); // LIST
                case 'a' -> { // APPEND
                    Object v = pop();
                    list(peek()).add(v);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 'd' -> { // DICT
                    List<Object> items = popMark();
                    Map<Object, Object> m = new LinkedHashMap<>();
                    putPairs(m, items);
                    push(m);
                }
                case 's' -> { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dict(peek()).put(key(k), v);
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popMark();
                    putPairs(dict(peek()), items);
                }
                case 'N' -> push(NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) i32()); // BININT
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) (i16() & 0xffff)); // BININT2
                case 0x8a -> push(long1(u8())); // LONG1
                case 0x8b -> push(long1(length(i32()))); // LONG4
                case 'G' -> push(ByteBuffer.wrap(bytes(8)).getDouble()); // BINFLOAT, big-endian
                case 'X' -> push(utf8(bytes(length(i32())))); // BINUNICODE
                case 0x8c -> push(utf8(bytes(u8()))); // SHORT_BINUNICODE
                case 0x8d -> push(utf8(bytes(length(i64())))); // BINUNICODE8
                case 'C' -> push(bytes(u8())); // SHORT_BINBYTES
                case 'B' -> push(bytes(length(i32()))); // BINBYTES
                case 'T' -> push(utf8(bytes(length(i32())))); // BINSTRING (Python 2 str)
                case 'U' -> push(utf8(bytes(u8()))); // SHORT_BINSTRING
                case 'q' -> memoPut(u8()); // BINPUT
                case 'r' -> memoPut(i32() & 0xffffffffL); // LONG_BINPUT
                case 0x94 -> memoPut(memo.size()); // MEMOIZE
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(i32() & 0xffffffffL)); // LONG_BINGET
                case 'c' -> push(global(line(), line())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw new PickleException("malformed pickle: STACK_GLOBAL without strings at byte " + at);
                    }
                    push(global(m, n));
                }
                case 'Q' -> { // BINPERSID
                    Object pid = pop();
                    if (persistentLoad == null) {
                        throw new PickleException("unexpected persistent id " + pid + " at byte " + at);
                    }
                    if (!(pid instanceof Tuple t)) {
                        throw new PickleException("persistent id is not a tuple at byte " + at);
                    }
                    push(persistentLoad.apply(t));
                }
                case 'R' -> { // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    push(reduce(callable, args, at));
                }
                case 'b' -> { // BUILD
                    Object state = pop();
                    Object target = peek();
                    if (!(target instanceof OrderedDict) || !(state instanceof Map<?, ?>)) {
                        throw new PickleException("refused BUILD of " + describe(target) + " at byte " + at);
                    }
                    // an OrderedDict's attributes (PyTorch's _metadata of module versions): not needed
                }
                case '0' -> pop(); // POP
                case '1' -> popMark(); // POP_MARK
                case '2' -> push(peek()); // DUP
                default -> throw new PickleException(String.format(
                        "refused pickle opcode 0x%02x ('%s') at byte %d: not one a state dict needs", op,
                        op >= 0x20 && op < 0x7f ? Character.toString(op) : "?", at));
            }
        }
    }

    /** An OrderedDict under construction or built: a map that remembers it was one. */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {
    }

    private Object global(String module, String name) {
        String q = module + "." + name;
        if (!ALLOWED_GLOBALS.contains(q)) {
            throw new PickleException("refused global " + q + ": a state dict only needs "
                    + String.join(", ", ALLOWED_GLOBALS.stream().sorted().toList()));
        }
        return new Global(module, name);
    }

    private Object reduce(Object callable, Object args, int at) {
        if (!(callable instanceof Global g)) {
            throw new PickleException("refused REDUCE of " + describe(callable) + " at byte " + at);
        }
        if (!(args instanceof Tuple a)) {
            throw new PickleException("malformed pickle: REDUCE arguments are not a tuple at byte " + at);
        }
        switch (g.qualified()) {
            case "collections.OrderedDict" -> {
                if (a.size() != 0) {
                    throw new PickleException("refused OrderedDict with constructor arguments at byte " + at);
                }
                return new OrderedDict();
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                if (a.size() < 4) {
                    throw new PickleException("_rebuild_tensor_v2 needs at least 4 arguments, got " + a.size() + " at byte " + at);
                }
                long offset = asLong(a.get(1), "storage offset");
                long[] shape = longs(a.get(2), "size");
                long[] stride = longs(a.get(3), "stride");
                if (shape.length != stride.length) {
                    throw new PickleException("tensor size " + java.util.Arrays.toString(shape) + " and stride "
                            + java.util.Arrays.toString(stride) + " differ in rank at byte " + at);
                }
                return new Tensor(a.get(0), offset, shape, stride);
            }
            default -> throw new PickleException("refused REDUCE of " + g.qualified() + " at byte " + at);
        }
    }

    private static long asLong(Object o, String what) {
        if (o instanceof Long l) {
            return l;
        }
        throw new PickleException("tensor " + what + " is not an integer: " + describe(o));
    }

    private static long[] longs(Object o, String what) {
        if (!(o instanceof Tuple t)) {
            throw new PickleException("tensor " + what + " is not a tuple: " + describe(o));
        }
        long[] r = new long[t.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = asLong(t.get(i), what);
        }
        return r;
    }

    private static String describe(Object o) {
        if (o instanceof Global g) {
            return g.qualified();
        }
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private void putPairs(Map<Object, Object> m, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new PickleException("malformed pickle: odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            m.put(key(items.get(i)), items.get(i + 1));
        }
    }

    private static Object key(Object k) {
        if (k instanceof String || k instanceof Long || k instanceof Boolean || k instanceof Tuple || k == NONE) {
            return k;
        }
        throw new PickleException("unsupported dict key " + describe(k));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof List<?> l && !(o instanceof Tuple)) {
            return (List<Object>) l;
        }
        throw new PickleException("malformed pickle: APPEND to " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new PickleException("malformed pickle: SETITEM on " + describe(o));
    }

    private void push(Object o) {
        if (stack.size() >= MAX_STACK) {
            throw new PickleException("pickle stack deeper than " + MAX_STACK);
        }
        stack.add(o);
    }

    private Object pop() {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw new PickleException("malformed pickle: stack underflow at byte " + (in.position() - 1));
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw new PickleException("malformed pickle: empty stack at byte " + (in.position() - 1));
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw new PickleException("malformed pickle: no MARK at byte " + (in.position() - 1));
        }
        int m = marks.remove(marks.size() - 1);
        List<Object> sub = stack.subList(m, stack.size());
        List<Object> items = new ArrayList<>(sub);
        sub.clear();
        return items;
    }

    private void memoPut(long index) {
        if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
            throw new PickleException("pickle memo larger than " + MAX_MEMO);
        }
        memo.put(index, peek());
    }

    private Object memoGet(long index) {
        Object v = memo.get(index);
        if (v == null) {
            throw new PickleException("malformed pickle: memo entry " + index + " was never stored");
        }
        return v;
    }

    private int u8() {
        need(1);
        return in.get() & 0xff;
    }

    private int i32() {
        need(4);
        return in.getInt();
    }

    private short i16() {
        need(2);
        return in.getShort();
    }

    private long i64() {
        need(8);
        return in.getLong();
    }

    private int length(long n) {
        if (n < 0 || n > in.remaining()) {
            throw new PickleException("pickle ends inside a " + n + "-byte value (truncated) at byte " + in.position());
        }
        return (int) n;
    }

    private byte[] bytes(int n) {
        need(n);
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private void need(int n) {
        if (in.remaining() < n) {
            throw new PickleException("pickle ends inside an opcode argument (truncated) at byte " + in.position());
        }
    }

    private Object long1(int n) {
        byte[] le = bytes(n);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        java.math.BigInteger v = new java.math.BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String line() {
        StringBuilder s = new StringBuilder();
        while (true) {
            need(1);
            byte b = in.get();
            if (b == '\n') {
                return s.toString();
            }
            if (s.length() > 256) {
                throw new PickleException("malformed pickle: GLOBAL name longer than 256 characters");
            }
            s.append((char) (b & 0xff));
        }
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new PickleException("malformed pickle: a string is not valid UTF-8");
        }
    }
}
