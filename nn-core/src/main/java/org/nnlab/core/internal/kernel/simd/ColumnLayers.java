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
 * lane, and each layer is one call that sums, rounds to float and applies ReLU.
 *
 * <p>Forward and back-propagation are one loop ({@link #sums}): per vector of rows, eight (or four) neurons at a time
 * share each loaded input vector (independent fma chains), with the weights as doubles broadcast one at a time, or,
 * for layers of one or two inputs and neurons left over, passes down each neuron's rows; the rounding to float and
 * ReLU (or its gradient) follow. Each lane's sum takes the scalar loops' steps in their order, and a fused multiply-add of two
 * floats' product is exact, so the bits are {@link ScalarKernels}'. The gradients sum over the rows in order, which
 * lanes cannot split: there the lanes run along a layer's neurons instead, over the deltas gathered across their
 * columns, or, for a layer of a few neurons and for a few left past its last whole block of lanes, each sum is a
 * scalar chain.
 */
final class ColumnLayers {
    /** Doubles in the float kernels' shape ({@code nn.vector.bits} narrows both). */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorForms.S.vectorShape());
    private static final int DL = D.length();
    /** Floats as many as D's lanes: the rounding to float goes there and back. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /**
     * Layers narrower than this (an output of 1 or 2), and as few neurons past a layer's last whole block of lanes,
     * take their gradients as scalar chains, without gathering.
     */
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

    /** Layers with at least this many inputs hold four outputs' sums in registers ({@link #four}); the others stream. */
    private static final int REGISTER_SOURCES = 3;

    /**
     * t[q·n + r] = float(s) for the rows r below the returned end, s = (bias[q] or 0) + Σ_p src[p·n + r]·m[p·count + q],
     * p ascending, in one of two forms with the same steps. With {@link #REGISTER_SOURCES} inputs or more, eight
     * outputs at a time ({@link #eight}, whose rounding and epilogue follow as {@link #finish} passes), then four
     * ({@link #four}), hold their sums in registers down each vector of rows. A layer of one or two inputs takes each
     * output in one pass down its rows ({@link #direct}). Otherwise, and for the outputs left over, each sum is kept
     * in t itself: a streaming pass per input (or four, {@link #add4}) over the output's contiguous rows
     * ({@link #first}, then {@link #add}), then {@link #finish}. Both end by rounding to float and the epilogue: {@link #RELU} keeps 0 where
     * s &lt;= 0 (Math.max(z, 0f): NaN stays, -0 becomes 0); {@link #RELU_GRADIENT} gives 0 + s where y &gt; 0, else 0.
     *
     * <p>Why two forms: a register block's inner loop over the inputs pays index arithmetic and bounds checks at every
     * input (about 30 instructions for four fma), which 2 inputs cannot amortize, nor one output's single fma chain
     * hide; a streaming pass is a counted loop C2 unrolls, a load, an fma and a store per vector, but it stores every
     * partial sum. Measured on GAN Lab's layers (AVX-512, 300 rows, ns per call): 8 → 8 1,658 with four outputs in
     * registers, 1,164 with eight, 2,289 streaming; 2 → 8 911 in registers against 801 streaming; 8 → 1 413 against
     * 282; back 1 → 8 981 against 668. {@link #direct} takes 2 → 8 to 511 to 613. Its whole vectors load without
     * masks: with a masked load in the loop (each tests its range) it took 1,016.
     *
     * <p>The last vector of rows is masked when the arrays reach a whole vector past their last row (a masked load
     * that would cross an array's end runs the Vector API's slow per-lane path, hundreds of times slower); otherwise
     * the rows after the last whole vector are left to the scalar loops. {@link #four} is a method of its own with its
     * epilogue a branch the loop always takes the same way: as one method of 1,004 bytecodes, C1 could not compile the
     * register forms ("out of virtual registers"), so they never reached C2 and their vectors stayed heap objects
     * (1.3 ms a GAN epoch instead of 50 µs); vectors do not pass between methods for the same reason.
     *
     * @param m [sources, count] as doubles, then the biases [count] when {@code biased}
     * @return the end of the rows done: n, or the last whole vector's end
     */
    private static int sums(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
                            int epilogue, double[] y) {
        int whole = n / DL * DL;
        int slack = whole + DL - n;                          // how far the last vector reaches past the rows
        boolean padded = src.length >= sources * n + slack && t.length >= count * n + slack
                && (y == null || y.length >= count * n + slack);
        int end = whole == n || padded ? n : whole;
        int bias = sources * count;
        int q = 0;
        if (sources >= REGISTER_SOURCES) {
            for (; q + 8 <= count; q += 8) {
                eight(src, sources, m, biased, t, count, n, end, q);
                for (int k = q; k < q + 8; k++) {
                    finish(t, k * n, n, end, epilogue, y);
                }
            }
            for (; q + 4 <= count; q += 4) {
                four(src, sources, m, biased, t, count, n, end, q, epilogue, y);
            }
        }
        for (; q < count; q++) {
            int tq = q * n;
            double b = biased ? m[bias + q] : 0.0;           // +0: an unbiased sum starts at +0 as the scalar loops'
            if (sources == 0) {                              // a layer with no inputs: its biases
                java.util.Arrays.fill(t, tq, tq + end, b);
            } else if (sources <= 2) {
                direct(src, sources, m, count, q, b, t, tq, n, end, epilogue, y);
                continue;
            } else {
                first(src, m[q], b, t, tq, n, end);
                int p = 1;
                for (; p + 4 <= sources; p += 4) {
                    add4(src, p, n, m, count, q, t, tq, end);
                }
                for (; p < sources; p++) {
                    add(src, p * n, m[p * count + q], t, tq, n, end);
                }
            }
            finish(t, tq, n, end, epilogue, y);
        }
        return end;
    }

    /**
     * The sums of outputs q..q + 7 for the rows below end, unrounded (see {@link #sums}; {@link #finish} follows): eight
     * independent fma chains per loaded input vector. The epilogue is a pass of its own because with it this method
     * is beyond C1's register allocator (1,414 bytecodes: "out of virtual registers"), and a method C1 cannot compile
     * never reaches C2.
     */
    private static void eight(double[] src, int sources, double[] m, boolean biased, double[] t, int count, int n,
            int end, int q) {
        DoubleVector zero = DoubleVector.zero(D);
        int bias = sources * count;
        DoubleVector b0 = biased ? DoubleVector.broadcast(D, m[bias + q]) : zero;
        DoubleVector b1 = biased ? DoubleVector.broadcast(D, m[bias + q + 1]) : zero;
        DoubleVector b2 = biased ? DoubleVector.broadcast(D, m[bias + q + 2]) : zero;
        DoubleVector b3 = biased ? DoubleVector.broadcast(D, m[bias + q + 3]) : zero;
        DoubleVector b4 = biased ? DoubleVector.broadcast(D, m[bias + q + 4]) : zero;
        DoubleVector b5 = biased ? DoubleVector.broadcast(D, m[bias + q + 5]) : zero;
        DoubleVector b6 = biased ? DoubleVector.broadcast(D, m[bias + q + 6]) : zero;
        DoubleVector b7 = biased ? DoubleVector.broadcast(D, m[bias + q + 7]) : zero;
        for (int r = 0; r < end; r += DL) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s0 = b0;
            DoubleVector s1 = b1;
            DoubleVector s2 = b2;
            DoubleVector s3 = b3;
            DoubleVector s4 = b4;
            DoubleVector s5 = b5;
            DoubleVector s6 = b6;
            DoubleVector s7 = b7;
            for (int p = 0; p < sources; p++) {
                DoubleVector v = DoubleVector.fromArray(D, src, p * n + r, rows);
                int mp = p * count + q;
                s0 = v.fma(DoubleVector.broadcast(D, m[mp]), s0);
                s1 = v.fma(DoubleVector.broadcast(D, m[mp + 1]), s1);
                s2 = v.fma(DoubleVector.broadcast(D, m[mp + 2]), s2);
                s3 = v.fma(DoubleVector.broadcast(D, m[mp + 3]), s3);
                s4 = v.fma(DoubleVector.broadcast(D, m[mp + 4]), s4);
                s5 = v.fma(DoubleVector.broadcast(D, m[mp + 5]), s5);
                s6 = v.fma(DoubleVector.broadcast(D, m[mp + 6]), s6);
                s7 = v.fma(DoubleVector.broadcast(D, m[mp + 7]), s7);
            }
            int tq = q * n + r;
            s0.intoArray(t, tq, rows);
            s1.intoArray(t, tq + n, rows);
            s2.intoArray(t, tq + 2 * n, rows);
            s3.intoArray(t, tq + 3 * n, rows);
            s4.intoArray(t, tq + 4 * n, rows);
            s5.intoArray(t, tq + 5 * n, rows);
            s6.intoArray(t, tq + 6 * n, rows);
            s7.intoArray(t, tq + 7 * n, rows);
        }
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

    /**
     * Output q of a layer of one or two inputs in one pass down the rows: b + x0·w0 (+ x1·w1), rounded, the epilogue,
     * stored, without the partial sums' loads and stores. With one input the second term's fma (on x0 again, a valid
     * load) is computed and dropped by a blend, so that the loop has no branch on the input count.
     */
    private static void direct(double[] src, int sources, double[] m, int count, int q, double b, double[] t, int tq,
                               int n, int end, int epilogue, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector bv = DoubleVector.broadcast(D, b);
        DoubleVector w0 = DoubleVector.broadcast(D, m[q]);
        DoubleVector w1 = DoubleVector.broadcast(D, sources == 2 ? m[count + q] : 0.0);
        VectorMask<Double> single = D.maskAll(sources == 1);
        int second = sources == 2 ? n : 0;
        int whole = n / DL * DL;
        int r = 0;
        for (; r < whole; r += DL) {                     // whole vectors unmasked: C2 hoists their bounds checks
            DoubleVector s = DoubleVector.fromArray(D, src, r).fma(w0, bv);
            s = DoubleVector.fromArray(D, src, second + r).fma(w1, s).blend(s, single);
            s = (DoubleVector) s.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s = s.blend(zero, s.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s = zero.blend(s.add(zero), DoubleVector.fromArray(D, y, tq + r).compare(VectorOperators.GT, 0.0));
            }
            s.intoArray(t, tq + r);
        }
        if (r < end) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s = DoubleVector.fromArray(D, src, r, rows).fma(w0, bv);
            s = DoubleVector.fromArray(D, src, second + r, rows).fma(w1, s).blend(s, single);
            s = (DoubleVector) s.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s = s.blend(zero, s.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s = zero.blend(s.add(zero), DoubleVector.fromArray(D, y, tq + r, rows).compare(VectorOperators.GT, 0.0));
            }
            s.intoArray(t, tq + r, rows);
        }
    }

    /** t[tq + r] = b + src[r]·w (the first input) for the rows below end: see {@link #sums}. */
    private static void first(double[] src, double w, double b, double[] t, int tq, int n, int end) {
        DoubleVector wv = DoubleVector.broadcast(D, w);
        DoubleVector bv = DoubleVector.broadcast(D, b);
        int whole = n / DL * DL;
        int r = 0;
        for (; r < whole; r += DL) {
            DoubleVector.fromArray(D, src, r).fma(wv, bv).intoArray(t, tq + r);
        }
        if (r < end) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector.fromArray(D, src, r, rows).fma(wv, bv).intoArray(t, tq + r, rows);
        }
    }

    /** t[tq + r] += src[r]·w for the rows below end, as one fma: see {@link #sums}. */
    private static void add(double[] src, int so, double w, double[] t, int tq, int n, int end) {
        DoubleVector wv = DoubleVector.broadcast(D, w);
        int whole = n / DL * DL;
        int r = 0;
        for (; r < whole; r += DL) {
            DoubleVector.fromArray(D, src, so + r).fma(wv, DoubleVector.fromArray(D, t, tq + r)).intoArray(t, tq + r);
        }
        if (r < end) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector.fromArray(D, src, so + r, rows).fma(wv, DoubleVector.fromArray(D, t, tq + r, rows))
                    .intoArray(t, tq + r, rows);
        }
    }

    /**
     * t[tq + r] += src[k·n + r]·m[k·count + q] for k = p..p + 3 in turn, each an fma, for the rows below end: four
     * inputs per pass, so that an output of many inputs makes a quarter of the passes (its loads and stores).
     */
    private static void add4(double[] src, int p, int n, double[] m, int count, int q, double[] t, int tq, int end) {
        DoubleVector w0 = DoubleVector.broadcast(D, m[p * count + q]);
        DoubleVector w1 = DoubleVector.broadcast(D, m[(p + 1) * count + q]);
        DoubleVector w2 = DoubleVector.broadcast(D, m[(p + 2) * count + q]);
        DoubleVector w3 = DoubleVector.broadcast(D, m[(p + 3) * count + q]);
        int s0 = p * n;
        int whole = n / DL * DL;
        int r = 0;
        for (; r < whole; r += DL) {
            DoubleVector s = DoubleVector.fromArray(D, src, s0 + r).fma(w0, DoubleVector.fromArray(D, t, tq + r));
            s = DoubleVector.fromArray(D, src, s0 + n + r).fma(w1, s);
            s = DoubleVector.fromArray(D, src, s0 + 2 * n + r).fma(w2, s);
            DoubleVector.fromArray(D, src, s0 + 3 * n + r).fma(w3, s).intoArray(t, tq + r);
        }
        if (r < end) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s = DoubleVector.fromArray(D, src, s0 + r, rows).fma(w0, DoubleVector.fromArray(D, t, tq + r, rows));
            s = DoubleVector.fromArray(D, src, s0 + n + r, rows).fma(w1, s);
            s = DoubleVector.fromArray(D, src, s0 + 2 * n + r, rows).fma(w2, s);
            DoubleVector.fromArray(D, src, s0 + 3 * n + r, rows).fma(w3, s).intoArray(t, tq + r, rows);
        }
    }

    /** Rounds t[tq + r] to float for the rows below end and applies the epilogue: see {@link #sums}. */
    private static void finish(double[] t, int tq, int n, int end, int epilogue, double[] y) {
        DoubleVector zero = DoubleVector.zero(D);
        int whole = n / DL * DL;
        int r = 0;
        for (; r < whole; r += DL) {
            DoubleVector s = (DoubleVector) DoubleVector.fromArray(D, t, tq + r)
                    .convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s = s.blend(zero, s.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s = zero.blend(s.add(zero), DoubleVector.fromArray(D, y, tq + r).compare(VectorOperators.GT, 0.0));
            }
            s.intoArray(t, tq + r);
        }
        if (r < end) {
            VectorMask<Double> rows = D.indexInRange(r, n);
            DoubleVector s = (DoubleVector) DoubleVector.fromArray(D, t, tq + r, rows)
                    .convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
            if (epilogue == RELU) {
                s = s.blend(zero, s.compare(VectorOperators.LE, 0.0));
            } else if (epilogue == RELU_GRADIENT) {
                s = zero.blend(s.add(zero), DoubleVector.fromArray(D, y, tq + r, rows).compare(VectorOperators.GT, 0.0));
            }
            s.intoArray(t, tq + r, rows);
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
     * with no transposed copy), times each input x[i·n + r] broadcast. Eight inputs' sums run down the rows together
     * (independent chains, so the fma latency is covered once, not once per sum), reading x in place, the first eight
     * with the biases' Σ δ as a ninth chain; the inputs left over (fewer than eight) are copied with a row of ones (if
     * no block of eight summed the biases) and rows of zeros into a block of four or eight. Lanes past the last output
     * gather δ[r] and are dropped.
     */
    static void gradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        if (out < NARROW_OUT) {
            narrowGradients(x, in, d, out, n, g, wOff, bOff, 0);
            return;
        }
        // a last lane block of fewer than NARROW_OUT outputs (GAN Lab's ring: layers of 9 and 10 on 8 lanes) would
        // be mostly padding: those outputs take the scalar chains instead (measured on the ring epoch, AMD EPYC Zen 4:
        // 110 µs against 125 to 140)
        int left = out % DL;
        int lanesOut = out > DL && left < NARROW_OUT ? out - left : out;
        double[][] holder = SCRATCH.get();
        int padded = (lanesOut + DL - 1) / DL * DL;
        int whole = in / 8 * 8;                              // inputs read in place, eight at a time
        int rest = in - whole;
        int ones = whole == 0 ? 1 : 0;                       // the biases' row, when no block of eight sums them
        int block = rest + ones == 0 ? 0 : rest + ones <= 4 ? 4 : 8;
        int biasRow = whole > 0 ? whole + block : in;       // past the block's padding rows, or the block's ones
        double[] lanes = doubles(holder, 1, (whole + block + 1) * padded);   // [rows, padded]: W's rows, b's
        double[] factors = doubles(holder, 3, block * n);   // [block, n]: the inputs left over, ones, zeros
        if (block > 0) {
            System.arraycopy(x, whole * n, factors, 0, rest * n);
            java.util.Arrays.fill(factors, rest * n, (rest + ones) * n, 1.0);
            java.util.Arrays.fill(factors, (rest + ones) * n, block * n, 0.0);
        }
        int[] map = GATHER.get();
        for (int v = 0; v < padded; v += DL) {
            for (int lane = 0; lane < DL; lane++) {
                map[lane] = v + lane < lanesOut ? (v + lane) * n : 0;
            }
            for (int q = 0; q < whole; q += 8) {
                accumulate8(d, map, v, padded, x, q, n, q, lanes, q == 0 ? biasRow : -1);
            }
            if (block == 8) {
                accumulate8(d, map, v, padded, factors, 0, n, whole, lanes, -1);
            } else if (block == 4) {
                accumulate4(d, map, v, padded, factors, 0, n, whole, lanes);
            }
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < lanesOut; j++) {
                g[wOff + i * out + j] = (float) lanes[i * padded + j];
            }
        }
        for (int j = 0; j < lanesOut; j++) {
            g[bOff + j] = (float) lanes[biasRow * padded + j];
        }
        if (lanesOut < out) {
            narrowGradients(x, in, d, out, n, g, wOff, bOff, lanesOut);
        }
    }

    /** The gather's offsets of one lane block: δ's columns, each n apart. */
    private static final ThreadLocal<int[]> GATHER = ThreadLocal.withInitial(() -> new int[DL]);

    /**
     * Sums q0..q0 + 7 of lane block v, the factors f's rows from fRow, each a chain down the rows (see
     * {@link #gradients}); with biasRow &gt;= 0 also Σ δ, into that row of lanes.
     */
    private static void accumulate8(double[] d, int[] map, int v, int padded, double[] f, int fRow, int n, int q0,
                                    double[] lanes, int biasRow) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        DoubleVector s4 = DoubleVector.zero(D);
        DoubleVector s5 = DoubleVector.zero(D);
        DoubleVector s6 = DoubleVector.zero(D);
        DoubleVector s7 = DoubleVector.zero(D);
        DoubleVector sb = DoubleVector.zero(D);
        int f0 = fRow * n;
        for (int r = 0; r < n; r++) {
            DoubleVector row = DoubleVector.fromArray(D, d, r, map, 0);
            s0 = row.fma(DoubleVector.broadcast(D, f[f0 + r]), s0);
            s1 = row.fma(DoubleVector.broadcast(D, f[f0 + n + r]), s1);
            s2 = row.fma(DoubleVector.broadcast(D, f[f0 + 2 * n + r]), s2);
            s3 = row.fma(DoubleVector.broadcast(D, f[f0 + 3 * n + r]), s3);
            s4 = row.fma(DoubleVector.broadcast(D, f[f0 + 4 * n + r]), s4);
            s5 = row.fma(DoubleVector.broadcast(D, f[f0 + 5 * n + r]), s5);
            s6 = row.fma(DoubleVector.broadcast(D, f[f0 + 6 * n + r]), s6);
            s7 = row.fma(DoubleVector.broadcast(D, f[f0 + 7 * n + r]), s7);
            sb = sb.add(row);                                  // 1·δ, exact: the fma by one
        }
        s0.intoArray(lanes, (q0 + 0) * padded + v);
        s1.intoArray(lanes, (q0 + 1) * padded + v);
        s2.intoArray(lanes, (q0 + 2) * padded + v);
        s3.intoArray(lanes, (q0 + 3) * padded + v);
        s4.intoArray(lanes, (q0 + 4) * padded + v);
        s5.intoArray(lanes, (q0 + 5) * padded + v);
        s6.intoArray(lanes, (q0 + 6) * padded + v);
        s7.intoArray(lanes, (q0 + 7) * padded + v);
        if (biasRow >= 0) {
            sb.intoArray(lanes, biasRow * padded + v);
        }
    }

    /** Sums q0..q0 + 3 of lane block v: see {@link #accumulate8}. */
    private static void accumulate4(double[] d, int[] map, int v, int padded, double[] f, int fRow, int n, int q0,
                                    double[] lanes) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        int f0 = fRow * n;
        for (int r = 0; r < n; r++) {
            DoubleVector row = DoubleVector.fromArray(D, d, r, map, 0);
            s0 = row.fma(DoubleVector.broadcast(D, f[f0 + r]), s0);
            s1 = row.fma(DoubleVector.broadcast(D, f[f0 + n + r]), s1);
            s2 = row.fma(DoubleVector.broadcast(D, f[f0 + 2 * n + r]), s2);
            s3 = row.fma(DoubleVector.broadcast(D, f[f0 + 3 * n + r]), s3);
        }
        s0.intoArray(lanes, (q0 + 0) * padded + v);
        s1.intoArray(lanes, (q0 + 1) * padded + v);
        s2.intoArray(lanes, (q0 + 2) * padded + v);
        s3.intoArray(lanes, (q0 + 3) * padded + v);
    }

    /**
     * The gradients of a layer's neurons from {@code from} on (a layer narrower than {@link #NARROW_OUT}, or as
     * few neurons past its last whole lane block): each sum is a scalar chain down the rows, read from the columns as
     * they lie (a transposed copy would cost more than the few multiply-adds). Per neuron, up to eight inputs' chains
     * and the bias's run in one pass, so that they overlap rather than each waiting on the last step's latency.
     * {@link Math#fma} of two floats' product is the plain product and sum, since the product is exact in double.
     */
    private static void narrowGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff,
                                        int from) {
        double[][] holder = SCRATCH.get();
        double[] sums = doubles(holder, 0, in + 1);          // the inputs' sums, then the bias's
        for (int j = from; j < out; j++) {
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
