package org.nnlab.core;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Told how far a long run has come: training epochs ({@code PlaygroundSession.step(int, ProgressListener)},
 * {@code GanSession.train(int, ProgressListener)}) or ascent steps
 * ({@code ActivationMaximization.maximize(..., ProgressListener)}), so that JShell, a program or a window can show
 * progress. It is called on the thread that runs the work, after each unit, with the units done and the total;
 * between two calls that thread may read the session (its losses, its epoch). A listener that throws stops the
 * run there: the work done so far stays done.
 *
 * <pre>{@code
 * session.step(5000, ProgressListener.printing("spiral"));   // "spiral 1,234/5,000 (25 %), 3,100/s, 1.2 s left"
 * session.step(5000, (done, total) -> bar.setValue((int) (100 * done / total)));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * After each unit of work.
     *
     * @param done  units done so far, 1..total
     * @param total units the call will do (an upper bound when the run may stop early, as an ascent that
     *              reaches its target or a session that diverges)
     */
    void progress(long done, long total);

    /** {@link #printing(PrintStream, String, Duration)} to standard error, at most once a second. */
    static ProgressListener printing(String what) {
        return printing(System.err, what, Duration.ofSeconds(1));
    }

    /**
     * A listener that prints one line to {@code out} at most once per {@code interval} (the first after one
     * interval, so short runs print nothing) and one when the last unit is done, if it printed before: what, how
     * far, the rate and the time left at the rate so far.
     *
     * @throws IllegalArgumentException if the interval is not positive
     */
    static ProgressListener printing(PrintStream out, String what, Duration interval) {
        java.util.Objects.requireNonNull(out, "ProgressListener.printing: out");
        Checks.requireArgument(!interval.isNegative() && !interval.isZero(),
                "ProgressListener.printing: interval must be positive, got %s", interval);
        long every = interval.toNanos();
        long start = System.nanoTime();
        long[] last = {start, 0};                          // when the last line was printed; lines printed
        return (done, total) -> {
            long now = System.nanoTime();
            boolean finished = done >= total;
            if (now - last[0] < every && !(finished && last[1] > 0)) {
                return;
            }
            last[0] = now;
            last[1]++;
            double seconds = (now - start) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            String tail = finished ? String.format(Locale.ROOT, "done in %.1f s", seconds)
                    : String.format(Locale.ROOT, "%.1f s left", rate > 0 ? (total - done) / rate : Double.NaN);
            out.printf(Locale.ROOT, "%s %,d/%,d (%.0f %%), %,.0f/s, %s%n", what, done, total,
                    total > 0 ? 100.0 * done / total : 100.0, rate, tail);
        };
    }
}
