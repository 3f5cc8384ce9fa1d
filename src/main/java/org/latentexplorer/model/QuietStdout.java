package org.latentexplorer.model;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Silences {@code System.out} for one thread while it runs one piece of work, and for no other thread.
 * SameDiff 1.0.0-M2.1's {@code createGradFunction} prints "Added differentiated op …" with a hard-coded
 * {@code System.out.println} (no logger to configure), one line per op. Instead of swapping {@code System.out}
 * process-wide for the duration (which loses every other thread's output meanwhile), {@link #run} makes sure
 * {@code System.out} is a {@link PrintStream} that forwards every call to the stream it replaced, except calls
 * made by a thread inside {@link #run}. Installing it is idempotent and changes nothing that other code can see
 * but the stream's identity; if someone replaces {@code System.out} later, the next {@link #run} wraps the new one.
 */
final class QuietStdout extends PrintStream {
    private static final ThreadLocal<Boolean> MUTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final PrintStream target;

    private QuietStdout(PrintStream target) {
        super(target, true);
        this.target = target;
    }

    /** Runs {@code work} with this thread's {@code System.out} output discarded; other threads print as usual. */
    static void run(Runnable work) {
        install();
        boolean outer = MUTED.get();
        MUTED.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            MUTED.set(outer);
        }
    }

    private static synchronized void install() {
        if (!(System.out instanceof QuietStdout)) {
            System.setOut(new QuietStdout(System.out));
        }
    }

    private static boolean muted() {
        return MUTED.get();
    }

    @Override
    public void write(int b) {
        if (!muted()) {
            target.write(b);
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        if (!muted()) {
            target.write(buf, off, len);
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }

    @Override
    public void print(boolean b) {
        if (!muted()) {
            target.print(b);
        }
    }

    @Override
    public void print(char c) {
        if (!muted()) {
            target.print(c);
        }
    }

    @Override
    public void print(int i) {
        if (!muted()) {
            target.print(i);
        }
    }

    @Override
    public void print(long l) {
        if (!muted()) {
            target.print(l);
        }
    }

    @Override
    public void print(float f) {
        if (!muted()) {
            target.print(f);
        }
    }

    @Override
    public void print(double d) {
        if (!muted()) {
            target.print(d);
        }
    }

    @Override
    public void print(char[] s) {
        if (!muted()) {
            target.print(s);
        }
    }

    @Override
    public void print(String s) {
        if (!muted()) {
            target.print(s);
        }
    }

    @Override
    public void print(Object obj) {
        if (!muted()) {
            target.print(obj);
        }
    }

    @Override
    public void println() {
        if (!muted()) {
            target.println();
        }
    }

    @Override
    public void println(boolean x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(char x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(int x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(long x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(float x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(double x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(char[] x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(String x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public void println(Object x) {
        if (!muted()) {
            target.println(x);
        }
    }

    @Override
    public PrintStream format(String format, Object... args) {
        if (!muted()) {
            target.format(format, args);
        }
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        if (!muted()) {
            target.format(l, format, args);
        }
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        if (!muted()) {
            target.append(csq);
        }
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        if (!muted()) {
            target.append(csq, start, end);
        }
        return this;
    }

    @Override
    public PrintStream append(char c) {
        if (!muted()) {
            target.append(c);
        }
        return this;
    }
}
