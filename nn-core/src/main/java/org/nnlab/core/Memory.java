package org.nnlab.core;

import java.util.Locale;

/**
 * Refuses work whose memory would not fit, before anything is allocated: an {@link IllegalArgumentException}
 * that says how much it needs and what this JVM has, instead of an {@code OutOfMemoryError} half-way.
 *
 * <p>The budget for one piece of work is {@value #SHARE_PERCENT}% of the maximum heap
 * ({@code Runtime.maxMemory()}, set by {@code -Xmx}; by default a quarter of the machine's memory). It is a
 * fraction of the maximum, not of what is free now, so that the same request is accepted or refused the
 * same way on every run of the same JVM; the remainder leaves room for what else the program holds and
 * for the garbage collector.
 */
public final class Memory {
    /** The share of the maximum heap one piece of work may claim, in percent. */
    public static final int SHARE_PERCENT = 60;

    private Memory() {
    }

    /** The bytes one piece of work may claim in this JVM. */
    public static long budget() {
        return Runtime.getRuntime().maxMemory() / 100 * SHARE_PERCENT;
    }

    /**
     * Throws unless {@code bytes} fit {@link #budget()}.
     *
     * @param what names the work for the message, e.g. "PlaygroundSession: networkShape [7000, 7000] with 7 features"
     * @throws IllegalArgumentException "WHAT needs about N MiB; this JVM allows M MiB (60% of its K MiB heap);
     *                                  make it smaller or start java with a larger -Xmx"
     */
    public static void require(long bytes, String what) {
        long budget = budget();
        if (bytes < 0 || bytes > budget) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs about %s; this JVM allows %s for it (%d%% of its %s heap); make it smaller or start java "
                            + "with a larger -Xmx", what, size(bytes < 0 ? Long.MAX_VALUE : bytes), size(budget),
                    SHARE_PERCENT, size(Runtime.getRuntime().maxMemory())));
        }
    }

    /** {@code a * b} without overflow: {@link Long#MAX_VALUE} when the product does not fit. */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /** A byte count for people: "512 MiB", "3.2 GiB", "700 KiB". */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        if (bytes >= 10L << 30) {
            return String.format(Locale.ROOT, "%,d GiB", bytes >> 30);
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%,d MiB", (bytes + (1L << 19)) >> 20);
        }
        return String.format(Locale.ROOT, "%,d KiB", (bytes + 1023) >> 10);
    }
}
