package org.latentexplorer.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restricted pickle reader, on pickles written by Python's own pickle module (hex below) and built here. */
class RestrictedUnpicklerTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    @Test
    void readsPythonsProtocol2Data() {
        // pickle.dumps({'a': (1, 2.5, 'xé', None, True, [3, -7, 70000, 2**40])}, protocol=2), Python 3.11
        Object v = RestrictedUnpickler.load(hex("80027d71005801000000617101284b01474004000000000000580300000078c3a971024e885d7103284b03"
                + "4af9ffffff4a701101008a0600000000000165747104732e"), null);
        Map<?, ?> m = assertInstanceOf(Map.class, v);
        RestrictedUnpickler.Tuple t = assertInstanceOf(RestrictedUnpickler.Tuple.class, m.get("a"));
        assertEquals(List.of(1L, 2.5, "xé", RestrictedUnpickler.NONE, true, List.of(3L, -7L, 70000L, 1L << 40)), t.items());
    }

    @Test
    void readsAnOrderedDictInProtocols2And4() {
        // pickle.dumps(OrderedDict([('k', (1, 2))]), protocol=2) and protocol=4 (FRAME, STACK_GLOBAL, MEMOIZE)
        for (String h : List.of("800263636f6c6c656374696f6e730a4f726465726564446963740a71002952710158010000006b71024b014b02867103732e",
                "8004952d000000000000008c0b636f6c6c656374696f6e73948c0b4f726465726564446963749493942952948c016b944b014b028694732e")) {
            Map<?, ?> m = assertInstanceOf(Map.class, RestrictedUnpickler.load(hex(h), null));
            assertEquals(new RestrictedUnpickler.Tuple(List.of(1L, 2L)), m.get("k"));
        }
    }

    @Test
    void refusesPythonsOsSystemReduceNamingTheGlobal() {
        // a class whose __reduce__ returns (os.system, ('echo pwned',)), pickled by Python: GLOBAL 'posix system'
        PickleException e = assertThrows(PickleException.class, () -> RestrictedUnpickler.load(
                hex("800263706f7369780a73797374656d0a7100580a0000006563686f2070776e656471018571025271032e"), null));
        assertTrue(e.getMessage().contains("refused global posix.system"), e.getMessage());
    }

    @Test
    void refusesEveryGlobalOutsideTheStateDictSet() {
        for (String[] g : new String[][] {{"builtins", "eval"}, {"torch", "load"}, {"torch.nn.modules.linear", "Linear"},
                {"collections", "defaultdict"}, {"torch._utils", "_rebuild_parameter"}, {"numpy.core.multiarray", "_reconstruct"}}) {
            byte[] p = new PickleWriter().proto().global(g[0], g[1]).stop();
            PickleException e = assertThrows(PickleException.class, () -> RestrictedUnpickler.load(p, null));
            assertTrue(e.getMessage().contains("refused global " + g[0] + "." + g[1]), e.getMessage());
        }
    }

    @Test
    void refusesReduceOfAStorageTypeAndBuildOfAnythingButAnOrderedDict() {
        byte[] reduceStorage = new PickleWriter().proto().global("torch", "FloatStorage").emptyTuple().reduce().stop();
        PickleException e = assertThrows(PickleException.class, () -> RestrictedUnpickler.load(reduceStorage, null));
        assertTrue(e.getMessage().contains("refused REDUCE of torch.FloatStorage"), e.getMessage());
        // BUILD with a dict state applied to a tuple
        byte[] finalBuild = {(byte) 0x80, 2, ')', '}', 'b', '.'};
        e = assertThrows(PickleException.class, () -> RestrictedUnpickler.load(finalBuild, null));
        assertTrue(e.getMessage().contains("refused BUILD of Tuple"), e.getMessage());
    }

    @Test
    void refusesUnknownOpcodesNamingThem() {
        // INST ('i'), OBJ ('o'), NEWOBJ (0x81), EXT1 (0x82), PERSID ('P'): instantiate or look up things
        for (int op : new int[] {'i', 'o', 0x81, 0x82, 'P', 'S'}) {
            byte[] p = {(byte) 0x80, 2, (byte) op, '.'};
            PickleException e = assertThrows(PickleException.class, () -> RestrictedUnpickler.load(p, null));
            assertTrue(e.getMessage().startsWith(String.format("refused pickle opcode 0x%02x", op)), e.getMessage());
        }
    }

    @Test
    void reportsTruncationAndMalformedStacks() {
        byte[] full = new PickleWriter().proto().mark().string("abcdef").integer(70000).tuple().stop();
        for (int cut = 1; cut < full.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            assertThrows(PickleException.class, () -> RestrictedUnpickler.load(part, null), "cut at " + cut);
        }
        assertThrows(PickleException.class, () -> RestrictedUnpickler.load(new byte[] {(byte) 0x80, 2, 't', '.'}, null));
        assertThrows(PickleException.class, () -> RestrictedUnpickler.load(new byte[] {(byte) 0x80, 2, 'h', 5, '.'}, null));
    }

    @Test
    void rebuildsTensorsThroughThePersistentIdResolver() {
        byte[] p = new PickleWriter().proto().global("torch._utils", "_rebuild_tensor_v2").mark()
                .mark().string("storage").global("torch", "HalfStorage").string("7").string("cpu").integer(12).tuple().persistentId()
                .integer(3).intTuple(new long[] {2, 3}).intTuple(new long[] {1, 2}).bool(false)
                .global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce().stop();
        Object v = RestrictedUnpickler.load(p, pid -> "storage " + pid.get(2) + " of " + ((RestrictedUnpickler.Global) pid.get(1)).name());
        RestrictedUnpickler.Tensor t = assertInstanceOf(RestrictedUnpickler.Tensor.class, v);
        assertEquals("storage 7 of HalfStorage", t.storage());
        assertEquals(3, t.storageOffset());
        assertArrayEquals(new long[] {2, 3}, t.shape());
        assertArrayEquals(new long[] {1, 2}, t.stride());
        assertThrows(PickleException.class, () -> RestrictedUnpickler.load(p, null), "persistent ids need a resolver");
    }

    @Test
    void halfPrecisionConvertsExactly() {
        assertEquals(1.0f, Half.toFloat((short) 0x3c00));
        assertEquals(-2.0f, Half.toFloat((short) 0xc000));
        assertEquals(65504f, Half.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
        assertEquals(0.333251953125f, Half.toFloat((short) 0x3555));
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat((short) 0x7c00));
        assertTrue(Float.isNaN(Half.toFloat((short) 0x7e00)));
    }
}
