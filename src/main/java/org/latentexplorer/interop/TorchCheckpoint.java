package org.latentexplorer.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.latentexplorer.common.UserInputException;

/**
 * Reads a PyTorch {@code model.pt} holding a state dict ({@code torch.save(model.state_dict())}) in
 * either format, with the {@link RestrictedUnpickler}:
 * <ul>
 *   <li>{@link Format#ZIP}, torch ≥ 1.6: a zip holding {@code NAME/data.pkl}, raw storages
 *       {@code NAME/data/KEY}, {@code NAME/version} and, since torch 2.1, {@code NAME/byteorder};</li>
 *   <li>{@link Format#LEGACY}: four pickles in a row (magic number, protocol version 1001, system info,
 *       the state dict with storages as persistent ids), then the pickled list of storage keys and
 *       each storage as an int64 element count followed by its raw bytes.</li>
 * </ul>
 * Storages must be little-endian float32, float16 or float64; strides and storage offsets are
 * honoured, and every tensor comes back as a C-ordered float32 array. Every problem is a
 * {@link UserInputException} naming the file.
 */
public final class TorchCheckpoint {
    /** The legacy format's magic number, pickled as a Python int first in the file. */
    static final java.math.BigInteger LEGACY_MAGIC = new java.math.BigInteger("1950a86a20f9469cfc6c", 16);
    static final long LEGACY_PROTOCOL = 1001;
    /** Largest checkpoint read (the Burgess models are about 2 MB). */
    static final long MAX_BYTES = 1L << 30;
    private static final long MAX_PICKLE = 64L << 20;

    /** The two serialisation formats of {@code torch.save}. */
    public enum Format {
        ZIP("zip"), LEGACY("legacy");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One tensor: its shape and values in C order, converted to float32. */
    public record TensorData(long[] shape, float[] values, String dtype) {
        public String shapeText() {
            return Arrays.toString(shape);
        }
    }

    /**
     * A state dict as read.
     *
     * @param tensors       name → tensor, in the file's order
     * @param format        which format the file used
     * @param formatVersion the zip archive's {@code version} record, or the legacy protocol version
     */
    public record StateDict(Map<String, TensorData> tensors, Format format, String formatVersion) {
    }

    /** A storage referenced from the pickle: element type, key, element count. */
    private record StorageRef(String type, String key, long numel) {
        int elementSize() {
            return switch (type) {
                case "HalfStorage" -> 2;
                case "FloatStorage" -> 4;
                case "DoubleStorage" -> 8;
                default -> throw new IllegalStateException(type);
            };
        }
    }

    private TorchCheckpoint() {
    }

    /**
     * Reads and converts a state dict.
     *
     * @throws UserInputException naming the file and the problem
     */
    public static StateDict read(Path file) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw UserInputException.forFile(file, "no such file");
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        }
        if (size > MAX_BYTES) {
            throw UserInputException.forFile(file, "is " + size + " bytes, larger than any Burgess checkpoint (limit " + MAX_BYTES + ")");
        }
        try {
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return readZip(file);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0x80) {
                return readLegacy(file, Files.readAllBytes(file));
            }
        } catch (PickleException e) {
            throw UserInputException.forFile(file, e.getMessage(), e);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        }
        throw UserInputException.forFile(file, "not a PyTorch checkpoint (neither the zip format of torch >= 1.6 nor the legacy pickle format)");
    }

    private static StateDict readZip(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw UserInputException.forFile(file, "truncated or corrupt PyTorch zip checkpoint (" + e.getMessage() + ")", e);
        }
        try (zip) {
            ZipEntry pkl = null;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String n = e.getName();
                if (n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length()) {
                    if (pkl != null) {
                        throw UserInputException.forFile(file, "holds two data.pkl records (" + pkl.getName() + ", " + n + ")");
                    }
                    pkl = e;
                }
            }
            if (pkl == null) {
                throw UserInputException.forFile(file, "is a zip but not a PyTorch checkpoint (no NAME/data.pkl inside)");
            }
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            String byteorder = text(file, zip, prefix + "byteorder");
            if (byteorder != null && !byteorder.equals("little")) {
                throw UserInputException.forFile(file, "holds big-endian storages (byteorder '" + byteorder
                        + "'); only little-endian checkpoints can be read");
            }
            String version = text(file, zip, prefix + "version");
            byte[] pickle = entry(file, zip, pkl, MAX_PICKLE);
            Map<String, StorageRef> refs = new HashMap<>();
            Object root = RestrictedUnpickler.load(pickle, pid -> storageRef(pid, refs, false));
            Map<String, byte[]> storages = new HashMap<>();
            for (StorageRef r : refs.values()) {
                ZipEntry e = zip.getEntry(prefix + "data/" + r.key());
                if (e == null) {
                    throw UserInputException.forFile(file, "storage " + prefix + "data/" + r.key() + " is missing (truncated or corrupt checkpoint)");
                }
                byte[] bytes = entry(file, zip, e, MAX_BYTES);
                if (bytes.length != r.numel() * r.elementSize()) {
                    throw UserInputException.forFile(file, "storage " + e.getName() + " holds " + bytes.length + " bytes, expected "
                            + r.numel() * r.elementSize() + " for " + r.numel() + " elements of " + r.type() + " (truncated or corrupt)");
                }
                storages.put(r.key(), bytes);
            }
            return new StateDict(tensors(file, root, refs, storages), Format.ZIP, version == null ? "unknown" : version);
        }
    }

    private static String text(Path file, ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        return e == null ? null : new String(entry(file, zip, e, 1024), java.nio.charset.StandardCharsets.UTF_8).trim();
    }

    private static byte[] entry(Path file, ZipFile zip, ZipEntry e, long limit) throws IOException {
        if (e.getSize() > limit) {
            throw UserInputException.forFile(file, e.getName() + " is " + e.getSize() + " bytes, more than the limit of " + limit);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) Math.min(limit, MAX_BYTES) + 1);
            if (b.length > limit) {
                throw UserInputException.forFile(file, e.getName() + " is larger than the limit of " + limit + " bytes");
            }
            if (e.getSize() >= 0 && b.length != e.getSize()) {
                throw UserInputException.forFile(file, e.getName() + " is truncated (" + b.length + " of " + e.getSize() + " bytes)");
            }
            if (e.getCrc() != -1) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(b);
                if (crc.getValue() != e.getCrc()) {
                    throw UserInputException.forFile(file, "corrupt PyTorch zip checkpoint: " + e.getName() + " fails its CRC-32 check");
                }
            }
            return b;
        } catch (ZipException | java.io.EOFException ex) {
            throw UserInputException.forFile(file, "truncated or corrupt PyTorch zip checkpoint (" + e.getName() + ": " + ex.getMessage() + ")", ex);
        }
    }

    private static StateDict readLegacy(Path file, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Object magic = next(buf, null);
        if (!LEGACY_MAGIC.equals(magic)) {
            throw UserInputException.forFile(file, "not a PyTorch checkpoint (a pickle, but without torch's magic number)");
        }
        Object protocol = next(buf, null);
        if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw UserInputException.forFile(file, "unsupported legacy torch protocol version " + protocol + " (expected 1001)");
        }
        Object sysInfo = next(buf, null);
        if (!(sysInfo instanceof Map<?, ?> info)) {
            throw UserInputException.forFile(file, "corrupt legacy checkpoint: its system info is not a dict");
        }
        if (!Boolean.TRUE.equals(info.get("little_endian"))) {
            throw UserInputException.forFile(file, "holds big-endian storages (written on a big-endian machine); only little-endian checkpoints can be read");
        }
        Map<String, StorageRef> refs = new HashMap<>();
        Object root = next(buf, pid -> storageRef(pid, refs, true));
        Object keys = next(buf, null);
        if (!(keys instanceof List<?> keyList)) {
            throw UserInputException.forFile(file, "corrupt legacy checkpoint: the storage key list is not a list");
        }
        Map<String, byte[]> storages = new HashMap<>();
        for (Object k : keyList) {
            StorageRef r = refs.get(String.valueOf(k));
            if (r == null) {
                throw UserInputException.forFile(file, "corrupt legacy checkpoint: storage " + k + " is not referenced by any tensor");
            }
            if (buf.remaining() < 8) {
                throw UserInputException.forFile(file, "truncated: storage " + k + " is missing its element count");
            }
            long n = buf.getLong();
            if (n != r.numel()) {
                throw UserInputException.forFile(file, "corrupt legacy checkpoint: storage " + k + " has " + n + " elements, the pickle says " + r.numel());
            }
            long len = n * r.elementSize();
            if (len > buf.remaining()) {
                throw UserInputException.forFile(file, "truncated: storage " + k + " needs " + len + " bytes, " + buf.remaining() + " left");
            }
            byte[] data = new byte[(int) len];
            buf.get(data);
            storages.put(r.key(), data);
        }
        if (storages.size() != refs.size()) {
            throw UserInputException.forFile(file, "corrupt legacy checkpoint: " + (refs.size() - storages.size()) + " storages are missing");
        }
        return new StateDict(tensors(file, root, refs, storages), Format.LEGACY, Long.toString(LEGACY_PROTOCOL));
    }

    private static Object next(ByteBuffer buf, java.util.function.Function<RestrictedUnpickler.Tuple, Object> pl) {
        if (!buf.hasRemaining()) {
            throw new PickleException("truncated: the file ends before the next pickle");
        }
        RestrictedUnpickler.Result r = RestrictedUnpickler.load(buf.slice(), pl);
        buf.position(buf.position() + r.bytesRead());
        return r.value();
    }

    /** ('storage', type, key, location, numel[, view_metadata]) → a reference, the same object per key. */
    private static Object storageRef(RestrictedUnpickler.Tuple pid, Map<String, StorageRef> refs, boolean legacy) {
        if (pid.size() < 5 || !"storage".equals(pid.get(0))) {
            throw new PickleException("unexpected persistent id " + pid.items() + " (expected a storage)");
        }
        if (!(pid.get(1) instanceof RestrictedUnpickler.Global g) || !g.module().equals("torch")) {
            throw new PickleException("persistent id names no storage type: " + pid.get(1));
        }
        if (!(pid.get(2) instanceof String key) || !(pid.get(4) instanceof Long numel) || numel < 0) {
            throw new PickleException("malformed storage reference " + pid.items());
        }
        if (legacy && pid.size() > 5 && pid.get(5) != RestrictedUnpickler.NONE) {
            throw new PickleException("storage " + key + " is a view of another storage (torch < 0.4 layout), not supported");
        }
        StorageRef r = new StorageRef(g.name(), key, numel);
        StorageRef prev = refs.putIfAbsent(key, r);
        if (prev != null && !prev.equals(r)) {
            throw new PickleException("storage " + key + " is referenced with two different types or sizes");
        }
        return prev == null ? r : prev;
    }

    private static Map<String, TensorData> tensors(Path file, Object root, Map<String, StorageRef> refs, Map<String, byte[]> storages) {
        if (!(root instanceof Map<?, ?> map)) {
            throw UserInputException.forFile(file, "does not hold a state dict (its pickle is a "
                    + (root == null ? "null" : root.getClass().getSimpleName()) + ", not a dict of tensors)");
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw UserInputException.forFile(file, "state dict key " + e.getKey() + " is not a string");
            }
            if (!(e.getValue() instanceof RestrictedUnpickler.Tensor t)) {
                throw UserInputException.forFile(file, "state dict entry " + name + " is not a tensor");
            }
            if (!(t.storage() instanceof StorageRef s)) {
                throw UserInputException.forFile(file, "tensor " + name + " has no storage");
            }
            out.put(name, convert(file, name, t, s, storages.get(s.key())));
        }
        return Collections.unmodifiableMap(out);
    }

    private static TensorData convert(Path file, String name, RestrictedUnpickler.Tensor t, StorageRef s, byte[] data) {
        long n = 1;
        long maxIndex = t.storageOffset();
        try {
            for (int d = 0; d < t.shape().length; d++) {
                if (t.shape()[d] < 0 || t.stride()[d] < 0) {
                    throw UserInputException.forFile(file, "tensor " + name + " has a negative size or stride");
                }
                n = Math.multiplyExact(n, t.shape()[d]);
                if (t.shape()[d] > 0) {
                    maxIndex = Math.addExact(maxIndex, Math.multiplyExact(t.shape()[d] - 1, t.stride()[d]));
                }
            }
        } catch (ArithmeticException e) {
            throw UserInputException.forFile(file, "tensor " + name + " has an impossible size " + Arrays.toString(t.shape()));
        }
        if (n > Integer.MAX_VALUE) {
            throw UserInputException.forFile(file, "tensor " + name + " is too large");
        }
        if (t.storageOffset() < 0 || (n > 0 && maxIndex >= s.numel())) {
            throw UserInputException.forFile(file, "tensor " + name + " " + Arrays.toString(t.shape()) + " reaches past its storage of "
                    + s.numel() + " elements (corrupt checkpoint)");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) n];
        int rank = t.shape().length;
        long[] idx = new long[rank];
        for (int i = 0; i < v.length; i++) {
            long at = t.storageOffset();
            for (int d = 0; d < rank; d++) {
                at += idx[d] * t.stride()[d];
            }
            v[i] = switch (s.elementSize()) {
                case 2 -> Half.toFloat(b.getShort((int) at * 2));
                case 4 -> b.getFloat((int) at * 4);
                default -> (float) b.getDouble((int) at * 8);
            };
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < t.shape()[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        String dtype = switch (s.elementSize()) {
            case 2 -> "float16";
            case 4 -> "float32";
            default -> "float64";
        };
        return new TensorData(t.shape().clone(), v, dtype);
    }
}
