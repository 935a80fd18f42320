package org.nnlab.playground;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Playground's random generator: seedrandom 2.4.4's ARC4-based PRNG as installed by
 * {@code Math.seedrandom(seed)} (spec section 2.1), so that a Playground seed gives Playground's data
 * and initial weights exactly.
 *
 * <p>Key derivation mixes the UTF-16 code units of the seed into up to 256 key bytes; RC4's key
 * schedule follows, and the first 256 output bytes are dropped (RC4-drop[256]). {@link #nextDouble()}
 * turns 7 or more bytes into a double in [0, 1) with 53 significant bits, with the library's exact
 * binary64 arithmetic. Not thread-safe.
 */
public final class SeedRandom {
    private static final double TWO_52 = 4503599627370496.0;   // 2^52: significance
    private static final double TWO_53 = 9007199254740992.0;   // 2^53: overflow

    private final int[] s = new int[256];
    private int i;
    private int j;
    private final String seed;
    private long draws;

    private SeedRandom(String seed) {
        this.seed = seed;
        int[] key = mixKey(seed);
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        int jj = 0;
        for (int k = 0; k < 256; k++) {
            int t = s[k];
            jj = (jj + key[k % key.length] + t) & 255;
            s[k] = s[jj];
            s[jj] = t;
        }
        for (int k = 0; k < 256; k++) {      // RC4-drop[256]
            nextByte();
        }
    }

    /** The generator {@code Math.seedrandom(seed)} installs. Any string works, the empty one included. */
    public static SeedRandom of(String seed) {
        return new SeedRandom(seed);
    }

    /** The seed string this generator was made from. */
    public String seed() {
        return seed;
    }

    /** The next {@code Math.random()} value, in [0, 1). */
    public double nextDouble() {
        draws++;
        double n = nextBytes(6);
        double d = 281474976710656.0;          // 256^6
        double x = 0;
        while (n < TWO_52) {
            n = (n + x) * 256;
            d *= 256;
            x = nextByte();
        }
        while (n >= TWO_53) {
            n /= 2;
            d /= 2;
            x = (double) (((long) x) >>> 1);
        }
        return (n + x) / d;
    }

    /** How many doubles have been drawn: the spec counts draws to pin down where the stream is. */
    public long draws() {
        return draws;
    }

    /** {@code Math.random() * (b - a) + a}, Playground's {@code randUniform}. */
    public double uniform(double a, double b) {
        return nextDouble() * (b - a) + a;
    }

    /**
     * A new seed as Playground makes one, {@code Math.random().toFixed(5)}: the next value rounded half up
     * on its exact binary value to 5 decimals, as in {@code "0.59704"}.
     */
    public String nextSeedString() {
        return new BigDecimal(nextDouble()).setScale(5, RoundingMode.HALF_UP).toPlainString();
    }

    private double nextBytes(int count) {
        double r = 0;
        for (int k = 0; k < count; k++) {
            r = r * 256 + nextByte();
        }
        return r;
    }

    private int nextByte() {
        i = (i + 1) & 255;
        int t = s[i];
        j = (j + t) & 255;
        s[i] = s[j];
        s[j] = t;
        return s[(s[i] + s[j]) & 255];
    }

    /** seedrandom's {@code mixkey}: smear ^= K[k]·19; K[k] = (smear + c) & 255, for k = position & 255. */
    private static int[] mixKey(String seed) {
        int[] key = new int[Math.min(seed.length(), 256)];
        int smear = 0;
        for (int pos = 0; pos < seed.length(); pos++) {
            int k = pos & 255;
            smear ^= key[k] * 19;
            key[k] = (smear + seed.charAt(pos)) & 255;
        }
        return key.length == 0 ? new int[] {0} : key;
    }

    @Override
    public String toString() {
        return "SeedRandom[seed=" + seed + "]";
    }
}
