package org.nnlab.core.internal.kernel;

import java.util.SplittableRandom;

/**
 * A digest of every kernel's output bits on fixed inputs at sizes that straddle lane multiples: every kernel
 * must give the same digest in every JIT state (interpreter, C1, C2), and the vector kernels the scalar
 * ones'. {@code main} prints it, for a child JVM started with {@code -Xint} or {@code -XX:TieredStopAtLevel=1}.
 */
public final class KernelDigest {
    static final int[] SIZES = {1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 257, 1961};

    private KernelDigest() {
    }

    /** Prints {@link #digest(Kernels)} of {@link #kernels()}. */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String d = null;
        for (int i = 0; i < repeats; i++) {
            d = digest(kernels());
        }
        System.out.println(kernels().name() + " " + d);
    }

    /**
     * The kernels under test: the eager vector kernels (their vector forms from the first call, whatever the
     * warm-up does) when the chosen kernels are vector kernels, else the scalar ones.
     */
    static Kernels kernels() {
        return Kernels.get() == KernelSelection.scalar() ? Kernels.get() : org.nnlab.core.internal.kernel.simd.VectorKernels.eager();
    }

    /** One hash over the bits of every kernel's outputs. */
    public static String digest(Kernels k) {
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
            for (Binary b : Binary.values()) {
                k.zipScalar(b, x, 0.7f, y, n);
                h = mix(h, y);
            }
            float[] acc = inputs(n, 5);
            k.mulAdd(x, w, acc, n);
            k.axpy(-0.3f, x, 0, acc, 0, n);
            h = mix(h, acc);
            double[] dx = new double[n];
            double[] dy = new double[n];
            for (int i = 0; i < n; i++) {
                dx[i] = x[i] * 1.7;
            }
            k.strictTanh(dx, dy, n);
            for (double d : dy) {
                h = (h ^ Double.doubleToRawLongBits(d)) * 0x100000001b3L;
            }
            float[] b8 = inputs(8 * 8, 3);
            float[] a = inputs(n * 8, 4);
            for (Binary b : Binary.values()) {
                float[] rows = new float[n * 8];
                k.zipRow(b, a, java.util.Arrays.copyOf(b8, 8), rows, n, 8);
                h = mix(h, rows);
            }
            float[] soft = new float[n * 8];
            k.softmaxRows(a, soft, n, 8);
            h = mix(h, soft);
            float[] sums = new float[8];
            k.addColumnSums(a, sums, n, 8);
            h = mix(h, sums);
        }
        // the products: narrow (Playground's and GAN Lab's widths), packed, transposed, on every path
        int[][] shapes = {{1, 8, 8}, {10, 8, 8}, {150, 2, 8}, {150, 8, 1}, {100, 9, 9}, {33, 17, 5}, {64, 64, 64},
            {130, 70, 90}, {257, 31, 40}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int kk = shape[1];
            int n = shape[2];
            float[] a = inputs(m * kk, 6);
            float[] b = inputs(kk * n, 7);
            float[] c = new float[m * n];
            k.gemm(a, 0, b, 0, c, 0, m, kk, n);
            h = mix(h, c);
            float[] at = inputs(kk * m, 8);
            float[] ct = new float[m * n];
            k.gemmTransA(at, 0, b, 0, ct, 0, m, kk, n);
            h = mix(h, ct);
            float[] bt = inputs(n * kk, 9);
            float[] cb = new float[m * n];
            k.gemmTransB(a, 0, bt, 0, cb, 0, m, kk, n);
            h = mix(h, cb);
            float[] bias = inputs(n, 10);
            float[] cd = new float[m * n];
            k.gemmDoubleSum(a, 0, b, 0, bias, 0, cd, 0, m, kk, n);
            h = mix(h, cd);
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
