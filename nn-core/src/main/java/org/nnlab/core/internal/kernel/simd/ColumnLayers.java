package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.nnlab.core.internal.kernel.ScalarKernels;

/**
 * The dense layers of small networks on feature-major columns ({@link org.nnlab.core.internal.kernel.Kernels#denseColumns}
 * and its two backward kernels): the batch along the double lanes, so that a layer of 1, 2 or 8 neurons fills every
 * lane, and each layer is one pass that sums, rounds to float and applies ReLU without leaving registers.
 *
 * <p>Forward and back-propagation hold {@link #BLOCK} vectors of rows (independent fma chains) and walk the layer's
 * inputs with one broadcast weight per step; each lane's sum takes the scalar loops' steps in their order, and a
 * fused multiply-add of two floats' product is exact, so the bits are {@link ScalarKernels}'. The gradients sum over
 * the rows in order, which lanes cannot split: there the lanes run along a layer's neurons instead, over the
 * transposed deltas (or, for a layer narrower than its input, the transposed inputs), each row adding one vector
 * per weight row.
 */
final class ColumnLayers {
    /** Doubles in the float kernels' shape ({@code nn.vector.bits} narrows both). */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorForms.S.vectorShape());
    private static final int DL = D.length();
    /** Floats as many as D's lanes: the rounding to float goes there and back. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Layers narrower than this (an output of 1 or 2) take their gradients as scalar chains, without transposing. */
    private static final int NARROW_OUT = Math.max(3, DL / 2);
    /** Row vectors per step: independent chains to cover the fma latency. */
    private static final int BLOCK = 4;

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    private ColumnLayers() {
    }

    static void forward(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n, boolean relu) {
        int step = BLOCK * DL;
        int blocks = n / step * step;
        int vectors = n / DL * DL;
        DoubleVector zero = DoubleVector.zero(D);
        for (int j = 0; j < out; j++) {
            int yj = j * n;
            DoubleVector bias = DoubleVector.broadcast(D, w[bOff + j]);
            int r = 0;
            for (; r < blocks; r += step) {
                DoubleVector s0 = bias;
                DoubleVector s1 = bias;
                DoubleVector s2 = bias;
                DoubleVector s3 = bias;
                for (int i = 0; i < in; i++) {
                    DoubleVector wij = DoubleVector.broadcast(D, w[wOff + i * out + j]);
                    int xi = i * n + r;
                    s0 = DoubleVector.fromArray(D, x, xi).fma(wij, s0);
                    s1 = DoubleVector.fromArray(D, x, xi + DL).fma(wij, s1);
                    s2 = DoubleVector.fromArray(D, x, xi + 2 * DL).fma(wij, s2);
                    s3 = DoubleVector.fromArray(D, x, xi + 3 * DL).fma(wij, s3);
                }
                s0 = (DoubleVector) s0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                s1 = (DoubleVector) s1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                s2 = (DoubleVector) s2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                s3 = (DoubleVector) s3.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (relu) {                                      // Math.max(z, 0f): NaN stays, -0 becomes 0
                    s0 = s0.lanewise(VectorOperators.MAX, zero);
                    s1 = s1.lanewise(VectorOperators.MAX, zero);
                    s2 = s2.lanewise(VectorOperators.MAX, zero);
                    s3 = s3.lanewise(VectorOperators.MAX, zero);
                }
                s0.intoArray(y, yj + r);
                s1.intoArray(y, yj + r + DL);
                s2.intoArray(y, yj + r + 2 * DL);
                s3.intoArray(y, yj + r + 3 * DL);
            }
            for (; r < vectors; r += DL) {
                DoubleVector s = bias;
                for (int i = 0; i < in; i++) {
                    s = DoubleVector.fromArray(D, x, i * n + r).fma(DoubleVector.broadcast(D, w[wOff + i * out + j]), s);
                }
                s = (DoubleVector) s.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (relu) {
                    s = s.lanewise(VectorOperators.MAX, zero);
                }
                s.intoArray(y, yj + r);
            }
        }
        if (vectors < n) {
            ScalarKernels.denseColumnRows(x, in, w, wOff, bOff, y, out, n, vectors, n, relu);
        }
    }

    static void back(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in, int n) {
        int step = BLOCK * DL;
        int blocks = n / step * step;
        int vectors = n / DL * DL;
        DoubleVector zero = DoubleVector.zero(D);
        for (int i = 0; i < in; i++) {
            int bi = i * n;
            int r = 0;
            for (; r < blocks; r += step) {
                DoubleVector s0 = zero;
                DoubleVector s1 = zero;
                DoubleVector s2 = zero;
                DoubleVector s3 = zero;
                for (int j = 0; j < out; j++) {
                    DoubleVector wij = DoubleVector.broadcast(D, w[wOff + i * out + j]);
                    int dj = j * n + r;
                    s0 = DoubleVector.fromArray(D, d, dj).fma(wij, s0);
                    s1 = DoubleVector.fromArray(D, d, dj + DL).fma(wij, s1);
                    s2 = DoubleVector.fromArray(D, d, dj + 2 * DL).fma(wij, s2);
                    s3 = DoubleVector.fromArray(D, d, dj + 3 * DL).fma(wij, s3);
                }
                s0 = (DoubleVector) s0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (y != null) {                                  // ReLU's gradient into 0: 0 + g where y > 0, else 0
                    s0 = zero.blend(s0.add(zero), DoubleVector.fromArray(D, y, bi + r).compare(VectorOperators.GT, 0.0));
                }
                s0.intoArray(below, bi + r);
                s1 = (DoubleVector) s1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (y != null) {                                  // ReLU's gradient into 0: 0 + g where y > 0, else 0
                    s1 = zero.blend(s1.add(zero), DoubleVector.fromArray(D, y, bi + r + DL).compare(VectorOperators.GT, 0.0));
                }
                s1.intoArray(below, bi + r + DL);
                s2 = (DoubleVector) s2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (y != null) {                                  // ReLU's gradient into 0: 0 + g where y > 0, else 0
                    s2 = zero.blend(s2.add(zero), DoubleVector.fromArray(D, y, bi + r + 2 * DL).compare(VectorOperators.GT, 0.0));
                }
                s2.intoArray(below, bi + r + 2 * DL);
                s3 = (DoubleVector) s3.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (y != null) {                                  // ReLU's gradient into 0: 0 + g where y > 0, else 0
                    s3 = zero.blend(s3.add(zero), DoubleVector.fromArray(D, y, bi + r + 3 * DL).compare(VectorOperators.GT, 0.0));
                }
                s3.intoArray(below, bi + r + 3 * DL);
            }
            for (; r < vectors; r += DL) {
                DoubleVector s = zero;
                for (int j = 0; j < out; j++) {
                    s = DoubleVector.fromArray(D, d, j * n + r).fma(DoubleVector.broadcast(D, w[wOff + i * out + j]), s);
                }
                s = (DoubleVector) s.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
                if (y != null) {
                    s = zero.blend(s.add(zero), DoubleVector.fromArray(D, y, bi + r).compare(VectorOperators.GT, 0.0));
                }
                s.intoArray(below, bi + r);
            }
        }
        if (vectors < n) {
            ScalarKernels.denseColumnsBackRows(d, out, w, wOff, y, below, in, n, vectors, n);
        }
    }

    /**
     * The gradients, the rows in order: the lanes run along the wider of the layer's two sides. Deltas at least as
     * wide as the input: the transposed deltas [n, out], each row times each input's broadcast value, summed over
     * the rows into [in + 1, out] (the last the biases', times 1). Otherwise: the transposed inputs with a trailing
     * 1 [n, in + 1], each row times each neuron's broadcast delta, into [out, in + 1]. Four sums at a time run
     * down the rows, each in a register (four independent chains).
     */
    static void gradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        if (out < NARROW_OUT) {
            narrowGradients(x, in, d, out, n, g, wOff, bOff);
            return;
        }
        double[][] holder = SCRATCH.get();
        double[] lanes = holder[1];                          // [count + 1, padded]: the sums, rounded at the end
        boolean alongOut = out >= in;
        int width = alongOut ? out : in + 1;                 // the lanes' side
        int padded = (width + DL - 1) / DL * DL;
        if (holder[0].length < n * padded) {
            holder[0] = new double[n * padded];
        }
        double[] rows = holder[0];                           // [n, padded], the transposed side, zero-padded
        double[] source = alongOut ? d : x;
        int sourceWidth = alongOut ? out : in;
        for (int c = 0; c < sourceWidth; c++) {
            int sc = c * n;
            for (int r = 0; r < n; r++) {
                rows[r * padded + c] = source[sc + r];
            }
        }
        for (int c = sourceWidth; c < padded; c++) {
            double fill = !alongOut && c == in ? 1 : 0;      // the ones that sum the biases
            for (int r = 0; r < n; r++) {
                rows[r * padded + c] = fill;
            }
        }
        int sumsSize = ((alongOut ? in : out) + 1) * padded;
        if (lanes.length < sumsSize) {
            lanes = holder[1] = new double[sumsSize];
        }
        double[] other = alongOut ? x : d;                   // [count, n]: each row's broadcast factors
        int count = alongOut ? in : out;
        for (int v = 0; v < padded; v += DL) {
            int q = 0;
            for (; q + 4 <= count; q += 4) {
                DoubleVector s0 = DoubleVector.zero(D);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                int o0 = q * n;
                for (int r = 0; r < n; r++) {
                    DoubleVector row = DoubleVector.fromArray(D, rows, r * padded + v);
                    s0 = row.fma(DoubleVector.broadcast(D, other[o0 + r]), s0);
                    s1 = row.fma(DoubleVector.broadcast(D, other[o0 + n + r]), s1);
                    s2 = row.fma(DoubleVector.broadcast(D, other[o0 + 2 * n + r]), s2);
                    s3 = row.fma(DoubleVector.broadcast(D, other[o0 + 3 * n + r]), s3);
                }
                s0.intoArray(lanes, (q) * padded + v);
                s1.intoArray(lanes, (q + 1) * padded + v);
                s2.intoArray(lanes, (q + 2) * padded + v);
                s3.intoArray(lanes, (q + 3) * padded + v);
            }
            for (; q < count; q++) {
                DoubleVector s = DoubleVector.zero(D);
                int oq = q * n;
                for (int r = 0; r < n; r++) {
                    s = DoubleVector.fromArray(D, rows, r * padded + v).fma(DoubleVector.broadcast(D, other[oq + r]), s);
                }
                s.intoArray(lanes, q * padded + v);
            }
            if (alongOut) {                                  // the biases: 1·δ
                DoubleVector s = DoubleVector.zero(D);
                for (int r = 0; r < n; r++) {
                    s = s.add(DoubleVector.fromArray(D, rows, r * padded + v));
                }
                s.intoArray(lanes, in * padded + v);
            }
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                g[wOff + i * out + j] = (float) (alongOut ? lanes[i * padded + j] : lanes[j * padded + i]);
            }
        }
        for (int j = 0; j < out; j++) {
            g[bOff + j] = (float) (alongOut ? lanes[in * padded + j] : lanes[j * padded + in]);
        }
    }

    /**
     * The gradients of a layer of 1 or 2 neurons: each sum is a scalar chain down the rows, four chains at a time so
     * that they overlap; the columns are read as they lie, with no transposed copy (which would cost more than the
     * few multiply-adds).
     */
    private static void narrowGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        for (int j = 0; j < out; j++) {
            int dj = j * n;
            int i = 0;
            for (; i + 4 <= in; i += 4) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int x0 = i * n;
                for (int r = 0; r < n; r++) {
                    double dr = d[dj + r];
                    s0 += x[x0 + r] * dr;
                    s1 += x[x0 + n + r] * dr;
                    s2 += x[x0 + 2 * n + r] * dr;
                    s3 += x[x0 + 3 * n + r] * dr;
                }
                g[wOff + i * out + j] = (float) s0;
                g[wOff + (i + 1) * out + j] = (float) s1;
                g[wOff + (i + 2) * out + j] = (float) s2;
                g[wOff + (i + 3) * out + j] = (float) s3;
            }
            for (; i < in; i++) {
                double s = 0;
                int xi = i * n;
                for (int r = 0; r < n; r++) {
                    s += x[xi + r] * d[dj + r];
                }
                g[wOff + i * out + j] = (float) s;
            }
            double bias = 0;
            for (int r = 0; r < n; r++) {
                bias += d[dj + r];
            }
            g[bOff + j] = (float) bias;
        }
    }
}
