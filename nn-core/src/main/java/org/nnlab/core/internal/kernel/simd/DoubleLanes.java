package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import org.nnlab.core.internal.kernel.ScalarKernels;

/**
 * Playground's examples side by side in double lanes ({@link org.nnlab.core.internal.kernel.Kernels#laneSums} and
 * {@link org.nnlab.core.internal.kernel.Kernels#laneGradients}). Each lane does one example's arithmetic: a product,
 * then a sum (never a fused multiply-add, which rounds once where Playground rounds twice), in the scalar loops'
 * order, so the bits are {@link ScalarKernels}'.
 *
 * <p>The sums run along the examples: four rows at a time share each loaded vector of examples, four independent
 * chains, as in {@link ColumnLayers}. The gradients sum over the examples in order, which lanes cannot split: there
 * the lanes run along a row's links, over the activations transposed to one row per example, four rows of links at
 * a time; a row narrower than a vector (or its tail) stays on the scalar chains. Each block is a mid-sized method of
 * its own, for the reason {@link ColumnLayers} gives.
 */
final class DoubleLanes {
    /** Doubles in the float kernels' shape ({@code nn.vector.bits} narrows both). */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorForms.S.vectorShape());
    private static final int DL = D.length();
    private static final ThreadLocal<double[][]> TRANSPOSED = ThreadLocal.withInitial(() -> new double[1][0]);

    private DoubleLanes() {
    }

    static void sums(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms, double[] y,
                     int rows, int m) {
        int slack = (m + DL - 1) / DL * DL - m;                 // how far the last vector reaches past the lanes
        boolean padded = x.length >= terms * m + slack && y.length >= rows * m + slack;
        int end = padded ? m : m / DL * DL;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            four(w, rowStride, termStride, init, x, terms, y, r, m, end);
        }
        for (; r < rows; r++) {
            one(w, rowStride, termStride, init, x, terms, y, r, m, end);
        }
        if (end < m) {
            ScalarKernels.laneSumsLanes(w, rowStride, termStride, init, x, terms, y, rows, m, end, m);
        }
    }

    /** Rows r..r + 3, lanes below end: see {@link #sums}. */
    private static void four(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms,
                             double[] y, int r, int m, int end) {
        DoubleVector i0 = DoubleVector.broadcast(D, init == null ? 0.0 : init[r]);
        DoubleVector i1 = DoubleVector.broadcast(D, init == null ? 0.0 : init[r + 1]);
        DoubleVector i2 = DoubleVector.broadcast(D, init == null ? 0.0 : init[r + 2]);
        DoubleVector i3 = DoubleVector.broadcast(D, init == null ? 0.0 : init[r + 3]);
        for (int e = 0; e < end; e += DL) {
            VectorMask<Double> lanes = D.indexInRange(e, m);
            DoubleVector s0 = i0;
            DoubleVector s1 = i1;
            DoubleVector s2 = i2;
            DoubleVector s3 = i3;
            for (int j = 0; j < terms; j++) {
                DoubleVector v = DoubleVector.fromArray(D, x, j * m + e, lanes);
                int wj = r * rowStride + j * termStride;
                s0 = s0.add(v.mul(w[wj]));
                s1 = s1.add(v.mul(w[wj + rowStride]));
                s2 = s2.add(v.mul(w[wj + 2 * rowStride]));
                s3 = s3.add(v.mul(w[wj + 3 * rowStride]));
            }
            int yr = r * m + e;
            s0.intoArray(y, yr, lanes);
            s1.intoArray(y, yr + m, lanes);
            s2.intoArray(y, yr + 2 * m, lanes);
            s3.intoArray(y, yr + 3 * m, lanes);
        }
    }

    /** Row r, lanes below end: see {@link #sums}. */
    private static void one(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms,
                            double[] y, int r, int m, int end) {
        DoubleVector i0 = DoubleVector.broadcast(D, init == null ? 0.0 : init[r]);
        for (int e = 0; e < end; e += DL) {
            VectorMask<Double> lanes = D.indexInRange(e, m);
            DoubleVector s0 = i0;
            for (int j = 0; j < terms; j++) {
                s0 = s0.add(DoubleVector.fromArray(D, x, j * m + e, lanes).mul(w[r * rowStride + j * termStride]));
            }
            s0.intoArray(y, r * m + e, lanes);
        }
    }

    static void gradients(double[] d, int rows, double[] x, int terms, boolean[] dead, double[] acc, int m) {
        int full = terms / DL * DL;                              // the links that fill whole vectors, per row
        if (full > 0) {
            double[][] holder = TRANSPOSED.get();
            if (holder[0].length < m * terms) {
                holder[0] = new double[m * terms];
            }
            double[] xt = holder[0];                             // [m, terms]: one row of activations per example
            for (int j = 0; j < terms; j++) {
                for (int e = 0; e < m; e++) {
                    xt[e * terms + j] = x[j * m + e];
                }
            }
            for (int j = 0; j < full; j += DL) {
                int r = 0;
                for (; r + 4 <= rows; r += 4) {
                    fourRows(d, xt, terms, dead, acc, m, r, j);
                }
                for (; r < rows; r++) {
                    oneRow(d, xt, terms, dead, acc, m, r, j);
                }
            }
        }
        if (full < terms) {
            ScalarKernels.laneGradientColumns(d, rows, x, terms, dead, acc, m, full, terms);
        }
    }

    /** Links j..j + DL - 1 of rows r..r + 3: see {@link #gradients}. */
    private static void fourRows(double[] d, double[] xt, int terms, boolean[] dead, double[] acc, int m, int r, int j) {
        int k = r * terms + j;
        DoubleVector a0 = DoubleVector.fromArray(D, acc, k);
        DoubleVector a1 = DoubleVector.fromArray(D, acc, k + terms);
        DoubleVector a2 = DoubleVector.fromArray(D, acc, k + 2 * terms);
        DoubleVector a3 = DoubleVector.fromArray(D, acc, k + 3 * terms);
        DoubleVector o0 = a0;
        DoubleVector o1 = a1;
        DoubleVector o2 = a2;
        DoubleVector o3 = a3;
        int dr = r * m;
        for (int e = 0; e < m; e++) {
            DoubleVector v = DoubleVector.fromArray(D, xt, e * terms + j);
            a0 = a0.add(v.mul(d[dr + e]));
            a1 = a1.add(v.mul(d[dr + m + e]));
            a2 = a2.add(v.mul(d[dr + 2 * m + e]));
            a3 = a3.add(v.mul(d[dr + 3 * m + e]));
        }
        if (dead != null) {
            a0 = a0.blend(o0, VectorMask.fromArray(D, dead, k));
            a1 = a1.blend(o1, VectorMask.fromArray(D, dead, k + terms));
            a2 = a2.blend(o2, VectorMask.fromArray(D, dead, k + 2 * terms));
            a3 = a3.blend(o3, VectorMask.fromArray(D, dead, k + 3 * terms));
        }
        a0.intoArray(acc, k);
        a1.intoArray(acc, k + terms);
        a2.intoArray(acc, k + 2 * terms);
        a3.intoArray(acc, k + 3 * terms);
    }

    /** Links j..j + DL - 1 of row r: see {@link #gradients}. */
    private static void oneRow(double[] d, double[] xt, int terms, boolean[] dead, double[] acc, int m, int r, int j) {
        int k = r * terms + j;
        DoubleVector a0 = DoubleVector.fromArray(D, acc, k);
        DoubleVector o0 = a0;
        for (int e = 0; e < m; e++) {
            a0 = a0.add(DoubleVector.fromArray(D, xt, e * terms + j).mul(d[r * m + e]));
        }
        if (dead != null) {
            a0 = a0.blend(o0, VectorMask.fromArray(D, dead, k));
        }
        a0.intoArray(acc, k);
    }
}
