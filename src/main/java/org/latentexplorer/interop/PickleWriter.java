package org.latentexplorer.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle protocol 2 opcode by opcode: just what a PyTorch state dict needs (strings, small
 * integers, tuples, globals, REDUCE, persistent ids, SETITEMS). The caller composes the program;
 * {@link TorchExport} writes a state dict with it. Output is what Python's pickle produces for the
 * same objects without memoisation, which {@code torch.load} accepts.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter proto() {
        out.write(0x80);
        out.write(2);
        return this;
    }

    PickleWriter global(String module, String name) {
        out.write('c');
        ascii(module + "\n" + name + "\n");
        return this;
    }

    PickleWriter mark() {
        out.write('(');
        return this;
    }

    PickleWriter tuple() {
        out.write('t');
        return this;
    }

    PickleWriter emptyTuple() {
        out.write(')');
        return this;
    }

    PickleWriter reduce() {
        out.write('R');
        return this;
    }

    PickleWriter setItems() {
        out.write('u');
        return this;
    }

    PickleWriter persistentId() {
        out.write('Q');
        return this;
    }

    PickleWriter bool(boolean b) {
        out.write(b ? 0x88 : 0x89);
        return this;
    }

    /** A non-negative integer below 2³¹ (BININT1, BININT2 or BININT). */
    PickleWriter integer(long v) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("integer out of range: " + v);
        }
        if (v < 0x100) {
            out.write('K');
            out.write((int) v);
        } else if (v < 0x10000) {
            out.write('M');
            out.write((int) v & 0xff);
            out.write((int) (v >>> 8));
        } else {
            out.write('J');
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
        }
        return this;
    }

    /** A str (BINUNICODE). */
    PickleWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        for (int i = 0; i < 4; i++) {
            out.write((b.length >>> (8 * i)) & 0xff);
        }
        out.writeBytes(b);
        return this;
    }

    /** A tuple of integers. */
    PickleWriter intTuple(long[] values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return tuple();
    }

    byte[] stop() {
        out.write('.');
        return out.toByteArray();
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
