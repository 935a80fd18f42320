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
 * <p>Forward and back-propagation are one loop ({@link #sums}): per vector of rows, four neurons at a time share each
 * loaded input vector (four independent fma chains), with the weights as doubles broadcast one at a time; the
 * rounding to float and ReLU (or its gradient) follow in registers. Each lane's sum takes the scalar loops' steps in
 * their order, and a fused multiply-add of two floats' product is exact, so the bits are {@link ScalarKernels}'. The
 * gradients sum over the rows in order, which lanes cannot split: there the lanes run along a layer's neurons
 * instead, over the transposed deltas (or, for a layer narrower than its input, the transposed inputs), or, for a
 * layer of one or two neurons, each sum is a scalar chain.
 */
final class ColumnLayers {
    /** Doubles in the float kernels' shape ({@code nn.vector.bits} narrows both). */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorForms.S.vectorShape());
    private static final int DL = D.length();
    /** Floats as many as D's lanes: the rounding to float goes there and back. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Layers narrower than this (an output of 1 or 2) take their gradients as scalar chains, without transposing. */
    private static final int NARROW_OUT = Math.max(3, DL / 2);

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[0], new double[0]});

    private ColumnLayers() {
    }

    static void forward(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n, boolean relu) {
        double[][] holder = SCRATCH.get();
        double[] weights = doubles(holder, 2, in * out + out);      // W [in, out] then b, as doubles
        for (int k = 0; k < in * out; k++) {
            weights[k] = w[wOff + k];
        }
        for (int j = 0; j < out; j++) {
            weights[in * out + j] = w[bOff + j];
        }
        int end = sums(x, in, weights, true, y, out, n, relu ? RELU : ROUND, null);
        if (end < n) {
            ScalarKernels.denseColumnRows(x, in, w, wOff, bOff, y, out, n, end, n, relu);
        }
    }

    static void back(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in, int n) {
        double[][] holder = SCRATCH.get();
        double[] weights = doubles(holder, 2, out * in);            // Wᵀ [out, in] as doubles
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                weights[j * in + i] = w[wOff + i * out + j];
            }
        }
        int end = sums(d, out, weights, false, below, in, n, y == null ? ROUND : RELU_GRADIENT, y);
        if (end < n) {
            ScalarKernels.denseColumnsBackRows(d, out, w, wOff, y, below, in, n, end, n);
        }
    }

    /** What {@link #sums} does with each rounded sum: keep it, ReLU it, or take ReLU's gradient from outputs. */
    private static final int ROUND = 0;
    private static final int RELU = 1;
    private static final int RELU_GRADIENT = 2;

    /**
     * t[q·n + r] = float(s) for the rows r below the returned end, s = (bias[q] or 0) + Σ_p src[p·n + r]·m[p·count + q],
     * p ascending; up to four outputs q at a time, each block one call that walks every row vector, share each loaded
     * source vector (independent fma chains; a layer of
     * 9 runs as 4 + 3 + 2, not 4 + 4 + 1, whose single chain would wait on the fma latency at every step). Then the
     * epilogue: {@link #RELU} keeps 0 where s &lt;= 0 (Math.max(z, 0f): NaN stays, -0 becomes 0);
     * {@link #RELU_GRADIENT} gives 0 + s where y &gt; 0, else 0.
     *
     * <p>The last vector of rows is masked when the arrays reach a whole vector past their last row (a masked load
     * that would cross an array's end runs the Vector API's slow per-lane path, hundreds of times slower); otherwise
     * the rows after the last whole vector are left to the scalar loops. Each block width is a small method of its own
     * (the epilogue a branch the loop always takes the same way): as one method of 1,004 bytecodes, C1 could not
     * compile it ("out of virtual registers"), so it never reached C2 and its vectors stayed heap objects (1.3 ms a
     * GAN epoch instead of 50 µs); vectors cannot pass between methods without the same risk, so the four widths are
     * written out rather than shared.
     *
     * @param m [sources, count] as doubles, then the biases [count] when {@code biased}
     * @return the end of the rows done: n, or the last whole vector's end
     */
    private static int sums(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
                            int epilogue, double[] y) {
        int slack = n / DL * DL + DL - n;                    // how far the last vector reaches past the rows
        boolean padded = src.length >= sources * n + slack && t.length >= count * n + slack
                && (y == null || y.length >= count * n + slack);
        int end = padded ? n : n / DL * DL;
        int q = 0;
        while (q < count) {
            int left = count - q;
            int width = left == 5 || left == 6 ? 3 : Math.min(left, 4);     // 9 = 4 + 3 + 2, 10 = 4 + 3 + 3
            switch (width) {
                case 4 -> four(src, sources, m, biased, t, count, n, end, q, epilogue, y);
                case 3 -> three(src, sources, m, biased, t, count, n, end, q, epilogue, y);
                case 2 -> two(src, sources, m, biased, t, count, n, end, q, epilogue, y);
                default -> one(src, sources, m, biased, t, count, n, end, q, epilogue, y);
            }
            q += width;
        }
        return end;
    }

    /** Outputs q..q + 3 for the rows below end: see {@link #sums}. */
    private static void four(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
            int end, int q, int epilogue, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        int bias = sources * count;
        DoubleVector b0 = biased ? DoubleVector.broadcast(D, m[bias + q]) : zero;
        DoubleVector b1 = biased ? DoubleVector.broadcast(D, m[bias + q + 1]) : zero;
        DoubleVector b2 = biased ? DoubleVector.broadcast(D, m[bias + q + 2]) : zero;
        DoubleVector b3 = biased ? DoubleVector.broadcast(D, m[bias + q + 3]) : zero;
        for (int r = 0; r < end; r += DL) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s0 = b0;
            DoubleVector s1 = b1;
            DoubleVector s2 = b2;
            DoubleVector s3 = b3;
            for (int p = 0; p < sources; p++) {
                DoubleVector v = DoubleVector.fromArray(D, src, p * n + r, rows);
                int mp = p * count + q;
                s0 = v.fma(DoubleVector.broadcast(D, m[mp]), s0);
                s1 = v.fma(DoubleVector.broadcast(D, m[mp + 1]), s1);
                s2 = v.fma(DoubleVector.broadcast(D, m[mp + 2]), s2);
                s3 = v.fma(DoubleVector.broadcast(D, m[mp + 3]), s3);
            }
            int tq = q * n + r;
            s0 = (DoubleVector) s0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s0 = s0.blend(zero, s0.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s0 = zero.blend(s0.add(zero), DoubleVector.fromArray(D, y, tq, rows).compare(VectorOperators.GT, 0.0));
            }
            s0.intoArray(t, tq, rows);
            s1 = (DoubleVector) s1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s1 = s1.blend(zero, s1.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s1 = zero.blend(s1.add(zero), DoubleVector.fromArray(D, y, tq + n, rows).compare(VectorOperators.GT, 0.0));
            }
            s1.intoArray(t, tq + n, rows);
            s2 = (DoubleVector) s2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s2 = s2.blend(zero, s2.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s2 = zero.blend(s2.add(zero), DoubleVector.fromArray(D, y, tq + 2 * n, rows).compare(VectorOperators.GT, 0.0));
            }
            s2.intoArray(t, tq + 2 * n, rows);
            s3 = (DoubleVector) s3.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s3 = s3.blend(zero, s3.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s3 = zero.blend(s3.add(zero), DoubleVector.fromArray(D, y, tq + 3 * n, rows).compare(VectorOperators.GT, 0.0));
            }
            s3.intoArray(t, tq + 3 * n, rows);
        }
    }

    /** Outputs q..q + 2 for the rows below end: see {@link #sums}. */
    private static void three(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
            int end, int q, int epilogue, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        int bias = sources * count;
        DoubleVector b0 = biased ? DoubleVector.broadcast(D, m[bias + q]) : zero;
        DoubleVector b1 = biased ? DoubleVector.broadcast(D, m[bias + q + 1]) : zero;
        DoubleVector b2 = biased ? DoubleVector.broadcast(D, m[bias + q + 2]) : zero;
        for (int r = 0; r < end; r += DL) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s0 = b0;
            DoubleVector s1 = b1;
            DoubleVector s2 = b2;
            for (int p = 0; p < sources; p++) {
                DoubleVector v = DoubleVector.fromArray(D, src, p * n + r, rows);
                int mp = p * count + q;
                s0 = v.fma(DoubleVector.broadcast(D, m[mp]), s0);
                s1 = v.fma(DoubleVector.broadcast(D, m[mp + 1]), s1);
                s2 = v.fma(DoubleVector.broadcast(D, m[mp + 2]), s2);
            }
            int tq = q * n + r;
            s0 = (DoubleVector) s0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s0 = s0.blend(zero, s0.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s0 = zero.blend(s0.add(zero), DoubleVector.fromArray(D, y, tq, rows).compare(VectorOperators.GT, 0.0));
            }
            s0.intoArray(t, tq, rows);
            s1 = (DoubleVector) s1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s1 = s1.blend(zero, s1.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s1 = zero.blend(s1.add(zero), DoubleVector.fromArray(D, y, tq + n, rows).compare(VectorOperators.GT, 0.0));
            }
            s1.intoArray(t, tq + n, rows);
            s2 = (DoubleVector) s2.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s2 = s2.blend(zero, s2.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s2 = zero.blend(s2.add(zero), DoubleVector.fromArray(D, y, tq + 2 * n, rows).compare(VectorOperators.GT, 0.0));
            }
            s2.intoArray(t, tq + 2 * n, rows);
        }
    }

    /** Outputs q..q + 1 for the rows below end: see {@link #sums}. */
    private static void two(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
            int end, int q, int epilogue, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        int bias = sources * count;
        DoubleVector b0 = biased ? DoubleVector.broadcast(D, m[bias + q]) : zero;
        DoubleVector b1 = biased ? DoubleVector.broadcast(D, m[bias + q + 1]) : zero;
        for (int r = 0; r < end; r += DL) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s0 = b0;
            DoubleVector s1 = b1;
            for (int p = 0; p < sources; p++) {
                DoubleVector v = DoubleVector.fromArray(D, src, p * n + r, rows);
                int mp = p * count + q;
                s0 = v.fma(DoubleVector.broadcast(D, m[mp]), s0);
                s1 = v.fma(DoubleVector.broadcast(D, m[mp + 1]), s1);
            }
            int tq = q * n + r;
            s0 = (DoubleVector) s0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s0 = s0.blend(zero, s0.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s0 = zero.blend(s0.add(zero), DoubleVector.fromArray(D, y, tq, rows).compare(VectorOperators.GT, 0.0));
            }
            s0.intoArray(t, tq, rows);
            s1 = (DoubleVector) s1.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s1 = s1.blend(zero, s1.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s1 = zero.blend(s1.add(zero), DoubleVector.fromArray(D, y, tq + n, rows).compare(VectorOperators.GT, 0.0));
            }
            s1.intoArray(t, tq + n, rows);
        }
    }

    /** Output q for the rows below end: see {@link #sums}. */
    private static void one(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
            int end, int q, int epilogue, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        int bias = sources * count;
        DoubleVector b0 = biased ? DoubleVector.broadcast(D, m[bias + q]) : zero;
        for (int r = 0; r < end; r += DL) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s0 = b0;
            for (int p = 0; p < sources; p++) {
                DoubleVector v = DoubleVector.fromArray(D, src, p * n + r, rows);
                int mp = p * count + q;
                s0 = v.fma(DoubleVector.broadcast(D, m[mp]), s0);
            }
            int tq = q * n + r;
            s0 = (DoubleVector) s0.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s0 = s0.blend(zero, s0.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s0 = zero.blend(s0.add(zero), DoubleVector.fromArray(D, y, tq, rows).compare(VectorOperators.GT, 0.0));
            }
            s0.intoArray(t, tq, rows);
        }
    }

    /** The scratch array at {@code slot}, at least {@code size} long. */
    private static double[] doubles(double[][] holder, int slot, int size) {
        if (holder[slot].length < size) {
            holder[slot] = new double[size];
        }
        return holder[slot];
    }

    /**
     * The gradients, the rows in order. Lanes cannot split a sum over the rows, so they run along the layer's outputs
     * instead: per row, one gathered vector of the deltas δ[j·n + r] for DL outputs j (the column layout read across,
     * with no transposed copy), times each input x[i·n + r] broadcast, and a row of ones for the biases' 1·δ. Up to twelve sums run down the rows together (independent chains, so the fma
     * latency is covered once, not once per sum); padding factor rows of zeros fill a block. Lanes past the last
     * output gather δ[r] and are dropped.
     */
    static void gradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        if (out < NARROW_OUT) {
            narrowGradients(x, in, d, out, n, g, wOff, bOff);
            return;
        }
        double[][] holder = SCRATCH.get();
        int padded = (out + DL - 1) / DL * DL;
        int count = in + 1;                                  // the inputs' sums, then the biases'
        int blocks = (count + 3) / 4 * 4;
        double[] lanes = doubles(holder, 1, blocks * padded);
        double[] factors = doubles(holder, 3, blocks * n);   // [blocks, n]: x, a row of ones, zeros
        System.arraycopy(x, 0, factors, 0, in * n);
        java.util.Arrays.fill(factors, in * n, count * n, 1.0);
        java.util.Arrays.fill(factors, count * n, blocks * n, 0.0);
        int[] map = GATHER.get();
        for (int v = 0; v < padded; v += DL) {
            for (int lane = 0; lane < DL; lane++) {
                map[lane] = v + lane < out ? (v + lane) * n : 0;
            }
            int q = 0;
            while (q < blocks) {
                int left = blocks - q;
                if (left >= 12) {
                    accumulate12(d, map, v, padded, factors, n, q, lanes);
                    q += 12;
                } else if (left >= 8) {
                    accumulate8(d, map, v, padded, factors, n, q, lanes);
                    q += 8;
                } else {
                    accumulate4(d, map, v, padded, factors, n, q, lanes);
                    q += 4;
                }
            }
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                g[wOff + i * out + j] = (float) lanes[i * padded + j];
            }
        }
        for (int j = 0; j < out; j++) {
            g[bOff + j] = (float) lanes[in * padded + j];
        }
    }

    /** The gather's offsets of one lane block: δ's columns, each n apart. */
    private static final ThreadLocal<int[]> GATHER = ThreadLocal.withInitial(() -> new int[DL]);

    /** Sums q0..q0 + 11 of lane block v, each a chain down the rows: see {@link #gradients}. */
    private static void accumulate12(double[] d, int[] map, int v, int padded, double[] factors, int n, int q0, double[] lanes) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        DoubleVector s4 = DoubleVector.zero(D);
        DoubleVector s5 = DoubleVector.zero(D);
        DoubleVector s6 = DoubleVector.zero(D);
        DoubleVector s7 = DoubleVector.zero(D);
        DoubleVector s8 = DoubleVector.zero(D);
        DoubleVector s9 = DoubleVector.zero(D);
        DoubleVector s10 = DoubleVector.zero(D);
        DoubleVector s11 = DoubleVector.zero(D);
        int f0 = q0 * n;
        for (int r = 0; r < n; r++) {
            DoubleVector row = DoubleVector.fromArray(D, d, r, map, 0);
            s0 = row.fma(DoubleVector.broadcast(D, factors[f0 + r]), s0);
            s1 = row.fma(DoubleVector.broadcast(D, factors[f0 + n + r]), s1);
            s2 = row.fma(DoubleVector.broadcast(D, factors[f0 + 2 * n + r]), s2);
            s3 = row.fma(DoubleVector.broadcast(D, factors[f0 + 3 * n + r]), s3);
            s4 = row.fma(DoubleVector.broadcast(D, factors[f0 + 4 * n + r]), s4);
            s5 = row.fma(DoubleVector.broadcast(D, factors[f0 + 5 * n + r]), s5);
            s6 = row.fma(DoubleVector.broadcast(D, factors[f0 + 6 * n + r]), s6);
            s7 = row.fma(DoubleVector.broadcast(D, factors[f0 + 7 * n + r]), s7);
            s8 = row.fma(DoubleVector.broadcast(D, factors[f0 + 8 * n + r]), s8);
            s9 = row.fma(DoubleVector.broadcast(D, factors[f0 + 9 * n + r]), s9);
            s10 = row.fma(DoubleVector.broadcast(D, factors[f0 + 10 * n + r]), s10);
            s11 = row.fma(DoubleVector.broadcast(D, factors[f0 + 11 * n + r]), s11);
        }
        s0.intoArray(lanes, (q0 + 0) * padded + v);
        s1.intoArray(lanes, (q0 + 1) * padded + v);
        s2.intoArray(lanes, (q0 + 2) * padded + v);
        s3.intoArray(lanes, (q0 + 3) * padded + v);
        s4.intoArray(lanes, (q0 + 4) * padded + v);
        s5.intoArray(lanes, (q0 + 5) * padded + v);
        s6.intoArray(lanes, (q0 + 6) * padded + v);
        s7.intoArray(lanes, (q0 + 7) * padded + v);
        s8.intoArray(lanes, (q0 + 8) * padded + v);
        s9.intoArray(lanes, (q0 + 9) * padded + v);
        s10.intoArray(lanes, (q0 + 10) * padded + v);
        s11.intoArray(lanes, (q0 + 11) * padded + v);
    }

    /** Sums q0..q0 + 7 of lane block v, each a chain down the rows: see {@link #gradients}. */
    private static void accumulate8(double[] d, int[] map, int v, int padded, double[] factors, int n, int q0, double[] lanes) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        DoubleVector s4 = DoubleVector.zero(D);
        DoubleVector s5 = DoubleVector.zero(D);
        DoubleVector s6 = DoubleVector.zero(D);
        DoubleVector s7 = DoubleVector.zero(D);
        int f0 = q0 * n;
        for (int r = 0; r < n; r++) {
            DoubleVector row = DoubleVector.fromArray(D, d, r, map, 0);
            s0 = row.fma(DoubleVector.broadcast(D, factors[f0 + r]), s0);
            s1 = row.fma(DoubleVector.broadcast(D, factors[f0 + n + r]), s1);
            s2 = row.fma(DoubleVector.broadcast(D, factors[f0 + 2 * n + r]), s2);
            s3 = row.fma(DoubleVector.broadcast(D, factors[f0 + 3 * n + r]), s3);
            s4 = row.fma(DoubleVector.broadcast(D, factors[f0 + 4 * n + r]), s4);
            s5 = row.fma(DoubleVector.broadcast(D, factors[f0 + 5 * n + r]), s5);
            s6 = row.fma(DoubleVector.broadcast(D, factors[f0 + 6 * n + r]), s6);
            s7 = row.fma(DoubleVector.broadcast(D, factors[f0 + 7 * n + r]), s7);
        }
        s0.intoArray(lanes, (q0 + 0) * padded + v);
        s1.intoArray(lanes, (q0 + 1) * padded + v);
        s2.intoArray(lanes, (q0 + 2) * padded + v);
        s3.intoArray(lanes, (q0 + 3) * padded + v);
        s4.intoArray(lanes, (q0 + 4) * padded + v);
        s5.intoArray(lanes, (q0 + 5) * padded + v);
        s6.intoArray(lanes, (q0 + 6) * padded + v);
        s7.intoArray(lanes, (q0 + 7) * padded + v);
    }

    /** Sums q0..q0 + 3 of lane block v, each a chain down the rows: see {@link #gradients}. */
    private static void accumulate4(double[] d, int[] map, int v, int padded, double[] factors, int n, int q0, double[] lanes) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        int f0 = q0 * n;
        for (int r = 0; r < n; r++) {
            DoubleVector row = DoubleVector.fromArray(D, d, r, map, 0);
            s0 = row.fma(DoubleVector.broadcast(D, factors[f0 + r]), s0);
            s1 = row.fma(DoubleVector.broadcast(D, factors[f0 + n + r]), s1);
            s2 = row.fma(DoubleVector.broadcast(D, factors[f0 + 2 * n + r]), s2);
            s3 = row.fma(DoubleVector.broadcast(D, factors[f0 + 3 * n + r]), s3);
        }
        s0.intoArray(lanes, (q0 + 0) * padded + v);
        s1.intoArray(lanes, (q0 + 1) * padded + v);
        s2.intoArray(lanes, (q0 + 2) * padded + v);
        s3.intoArray(lanes, (q0 + 3) * padded + v);
    }

    /**
     * The gradients of a layer of 1 or 2 neurons: each sum is a scalar chain down the rows, read from the columns as
     * they lie (a transposed copy would cost more than the few multiply-adds). Per neuron, up to eight inputs' chains
     * and the bias's run in one pass, so that they overlap rather than each waiting on the last step's latency.
     * {@link Math#fma} of two floats' product is the plain product and sum, since the product is exact in double.
     */
    private static void narrowGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        double[][] holder = SCRATCH.get();
        double[] sums = doubles(holder, 0, in + 1);          // the inputs' sums, then the bias's
        for (int j = 0; j < out; j++) {
            int dj = j * n;
            boolean bias = true;                             // the first pass also sums the bias
            int i = 0;
            for (; i + 8 <= in; i += 8) {
                chains8(x, i, d, dj, n, sums, in, bias);
                bias = false;
            }
            for (; i + 4 <= in; i += 4) {
                chains4(x, i, d, dj, n, sums, in, bias);
                bias = false;
            }
            for (; i < in; i++) {
                chains1(x, i, d, dj, n, sums, in, bias);
                bias = false;
            }
            if (bias) {                                      // a layer of no inputs: the bias alone
                double s = 0;
                for (int r = 0; r < n; r++) {
                    s += d[dj + r];
                }
                sums[in] = s;
            }
            for (int k = 0; k < in; k++) {
                g[wOff + k * out + j] = (float) sums[k];
            }
            g[bOff + j] = (float) sums[in];
        }
    }

    /** sums[i..i + 7] = Σ_r x[(i + k)·n + r]·d[dj + r], and sums[in] = Σ_r d[dj + r] when bias: see {@link #narrowGradients}. */
    private static void chains8(double[] x, int i, double[] d, int dj, int n, double[] sums, int in, boolean bias) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        double sb = 0;
        int x0 = i * n;
        for (int r = 0; r < n; r++) {
            double dr = d[dj + r];
            s0 = Math.fma(x[x0 + r], dr, s0);
            s1 = Math.fma(x[x0 + n + r], dr, s1);
            s2 = Math.fma(x[x0 + 2 * n + r], dr, s2);
            s3 = Math.fma(x[x0 + 3 * n + r], dr, s3);
            s4 = Math.fma(x[x0 + 4 * n + r], dr, s4);
            s5 = Math.fma(x[x0 + 5 * n + r], dr, s5);
            s6 = Math.fma(x[x0 + 6 * n + r], dr, s6);
            s7 = Math.fma(x[x0 + 7 * n + r], dr, s7);
            sb += dr;
        }
        sums[i] = s0;
        sums[i + 1] = s1;
        sums[i + 2] = s2;
        sums[i + 3] = s3;
        sums[i + 4] = s4;
        sums[i + 5] = s5;
        sums[i + 6] = s6;
        sums[i + 7] = s7;
        if (bias) {
            sums[in] = sb;
        }
    }

    /** sums[i..i + 3], and the bias's when asked: see {@link #chains8}. */
    private static void chains4(double[] x, int i, double[] d, int dj, int n, double[] sums, int in, boolean bias) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double sb = 0;
        int x0 = i * n;
        for (int r = 0; r < n; r++) {
            double dr = d[dj + r];
            s0 = Math.fma(x[x0 + r], dr, s0);
            s1 = Math.fma(x[x0 + n + r], dr, s1);
            s2 = Math.fma(x[x0 + 2 * n + r], dr, s2);
            s3 = Math.fma(x[x0 + 3 * n + r], dr, s3);
            sb += dr;
        }
        sums[i] = s0;
        sums[i + 1] = s1;
        sums[i + 2] = s2;
        sums[i + 3] = s3;
        if (bias) {
            sums[in] = sb;
        }
    }

    /** sums[i], and the bias's when asked: see {@link #chains8}. */
    private static void chains1(double[] x, int i, double[] d, int dj, int n, double[] sums, int in, boolean bias) {
        double s0 = 0;
        double sb = 0;
        int x0 = i * n;
        for (int r = 0; r < n; r++) {
            double dr = d[dj + r];
            s0 = Math.fma(x[x0 + r], dr, s0);
            sb += dr;
        }
        sums[i] = s0;
        if (bias) {
            sums[in] = sb;
        }
    }
}
