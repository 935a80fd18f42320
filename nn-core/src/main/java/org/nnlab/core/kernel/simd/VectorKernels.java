package org.nnlab.core.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.nnlab.core.kernel.Binary;
import org.nnlab.core.kernel.KernelSelection;
import org.nnlab.core.kernel.ScalarKernels;
import org.nnlab.core.kernel.Unary;

/**
 * The kernels on the Vector API ({@code jdk.incubator.vector}); this package is the only one in nnlab that
 * imports it.
 *
 * <p>Idioms (llama3.java, Lucene): one species chosen at class initialization ({@code static final}, so
 * the JIT treats it as a constant), loops to {@code loopBound}, accumulation with {@code fma}, and the tail
 * given to the scalar reference. Kernels not overridden here are the scalar ones.
 *
 * <p>The system property {@code nn.vector.bits} (128, 256 or 512) forces a narrower species, for tests
 * and benchmarks; by default the preferred species of the CPU is used. {@code nn.threads} (default 1)
 * lets products above {@link PackedGemm#PARALLEL_MACS} multiply-adds use that many threads, with
 * bitwise the same result.
 *
 * <p>Matrix products share one packed, register-blocked design (Goto and van de Geijn, "Anatomy of
 * high-performance matrix multiplication", ACM TOMS 34(3), 2008); see {@link PackedGemm}.
 */
public final class VectorKernels extends ScalarKernels {
    static final VectorSpecies<Float> S = chooseSpecies();
    static final int L = S.length();

    /** Threads a large matrix product may use: {@code -Dnn.threads=N}, default 1 (single-threaded). */
    static final int THREADS = threads();

    /** Whether the bitwise-scalar kernels wait for {@link Warmup} before taking their vector form. */
    private static final boolean WARMUP = warmupEnabled();

    private final PackedGemm gemm = new PackedGemm(THREADS);

    /**
     * Creates the vector kernels.
     *
     * @throws UnsupportedOperationException if the preferred vectors hold fewer than 4 floats (under 128
     *                                       bits), where the Vector API is slower than scalar code
     */
    public VectorKernels() {
        int asked = KernelSelection.vectorBits();
        if (asked > FloatVector.SPECIES_PREFERRED.vectorBitSize()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "system property nn.vector.bits='%d': wider than this CPU's %d-bit vectors; choose %s", asked,
                    FloatVector.SPECIES_PREFERRED.vectorBitSize(),
                    FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256 ? "128 or 256" : "128"));
        }
        if (L < 4) {
            throw new UnsupportedOperationException("vector kernels need >= 128-bit vectors, the CPU offers " + S);
        }
    }

    private static boolean warmupEnabled() {
        try {
            return Warmup.enabled();
        } catch (IllegalArgumentException e) {
            return false;                 // reported by KernelSelection before these kernels are used
        }
    }

    private static int threads() {
        try {
            return KernelSelection.threads();
        } catch (IllegalArgumentException e) {
            return 1;                     // reported by KernelSelection before these kernels are used
        }
    }

    private static VectorSpecies<Float> chooseSpecies() {
        int bits;
        try {
            bits = KernelSelection.vectorBits();
        } catch (IllegalArgumentException e) {
            bits = 0;                     // KernelSelection reports the bad value before these kernels are used
        }
        return switch (bits) {
            case 128 -> FloatVector.SPECIES_128;
            case 256 -> FloatVector.SPECIES_256;
            case 512 -> FloatVector.SPECIES_512;
            default -> FloatVector.SPECIES_PREFERRED;
        };
    }

    @Override
    public String name() {
        return "vector(S_" + S.vectorBitSize() + "_BIT)" + (THREADS > 1 ? " x" + THREADS + " threads" : "");
    }

    // ------------------------------------------------------------------ matrix products

    @Override
    public void gemm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        gemm.multiply(a, aOff, false, b, bOff, false, c, cOff, m, k, n);
    }

    @Override
    public void gemmDoubleSum(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                              int biasOff, float[] c, int cOff, int m, int k, int n) {
        if (WARMUP && !Warmup.doubleSum((long) m * k * n)) {
            ScalarKernels.doubleSums(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, 0, m, k, n);  // same bits
        } else {
            DoubleSumGemm.multiply(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, m, k, n);
        }
    }

    @Override
    public void gemmTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        gemm.multiply(a, aOff, true, b, bOff, false, c, cOff, m, k, n);
    }

    @Override
    public void gemmTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        gemm.multiply(a, aOff, false, b, bOff, true, c, cOff, m, k, n);
    }

    // ------------------------------------------------------------------ vectors

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, xOff + i);
            vx.fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        // four accumulators hide the FMA latency
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        int i = 0;
        for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
            s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
            s1 = FloatVector.fromArray(S, x, xOff + i + L).fma(FloatVector.fromArray(S, y, yOff + i + L), s1);
            s2 = FloatVector.fromArray(S, x, xOff + i + 2 * L).fma(FloatVector.fromArray(S, y, yOff + i + 2 * L), s2);
            s3 = FloatVector.fromArray(S, x, xOff + i + 3 * L).fma(FloatVector.fromArray(S, y, yOff + i + 3 * L), s3);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
        }
        float s = lanesInOrder(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        int i = 0;
        for (int bound = n - 2 * L; i <= bound; i += 2 * L) {
            s0 = s0.add(FloatVector.fromArray(S, x, xOff + i));
            s1 = s1.add(FloatVector.fromArray(S, x, xOff + i + L));
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, x, xOff + i));
        }
        float s = lanesInOrder(s0.add(s1));
        for (; i < n; i++) {
            s += x[xOff + i];
        }
        return s;
    }

    /**
     * The sum of the lanes from the first to the last, one float addition at a time. Not
     * {@code reduceLanes(ADD)}: the Vector API leaves its order open, and C2 and the Java fallback sum in
     * different orders, so a sum changed as the JIT warmed up.
     */
    private static float lanesInOrder(FloatVector v) {
        float s = 0;
        for (int j = 0; j < L; j++) {
            s += v.lane(j);
        }
        return s;
    }

    // ------------------------------------------------------------------ elementwise

    @Override
    public void map(Unary f, float alpha, float[] x, float[] y, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (f) {
            case NEG -> { for (; i < bound; i += L) { v(x, i).neg().intoArray(y, i); } }
            case EXP -> { for (; i < bound; i += L) { VectorMath.exp(v(x, i)).intoArray(y, i); } }
            case LOG, SIN -> {
                // the scalar loop below: Math.log and Math.sin give the same bits in every JIT tier, which the
                // Vector API's LOG and SIN do not
            }
            case SQRT -> { for (; i < bound; i += L) { v(x, i).sqrt().intoArray(y, i); } }
            case SQUARE -> { for (; i < bound; i += L) { FloatVector t = v(x, i); t.mul(t).intoArray(y, i); } }
            case ABS -> { for (; i < bound; i += L) { v(x, i).abs().intoArray(y, i); } }
            case RELU -> { for (; i < bound; i += L) { v(x, i).max(0f).intoArray(y, i); } }
            case LEAKY_RELU -> {
                for (; i < bound; i += L) {
                    FloatVector t = v(x, i);
                    t.blend(t.mul(alpha), t.compare(VectorOperators.LE, 0f)).intoArray(y, i);
                }
            }
            case ELU -> {
                for (; i < bound; i += L) {
                    FloatVector t = v(x, i);
                    VectorMask<Float> neg = t.compare(VectorOperators.LE, 0f);
                    t.blend(VectorMath.expm1(t).mul(alpha), neg).intoArray(y, i);
                }
            }
            case TANH -> { for (; i < bound; i += L) { VectorMath.tanh(v(x, i)).intoArray(y, i); } }
            case SIGMOID -> { for (; i < bound; i += L) { VectorMath.sigmoid(v(x, i)).intoArray(y, i); } }
        }
        for (; i < n; i++) {
            y[i] = f.apply(x[i], alpha);
        }
    }

    @Override
    public void strictTanh(double[] x, double[] y, int n) {
        if (WARMUP && !Warmup.strictTanh(n)) {
            ScalarKernels.strictTanhLoop(x, y, n);                 // the same bits until the vector form is warm
        } else {
            StrictTanh.apply(x, y, n);
        }
    }

    @Override
    public void mapGrad(Unary f, float alpha, float[] x, float[] y, float[] gy, float[] gx, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (f) {
            case TANH -> {
                for (; i < bound; i += L) {            // gx += (1 - y²)·gy
                    FloatVector t = v(y, i);
                    t.fma(t.neg(), FloatVector.broadcast(S, 1f)).fma(v(gy, i), v(gx, i)).intoArray(gx, i);
                }
            }
            case SIGMOID -> {
                for (; i < bound; i += L) {            // gx += y(1 - y)·gy
                    FloatVector t = v(y, i);
                    t.mul(t.neg().add(1f)).fma(v(gy, i), v(gx, i)).intoArray(gx, i);
                }
            }
            case RELU -> {
                FloatVector zero = FloatVector.zero(S);
                for (; i < bound; i += L) {            // NOTE: x = 0 passes no gradient
                    VectorMask<Float> on = v(x, i).compare(VectorOperators.GT, 0f);
                    v(gx, i).add(zero.blend(v(gy, i), on)).intoArray(gx, i);
                }
            }
            case SQUARE -> {
                for (; i < bound; i += L) {
                    v(x, i).mul(2f).fma(v(gy, i), v(gx, i)).intoArray(gx, i);
                }
            }
            case EXP -> {
                for (; i < bound; i += L) {
                    v(y, i).fma(v(gy, i), v(gx, i)).intoArray(gx, i);
                }
            }
            default -> {
                // the remaining derivatives are cheap or rare; the reference handles them
            }
        }
        for (; i < n; i++) {
            gx[i] += f.derivative(x[i], y[i], gy[i], alpha);
        }
    }

    @Override
    public void zip(Binary op, float[] a, float[] b, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            apply(op, v(a, i), v(b, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = op.apply(a[i], b[i]);
        }
    }

    @Override
    public void zipRow(Binary op, float[] a, float[] row, float[] out, int rows, int cols) {
        if (cols < L) {
            super.zipRow(op, a, row, out, rows, cols);
            return;
        }
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                apply(op, v(a, base + j), v(row, j)).intoArray(out, base + j);
            }
            for (; j < cols; j++) {
                out[base + j] = op.apply(a[base + j], row[j]);
            }
        }
    }

    @Override
    public void zipScalar(Binary op, float[] a, float s, float[] out, int n) {
        FloatVector vs = FloatVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            apply(op, v(a, i), vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = op.apply(a[i], s);
        }
    }

    @Override
    public void mulAdd(float[] a, float[] b, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            v(a, i).fma(v(b, i), v(out, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] += a[i] * b[i];
        }
    }

    @Override
    public void addColumnSums(float[] x, float[] out, int rows, int cols) {
        if (cols < L) {
            super.addColumnSums(x, out, rows, cols);
            return;
        }
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                v(out, j).add(v(x, base + j)).intoArray(out, j);
            }
            for (; j < cols; j++) {
                out[j] += x[base + j];
            }
        }
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }

    private static FloatVector apply(Binary op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
        };
    }
}
