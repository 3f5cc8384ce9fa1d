package org.latentexplorer.cluster;

import java.io.Writer;

/**
 * A writer that keeps only the last {@code capacity} characters written (a long training's progress output stays
 * bounded), and gives the last non-empty line of them. Progress bars' carriage returns count as line ends.
 */
final class TailWriter extends Writer {
    private final char[] ring;
    private long written;

    TailWriter(int capacity) {
        this.ring = new char[capacity];
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            ring[(int) (written++ % ring.length)] = buf[off + i];
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The kept characters in order. */
    synchronized String tail() {
        int kept = (int) Math.min(written, ring.length);
        StringBuilder b = new StringBuilder(kept);
        for (long i = written - kept; i < written; i++) {
            b.append(ring[(int) (i % ring.length)]);
        }
        return b.toString();
    }

    /** The last non-blank line of the kept characters, stripped; "" when there is none. */
    String lastLine() {
        String[] lines = tail().split("[\r\n]");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }
}
