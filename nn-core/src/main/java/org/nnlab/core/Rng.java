package org.nnlab.core;

/**
 * A seeded, splittable pseudo-random generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), written out here so that a seed gives bitwise the
 * same stream on every JDK.
 *
 * <p>Every random draw in nnlab takes an {@code Rng} argument. {@link #split()} derives an independent
 * generator for a sub-task (one per run of a sweep, one for dropout masks) so that adding draws in one
 * place does not shift the stream of another. Not thread-safe: give each thread its own split.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private final long gamma;
    private double spareGaussian = Double.NaN;

    private Rng(long seed, long gamma) {
        this.state = seed;
        this.gamma = gamma;
    }

    /** A generator whose whole stream is determined by {@code seed}. */
    public static Rng seeded(long seed) {
        return new Rng(seed, GOLDEN_GAMMA);
    }

    /** An independent generator derived from this one; advances this one by two draws. */
    public Rng split() {
        return new Rng(mix64(nextRaw()), mixGamma(nextRaw()));
    }

    /** A uniformly distributed 64-bit value. */
    public long nextLong() {
        return mix64(nextRaw());
    }

    /** A uniformly distributed 32-bit value. */
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /**
     * A uniform integer in {@code [0, bound)}, without modulo bias (Lemire's method with rejection).
     *
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        Checks.requireArgument(bound > 0, "Rng.nextInt: bound must be > 0, got %d", bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniform float in {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform float in {@code [lo, hi)}. */
    public float uniform(float lo, float hi) {
        return lo + (hi - lo) * nextFloat();
    }

    /**
     * A standard normal draw (mean 0, variance 1) by the polar Box-Muller method with {@link StrictMath},
     * so the value is the same on every platform. Draws come in pairs; the second is kept for the next call.
     */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        return u * factor;
    }

    private long nextRaw() {
        state += gamma;
        return state;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int n = Long.bitCount(z ^ (z >>> 1));
        return (n < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    @Override
    public String toString() {
        return "Rng[SplitMix64]";
    }
}
