package org.nnlab.examples;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line for long runs, on standard error at most once a second (the first after a second, so that
 * short runs print none): how far, the latest numbers, and the time left at the pace so far.
 */
final class ProgressLine {
    private final PrintWriter err;
    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    ProgressLine(PrintWriter err, String what, long total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    /** Reports {@code done} of the total with a detail such as the latest losses (printed if a second passed). */
    void update(long done, String detail) {
        long now = System.nanoTime();
        if (now - lastPrint < 1_000_000_000L) {
            return;
        }
        lastPrint = now;
        double elapsed = (now - start) / 1e9;
        double left = done > 0 ? elapsed * (total - done) / done : Double.NaN;
        err.printf(Locale.ROOT, "%s %,d/%,d \u00b7 %s \u00b7 %.1f s elapsed, %.1f s left%n", what, done, total, detail,
                elapsed, left);
        err.flush();
    }
}
