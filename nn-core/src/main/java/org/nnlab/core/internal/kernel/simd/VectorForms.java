package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.nnlab.core.internal.kernel.Binary;
import org.nnlab.core.internal.kernel.ScalarKernels;
import org.nnlab.core.internal.kernel.Unary;

import static org.nnlab.core.internal.kernel.ScalarKernels.STRIPES;
import static org.nnlab.core.internal.kernel.ScalarKernels.combineStripes;
import static org.nnlab.core.internal.kernel.ScalarKernels.dotStripes;
import static org.nnlab.core.internal.kernel.ScalarKernels.sumStripes;

/**
 * The vector forms of the kernels, from their first call: the code on the Vector API that
 * {@link VectorKernels} runs once it is warm. Every method returns bitwise the {@link ScalarKernels}' result
 * at every vector width: the vector code runs the scalar definition's operations in its order on each lane
 * (the same fma chains, {@code FloatMath}'s functions as {@link VectorMath}, the same partial sums).
 *
 * <p>Idioms (llama3.java, Lucene): one species chosen at class initialization ({@code static final}, so
 * the JIT treats it as a constant), loops to {@code loopBound}, accumulation with {@code fma}, and the tail
 * given to the scalar reference. Kernels not overridden here are the scalar ones. Matrix products share one
 * packed, register-blocked design (Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3), 2008); see {@link PackedGemm}.
 *
 * <p>A class of its own, apart from the gated {@link VectorKernels}, so that the warm-up thread's calls
 * compile this code without adding a never-taken branch to the profile of the methods a run calls (which
 * made C2 deoptimize them, and the run slower).
 */
final class VectorForms extends ScalarKernels {
    static final VectorSpecies<Float> S = chooseSpecies();
    static final int L = S.length();

    /** Threads a large matrix product may use: {@code -Dnn.threads=N}, default 1 (single-threaded). */
    static final int THREADS = VectorKernels.threads();

    private final PackedGemm gemm = new PackedGemm(THREADS);
    private final ChannelConv conv = new ChannelConv();

    /**
     * @throws IllegalArgumentException      if {@code nn.vector.bits} is wider than the CPU's vectors
     * @throws UnsupportedOperationException if the preferred vectors hold fewer than 4 floats (under 128
     *                                       bits), where the Vector API is slower than scalar code
     */
    VectorForms() {
        VectorKernels.checkWidth();
    }

    private static VectorSpecies<Float> chooseSpecies() {
        int bits = VectorKernels.bits();
        return switch (bits) {
            case 128 -> FloatVector.SPECIES_128;
            case 256 -> FloatVector.SPECIES_256;
            case 512 -> FloatVector.SPECIES_512;
            default -> FloatVector.SPECIES_PREFERRED;
        };
    }

    @Override
    public String name() {
        return VectorKernels.name(S.vectorBitSize(), THREADS);
    }

    /** buffer, or a new array of size floats if it is shorter: the kernels' per-thread scratch grows, never shrinks. */
    static float[] atLeast(float[] buffer, int size) {
        return buffer.length < size ? new float[size] : buffer;
    }

    // ------------------------------------------------------------------ matrix products

    @Override
    public void gemm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        gemm.multiply(a, aOff, false, b, bOff, false, c, cOff, m, k, n);
    }

    @Override
    public void gemmDoubleSum(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                              int biasOff, float[] c, int cOff, int m, int k, int n) {
        DoubleSumGemm.multiply(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, m, k, n);
    }

    @Override
    public void denseColumns(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n, boolean relu) {
        ColumnLayers.forward(x, in, w, wOff, bOff, y, out, n, relu);
    }

    @Override
    public void denseColumnsBack(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in, int n) {
        ColumnLayers.back(d, out, w, wOff, y, below, in, n);
    }

    @Override
    public void denseColumnsGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        ColumnLayers.gradients(x, in, d, out, n, g, wOff, bOff);
    }

    @Override
    public void laneSums(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms, double[] y,
                         int rows, int m) {
        DoubleLanes.sums(w, rowStride, termStride, init, x, terms, y, rows, m);
    }

    @Override
    public void laneGradients(double[] d, int rows, double[] x, int terms, boolean[] dead, double[] acc, int m) {
        DoubleLanes.gradients(d, rows, x, terms, dead, acc, m);
    }

    @Override
    public void gemmTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        gemm.multiply(a, aOff, true, b, bOff, false, c, cOff, m, k, n);
    }

    @Override
    public void gemmTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        gemm.multiply(a, aOff, false, b, bOff, true, c, cOff, m, k, n);
    }

    // ------------------------------------------------------------------ convolutions

    @Override
    public void convForward(float[] x, int n, int c, int h, int w, float[] weight, int f, int kh, int kw, float[] bias,
                            float[] out) {
        conv.forward(x, n, c, h, w, weight, f, kh, kw, bias, out);
    }

    @Override
    public void convWeightGradient(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw,
                                   float[] gw) {
        conv.weightGradient(g, x, n, c, h, w, f, kh, kw, gw);
    }

    @Override
    public void convInputGradient(float[] g, float[] weight, int n, int c, int h, int w, int f, int kh, int kw,
                                  float[] gx) {
        conv.inputGradient(g, weight, n, c, h, w, f, kh, kw, gx);
    }

    @Override
    public void maxPool2x2(float[] x, int planes, int h, int w, float[] out, int[] argmax) {
        MaxPool.pool(x, planes, h, w, out, argmax);
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
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        if (n < STRIPES) {
            return super.dot(x, xOff, y, yOff, n);
        }
        // partial sum j in lane j % L of the vector at j: STRIPES / L independent fma chains, kept in the array
        // (an array of vectors would be boxed), so every width fills the same partial sums
        float[] s = new float[STRIPES];
        int i = 0;
        for (int bound = n - STRIPES; i <= bound; i += STRIPES) {
            for (int q = 0; q < STRIPES; q += L) {
                FloatVector.fromArray(S, x, xOff + i + q).fma(FloatVector.fromArray(S, y, yOff + i + q), v(s, q)).intoArray(s, q);
            }
        }
        dotStripes(x, xOff, y, yOff, i, n, s);
        return combineStripes(s);
    }

    @Override
    public float sum(float[] x, int xOff, int n) {
        if (n < STRIPES) {
            return super.sum(x, xOff, n);
        }
        float[] s = new float[STRIPES];
        int i = 0;
        for (int bound = n - STRIPES; i <= bound; i += STRIPES) {
            for (int q = 0; q < STRIPES; q += L) {
                v(s, q).add(FloatVector.fromArray(S, x, xOff + i + q)).intoArray(s, q);
            }
        }
        sumStripes(x, xOff, i, n, s);
        return combineStripes(s);
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
        StrictTanh.apply(x, y, n);
    }

    @Override
    public void strictSigmoid(double[] x, double[] y, int n) {
        StrictExp.sigmoid(x, y, n);
    }

    @Override
    public void strictSoftplus(double[] x, double[] y, int n) {
        StrictExp.softplus(x, y, n);
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
            gx[i] = f.accumulateGradient(x[i], y[i], gy[i], gx[i], alpha);
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
            out[i] = Math.fma(a[i], b[i], out[i]);
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
