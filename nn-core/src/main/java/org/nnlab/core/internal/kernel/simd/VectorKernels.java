package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.VectorShape;

import org.nnlab.core.internal.kernel.Binary;
import org.nnlab.core.internal.kernel.KernelSelection;
import org.nnlab.core.internal.kernel.Kernels;
import org.nnlab.core.internal.kernel.ScalarKernels;
import org.nnlab.core.internal.kernel.Unary;

/**
 * The kernels on the Vector API ({@code jdk.incubator.vector}, which only this package imports): every method
 * returns bitwise the {@link ScalarKernels}' result, at every vector width and in every JIT state, so choosing
 * between a method's vector form ({@link VectorForms}) and its scalar loops is only about speed.
 *
 * <p>Before C2 has compiled it, Vector API code runs in a Java fallback tens of times slower than a plain
 * loop, so each method runs the scalar loops until {@link Warmup} has found its family's vector form warm and
 * faster (when {@code nn.warmup} is true, the default, on two or more processors); matrix products from
 * {@link Warmup#EAGER_PRODUCT_MACS} multiply-adds on take the vector form once such products have run for
 * {@link Warmup#EAGER_RENT_NANOS} on the scalar loops.
 *
 * <p>The system property {@code nn.vector.bits} (128, 256 or 512) forces a narrower species, for tests
 * and benchmarks; by default the preferred species of the CPU is used. {@code nn.threads} (default 1)
 * lets products above {@link PackedGemm#PARALLEL_MACS} multiply-adds use that many threads, with
 * bitwise the same result.
 */
public final class VectorKernels extends ScalarKernels {
    /** Whether each kernel runs the scalar loops until {@link Warmup} has found its vector form faster. */
    private final boolean warmup = warmupEnabled();

    /**
     * Creates the vector kernels.
     *
     * @throws IllegalArgumentException      if {@code nn.vector.bits} is wider than the CPU's vectors
     * @throws UnsupportedOperationException if the preferred vectors hold fewer than 4 floats (under 128
     *                                       bits), where the Vector API is slower than scalar code
     */
    public VectorKernels() {
        checkWidth();
    }

    /**
     * The vector forms, created on first use: a short run that never warms a family loads none of the Vector
     * API's species and vector classes (about 30 ms of a cold start).
     */
    private static final class Lazy {
        static final VectorForms VECTOR = new VectorForms();
    }

    /**
     * Checks {@code nn.vector.bits} against the CPU from the preferred shape alone, which loads no species.
     *
     * @throws IllegalArgumentException      if {@code nn.vector.bits} is wider than the CPU's vectors
     * @throws UnsupportedOperationException if the preferred vectors hold fewer than 4 floats (under 128 bits)
     */
    static void checkWidth() {
        int cpu = VectorShape.preferredShape().vectorBitSize();
        int asked = KernelSelection.vectorBits();
        if (asked > cpu) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "system property nn.vector.bits='%d': wider than this CPU's %d-bit vectors; choose %s", asked, cpu,
                    cpu >= 256 ? "128 or 256" : "128"));
        }
        if (cpu < 128) {
            throw new UnsupportedOperationException("vector kernels need >= 128-bit vectors, the CPU offers " + cpu + " bits");
        }
    }

    /** {@code vector(S_512_BIT)}, with {@code x N threads} when {@code nn.threads} is above 1. */
    static String name(int bits, int threads) {
        return "vector(S_" + bits + "_BIT)" + (threads > 1 ? " x" + threads + " threads" : "");
    }

    /**
     * The vector forms from the first call, whatever {@code nn.warmup} says: for tests and benchmarks of the
     * vector code itself.
     */
    public static Kernels eager() {
        return new VectorForms();
    }

    private static boolean warmupEnabled() {
        try {
            return Warmup.enabled();
        } catch (IllegalArgumentException e) {
            return false;                 // reported by KernelSelection before these kernels are used
        }
    }

    @Override
    public String name() {
        int asked = bits();
        return name(asked > 0 ? asked : VectorShape.preferredShape().vectorBitSize(), threads());
    }

    /** {@code nn.threads}, read here rather than in {@link VectorForms} so that naming does not load the species. */
    static int threads() {
        try {
            return KernelSelection.threads();
        } catch (IllegalArgumentException e) {
            return 1;                     // reported by KernelSelection before these kernels are used
        }
    }

    /** {@code nn.vector.bits}, or 0 for the CPU's preferred width (and for a bad value, reported elsewhere). */
    static int bits() {
        try {
            return KernelSelection.vectorBits();
        } catch (IllegalArgumentException e) {
            return 0;                     // reported by KernelSelection before these kernels are used
        }
    }

    @Override
    public void progress(long done, long total) {
        if (warmup) {
            Warmup.forecast(done, total);
        }
    }

    /**
     * Whether a call should run the scalar loops (the same bits): while the warm-up is on and the family's
     * vector form is not yet warm and faster. {@code work} counts towards the rent that starts the warm-up.
     */
    private boolean cold(Warmup.Family f, long work) {
        return warmup && !Warmup.ready(f, work);
    }

    /**
     * {@link #cold} for a product or a convolution of {@code multiplyAdds}; one of {@link Warmup#EAGER_PRODUCT_MACS}
     * or more is warm once such large ones have paid their own rent ({@link Warmup#readyLarge}).
     */
    private boolean coldLarge(Warmup.Family f, long multiplyAdds) {
        if (multiplyAdds < Warmup.EAGER_PRODUCT_MACS) {
            return cold(f, multiplyAdds);
        }
        return warmup && !Warmup.readyLarge(f, multiplyAdds);
    }

    private boolean coldProduct(int m, int k, int n) {
        return coldLarge(Warmup.Family.PRODUCTS, (long) m * k * n);
    }

    @Override
    public void gemm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        if (coldProduct(m, k, n)) {
            super.gemm(a, aOff, b, bOff, c, cOff, m, k, n);
        } else {
            Lazy.VECTOR.gemm(a, aOff, b, bOff, c, cOff, m, k, n);
        }
    }

    @Override
    public void gemmTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        if (coldProduct(m, k, n)) {
            super.gemmTransA(a, aOff, b, bOff, c, cOff, m, k, n);
        } else {
            Lazy.VECTOR.gemmTransA(a, aOff, b, bOff, c, cOff, m, k, n);
        }
    }

    @Override
    public void gemmTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        if (coldProduct(m, k, n)) {
            super.gemmTransB(a, aOff, b, bOff, c, cOff, m, k, n);
        } else {
            Lazy.VECTOR.gemmTransB(a, aOff, b, bOff, c, cOff, m, k, n);
        }
    }

    private boolean coldConvolution(int n, int c, int h, int w, int f, int kh, int kw) {
        return coldLarge(Warmup.Family.CONVOLUTIONS, (long) n * f * (h - kh + 1) * (w - kw + 1) * c * kh * kw);
    }

    @Override
    public void convForward(float[] x, int n, int c, int h, int w, float[] weight, int f, int kh, int kw, float[] bias,
                            float[] out) {
        if (coldConvolution(n, c, h, w, f, kh, kw)) {
            super.convForward(x, n, c, h, w, weight, f, kh, kw, bias, out);
        } else {
            Lazy.VECTOR.convForward(x, n, c, h, w, weight, f, kh, kw, bias, out);
        }
    }

    @Override
    public void convWeightGradient(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw,
                                   float[] gw) {
        if (coldConvolution(n, c, h, w, f, kh, kw)) {
            super.convWeightGradient(g, x, n, c, h, w, f, kh, kw, gw);
        } else {
            Lazy.VECTOR.convWeightGradient(g, x, n, c, h, w, f, kh, kw, gw);
        }
    }

    @Override
    public void convInputGradient(float[] g, float[] weight, int n, int c, int h, int w, int f, int kh, int kw,
                                  float[] gx) {
        if (coldConvolution(n, c, h, w, f, kh, kw)) {
            super.convInputGradient(g, weight, n, c, h, w, f, kh, kw, gx);
        } else {
            Lazy.VECTOR.convInputGradient(g, weight, n, c, h, w, f, kh, kw, gx);
        }
    }

    @Override
    public void maxPool2x2(float[] x, int planes, int h, int w, float[] out, int[] argmax) {
        if (cold(Warmup.Family.POOLING, (long) planes * (h / 2) * (w / 2))) {
            super.maxPool2x2(x, planes, h, w, out, argmax);
        } else {
            Lazy.VECTOR.maxPool2x2(x, planes, h, w, out, argmax);
        }
    }

    @Override
    public void gemmDoubleSum(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                              int biasOff, float[] c, int cOff, int m, int k, int n) {
        if (cold(Warmup.Family.DOUBLE_SUMS, (long) m * k * n)) {
            super.gemmDoubleSum(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, m, k, n);
        } else {
            Lazy.VECTOR.gemmDoubleSum(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, m, k, n);
        }
    }

    @Override
    public void denseColumns(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n, boolean relu) {
        if (cold(Warmup.Family.COLUMNS, (long) in * out * n)) {
            super.denseColumns(x, in, w, wOff, bOff, y, out, n, relu);
        } else {
            Lazy.VECTOR.denseColumns(x, in, w, wOff, bOff, y, out, n, relu);
        }
    }

    @Override
    public void denseColumnsBack(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in, int n) {
        if (cold(Warmup.Family.COLUMNS, (long) in * out * n)) {
            super.denseColumnsBack(d, out, w, wOff, y, below, in, n);
        } else {
            Lazy.VECTOR.denseColumnsBack(d, out, w, wOff, y, below, in, n);
        }
    }

    @Override
    public void laneSums(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms, double[] y,
                         int rows, int m) {
        if (cold(Warmup.Family.LANES, (long) rows * terms * m)) {
            super.laneSums(w, rowStride, termStride, init, x, terms, y, rows, m);
        } else {
            Lazy.VECTOR.laneSums(w, rowStride, termStride, init, x, terms, y, rows, m);
        }
    }

    @Override
    public void laneGradients(double[] d, int rows, double[] x, int terms, boolean[] dead, double[] acc, int m) {
        if (cold(Warmup.Family.LANES, (long) rows * terms * m)) {
            super.laneGradients(d, rows, x, terms, dead, acc, m);
        } else {
            Lazy.VECTOR.laneGradients(d, rows, x, terms, dead, acc, m);
        }
    }

    @Override
    public void denseColumnsGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        if (cold(Warmup.Family.COLUMNS, (long) (in + 1) * out * n)) {
            super.denseColumnsGradients(x, in, d, out, n, g, wOff, bOff);
        } else {
            Lazy.VECTOR.denseColumnsGradients(x, in, d, out, n, g, wOff, bOff);
        }
    }

    @Override
    public void strictTanh(double[] x, double[] y, int n) {
        if (cold(Warmup.Family.STRICT_MATH, n)) {
            super.strictTanh(x, y, n);
        } else {
            Lazy.VECTOR.strictTanh(x, y, n);
        }
    }

    @Override
    public void strictSigmoid(double[] x, double[] y, int n) {
        if (cold(Warmup.Family.STRICT_MATH, n)) {
            super.strictSigmoid(x, y, n);
        } else {
            Lazy.VECTOR.strictSigmoid(x, y, n);
        }
    }

    @Override
    public void strictSoftplus(double[] x, double[] y, int n) {
        if (cold(Warmup.Family.STRICT_MATH, n)) {
            super.strictSoftplus(x, y, n);
        } else {
            Lazy.VECTOR.strictSoftplus(x, y, n);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (cold(Warmup.Family.ELEMENTWISE, n)) {
            super.axpy(alpha, x, xOff, y, yOff, n);
        } else {
            Lazy.VECTOR.axpy(alpha, x, xOff, y, yOff, n);
        }
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        return cold(Warmup.Family.REDUCTIONS, n) ? super.dot(x, xOff, y, yOff, n) : Lazy.VECTOR.dot(x, xOff, y, yOff, n);
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        return cold(Warmup.Family.REDUCTIONS, n) ? super.sum(x, xOff, n) : Lazy.VECTOR.sum(x, xOff, n);
    }

    @Override
    public void map(Unary f, float alpha, float[] x, float[] y, int n) {
        if (cold(Warmup.Family.MAPS, n)) {
            super.map(f, alpha, x, y, n);
        } else {
            Lazy.VECTOR.map(f, alpha, x, y, n);
        }
    }

    @Override
    public void mapGrad(Unary f, float alpha, float[] x, float[] y, float[] gy, float[] gx, int n) {
        if (cold(Warmup.Family.MAPS, n)) {
            super.mapGrad(f, alpha, x, y, gy, gx, n);
        } else {
            Lazy.VECTOR.mapGrad(f, alpha, x, y, gy, gx, n);
        }
    }

    @Override
    public void zip(Binary op, float[] a, float[] b, float[] out, int n) {
        if (cold(Warmup.Family.ELEMENTWISE, n)) {
            super.zip(op, a, b, out, n);
        } else {
            Lazy.VECTOR.zip(op, a, b, out, n);
        }
    }

    @Override
    public void zipRow(Binary op, float[] a, float[] row, float[] out, int rows, int cols) {
        if (cold(Warmup.Family.ELEMENTWISE, (long) rows * cols)) {
            super.zipRow(op, a, row, out, rows, cols);
        } else {
            Lazy.VECTOR.zipRow(op, a, row, out, rows, cols);
        }
    }

    @Override
    public void zipScalar(Binary op, float[] a, float s, float[] out, int n) {
        if (cold(Warmup.Family.ELEMENTWISE, n)) {
            super.zipScalar(op, a, s, out, n);
        } else {
            Lazy.VECTOR.zipScalar(op, a, s, out, n);
        }
    }

    @Override
    public void mulAdd(float[] a, float[] b, float[] out, int n) {
        if (cold(Warmup.Family.ELEMENTWISE, n)) {
            super.mulAdd(a, b, out, n);
        } else {
            Lazy.VECTOR.mulAdd(a, b, out, n);
        }
    }

    @Override
    public void addColumnSums(float[] x, float[] out, int rows, int cols) {
        if (cold(Warmup.Family.ELEMENTWISE, (long) rows * cols)) {
            super.addColumnSums(x, out, rows, cols);
        } else {
            Lazy.VECTOR.addColumnSums(x, out, rows, cols);
        }
    }
}
