package org.nnlab.core.kernel;

import java.util.SplittableRandom;

/**
 * A digest of every kernel's output bits on fixed inputs at sizes that straddle lane multiples: the same
 * kernels must give the same digest in every JIT state (interpreter, C1, C2). {@code main} prints it, for a
 * child JVM started with {@code -Xint} or {@code -XX:TieredStopAtLevel=1}.
 */
final class KernelDigest {
    static final int[] SIZES = {1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 257, 1961};

    private KernelDigest() {
    }

    /** Prints {@link #digest(Kernels)} of the chosen kernels. */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String d = null;
        for (int i = 0; i < repeats; i++) {
            d = digest(Kernels.get());
        }
        System.out.println(Kernels.get().name() + " " + d);
    }

    /** One hash over the bits of every kernel's outputs. */
    static String digest(Kernels k) {
        long h = 1125899906842597L;
        for (int n : SIZES) {
            float[] x = inputs(n, 1);
            float[] w = inputs(n, 2);
            float[] y = new float[n];
            for (Unary f : Unary.values()) {
                float[] in = f == Unary.LOG || f == Unary.SQRT ? abs(x) : x;
                k.map(f, 0.2f, in, y, n);
                h = mix(h, y);
                float[] gx = new float[n];
                k.mapGrad(f, 0.2f, in, y, w, gx, n);
                h = mix(h, gx);
            }
            h = mix(h, new float[] {k.dot(x, 0, w, 0, n), k.sum(x, 0, n)});
            for (Binary b : Binary.values()) {
                k.zip(b, x, w, y, n);
                h = mix(h, y);
            }
            float[] c = new float[n * 8];
            float[] b8 = inputs(8 * 8, 3);
            float[] a = inputs(n * 8, 4);
            k.gemm(a, 0, b8, 0, c, 0, n, 8, 8);
            h = mix(h, c);
            float[] soft = new float[n * 8];
            k.softmaxRows(a, soft, n, 8);
            h = mix(h, soft);
            float[] sums = new float[8];
            k.addColumnSums(a, sums, n, 8);
            h = mix(h, sums);
        }
        return Long.toHexString(h);
    }

    private static float[] inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 17) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> 1e-30f;
                case 3 -> 95f;
                case 4 -> -95f;
                default -> (float) r.nextDouble(-12, 12);
            };
        }
        return v;
    }

    private static float[] abs(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]) + 1e-3f;
        }
        return out;
    }

    private static long mix(long h, float[] v) {
        for (float f : v) {
            h = (h ^ Float.floatToRawIntBits(f)) * 0x100000001b3L;
        }
        return h;
    }
}
