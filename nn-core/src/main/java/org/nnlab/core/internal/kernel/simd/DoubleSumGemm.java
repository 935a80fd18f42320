package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.nnlab.core.internal.kernel.ScalarKernels;

/**
 * C = float(bias + A·B) with double sums, p ascending ({@link org.nnlab.core.internal.kernel.Kernels#gemmDoubleSum}):
 * four rows at a time, against two double vectors of C's columns (eight independent fma chains) or one; a
 * single leftover row (a bias gradient, 1·δ) against four vectors. A and B are converted to double once per
 * call, A as stored (a transposed A is read with its strides), B into a padded buffer so that every load is
 * a whole vector in bounds (lanes past n read neighbouring values and are never stored; only the stores into
 * C are masked). Column stripes are the outer loop, so one stripe of B stays in L1 while every row block
 * passes over it. Each lane's sum takes the same steps in the same order as the scalar loops, and a fused
 * multiply-add of two floats' product is exact, so the bits are the scalar kernels' bits.
 *
 * <p>Products narrower than {@link #MIN_COLUMNS} columns (a discriminator's single output, a 2-D layer) put
 * rows in the lanes instead, from A transposed; fewer than a vector of rows too, and the scalar loops run.
 */
final class DoubleSumGemm {
    /** Doubles in the float kernels' shape ({@code nn.vector.bits} narrows both). */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorForms.S.vectorShape());
    private static final int DL = D.length();
    /** Floats as many as D's lanes, for the conversion of C back to float. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int ROWS = 4;
    /** Below this many columns the scalar loops are faster than mostly-masked vectors. */
    static final int MIN_COLUMNS = Math.max(2, DL / 2);

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[4 * DL]});

    private DoubleSumGemm() {
    }

    /** A as given; see {@link #multiply(float[], int, boolean, float[], int, boolean, float[], int, float[], int, int, int, int)}. */
    static void multiply(float[] a, int aOff, float[] b, int bOff, float[] bias, int biasOff, float[] c, int cOff, int m,
                         int k, int n) {
        multiply(a, aOff, false, b, bOff, false, bias, biasOff, c, cOff, m, k, n);
    }

    /** C = float(bias + op(A)·op(B)); the transposes are taken while A and B are converted to double. */
    static void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                         int biasOff, float[] c, int cOff, int m, int k, int n) {
        if (n < MIN_COLUMNS && m < DL) {
            ScalarKernels.doubleSums(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, 0, m, k, n);
            return;
        }
        double[][] holder = SCRATCH.get();
        if (n < MIN_COLUMNS) {
            narrow(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, m, k, n, holder);
            return;
        }
        int size = k * n + n + 2 * DL;                            // padded: every load is in bounds
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        double[] bd = holder[0];
        widen(b, bOff, transB, k, n, bd);
        if (holder[1].length < m * k) {
            holder[1] = new double[m * k];
        }
        double[] ad = holder[1];                                    // A in double: one load per broadcast
        widen(a, aOff, false, transA ? k : m, transA ? m : k, ad);  // as stored: A(i, p) = ad[i·rs + p·cs]
        int rs = transA ? 1 : k;
        int cs = transA ? m : 1;
        int start = k * n;                                          // the bias row, or zeros
        for (int j = 0; j < n; j++) {
            bd[start + j] = bias == null ? 0 : bias[biasOff + j];
        }
        int rows = m / ROWS * ROWS;
        int j = 0;
        for (; j + DL < n; j += 2 * DL) {                         // a stripe of B stays in L1 across the rows
            for (int i = 0; i < rows; i += ROWS) {
                fourRowsTwoVectors(ad, rs, cs, bd, c, cOff, i, j, k, n);
            }
        }
        for (; j < n; j += DL) {
            for (int i = 0; i < rows; i += ROWS) {
                fourRowsOneVector(ad, rs, cs, bd, c, cOff, i, j, k, n);
            }
        }
        for (int i = rows; i < m; i++) {                                        // a bias gradient's single row, for one
            j = 0;
            for (; j + 3 * DL < n; j += 4 * DL) {
                oneRowFourVectors(ad, i * rs, cs, bd, c, cOff + i * n, j, k, n);
            }
            for (; j < n; j += DL) {
                oneRowOneVector(ad, i * rs, cs, bd, c, cOff + i * n, j, k, n);
            }
        }
    }

    // One method per block, each small: a method of a thousand bytecodes defeated C1 ("out of virtual registers")
    // and then never reached C2, so every vector stayed a heap object (7 MB allocated per GAN epoch, 7x slower).
    // Vectors never cross these methods' boundaries, so each compiles to registers on its own.

    /** Rows i..i+3, columns j..j+2·DL (masked past n): eight independent fma chains. */
    private static void fourRowsTwoVectors(double[] ad, int rs, int cs, double[] bd, float[] c, int cOff, int i, int j,
                                           int k, int n) {
        int start = k * n;
        int a0 = i * rs;
        DoubleVector s0 = DoubleVector.fromArray(D, bd, start + j);
        DoubleVector t0 = DoubleVector.fromArray(D, bd, start + j + DL);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector t1 = t0;
        DoubleVector t2 = t0;
        DoubleVector t3 = t0;
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(D, bd, p * n + j);
            DoubleVector bw = DoubleVector.fromArray(D, bd, p * n + j + DL);
            int q = a0 + p * cs;
            DoubleVector x0 = DoubleVector.broadcast(D, ad[q]);
            DoubleVector x1 = DoubleVector.broadcast(D, ad[q + rs]);
            DoubleVector x2 = DoubleVector.broadcast(D, ad[q + 2 * rs]);
            DoubleVector x3 = DoubleVector.broadcast(D, ad[q + 3 * rs]);
            s0 = bv.fma(x0, s0);
            t0 = bw.fma(x0, t0);
            s1 = bv.fma(x1, s1);
            t1 = bw.fma(x1, t1);
            s2 = bv.fma(x2, s2);
            t2 = bw.fma(x2, t2);
            s3 = bv.fma(x3, s3);
            t3 = bw.fma(x3, t3);
        }
        VectorMask<Float> out = F.indexInRange(j + DL, n);
        int ci = cOff + i * n + j;
        store(s0, c, ci);
        store(t0, c, ci + DL, out);
        store(s1, c, ci + n);
        store(t1, c, ci + n + DL, out);
        store(s2, c, ci + 2 * n);
        store(t2, c, ci + 2 * n + DL, out);
        store(s3, c, ci + 3 * n);
        store(t3, c, ci + 3 * n + DL, out);
    }

    /** Rows i..i+3, columns j..j+DL (masked past n): four fma chains. */
    private static void fourRowsOneVector(double[] ad, int rs, int cs, double[] bd, float[] c, int cOff, int i, int j,
                                          int k, int n) {
        int a0 = i * rs;
        DoubleVector s0 = DoubleVector.fromArray(D, bd, k * n + j);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(D, bd, p * n + j);
            int q = a0 + p * cs;
            s0 = bv.fma(DoubleVector.broadcast(D, ad[q]), s0);
            s1 = bv.fma(DoubleVector.broadcast(D, ad[q + rs]), s1);
            s2 = bv.fma(DoubleVector.broadcast(D, ad[q + 2 * rs]), s2);
            s3 = bv.fma(DoubleVector.broadcast(D, ad[q + 3 * rs]), s3);
        }
        VectorMask<Float> out = F.indexInRange(j, n);
        int ci = cOff + i * n + j;
        store(s0, c, ci, out);
        store(s1, c, ci + n, out);
        store(s2, c, ci + 2 * n, out);
        store(s3, c, ci + 3 * n, out);
    }

    /** One row of A from a0 (C's row from ci), columns j..j+4·DL (masked past n): four fma chains. */
    private static void oneRowFourVectors(double[] ad, int a0, int cs, double[] bd, float[] c, int ci, int j, int k,
                                          int n) {
        int start = k * n + j;
        DoubleVector s0 = DoubleVector.fromArray(D, bd, start);
        DoubleVector s1 = DoubleVector.fromArray(D, bd, start + DL);
        DoubleVector s2 = DoubleVector.fromArray(D, bd, start + 2 * DL);
        DoubleVector s3 = DoubleVector.fromArray(D, bd, start + 3 * DL);
        for (int p = 0; p < k; p++) {
            DoubleVector x = DoubleVector.broadcast(D, ad[a0 + p * cs]);
            int row = p * n + j;
            s0 = DoubleVector.fromArray(D, bd, row).fma(x, s0);
            s1 = DoubleVector.fromArray(D, bd, row + DL).fma(x, s1);
            s2 = DoubleVector.fromArray(D, bd, row + 2 * DL).fma(x, s2);
            s3 = DoubleVector.fromArray(D, bd, row + 3 * DL).fma(x, s3);
        }
        store(s0, c, ci + j);
        store(s1, c, ci + j + DL);
        store(s2, c, ci + j + 2 * DL);
        store(s3, c, ci + j + 3 * DL, F.indexInRange(j + 3 * DL, n));
    }

    /** One row of A from a0 (C's row from ci), columns j..j+DL (masked past n). */
    private static void oneRowOneVector(double[] ad, int a0, int cs, double[] bd, float[] c, int ci, int j, int k,
                                        int n) {
        DoubleVector s0 = DoubleVector.fromArray(D, bd, k * n + j);
        for (int p = 0; p < k; p++) {
            s0 = DoubleVector.fromArray(D, bd, p * n + j).fma(DoubleVector.broadcast(D, ad[a0 + p * cs]), s0);
        }
        store(s0, c, ci + j, F.indexInRange(j, n));
    }

    /**
     * Few columns, many rows: lanes run over rows instead. A is transposed into double once, so lane l of the
     * p-th load is A[i + l][p]; each lane still sums p ascending from the bias, the scalar loops' order.
     */
    private static void narrow(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                               int biasOff, float[] c, int cOff, int m, int k, int n, double[][] holder) {
        if (holder[1].length < m * k + DL) {
            holder[1] = new double[m * k + DL];
        }
        double[] at = holder[1];
        widen(a, aOff, !transA, k, m, at);                           // Aᵀ [k, m]: a copy when A is stored so
        double[] lanes = holder[2];                                  // the four row blocks' sums, stored
        int blocks = m / DL * DL;
        for (int j = 0; j < n; j++) {
            double start = bias == null ? 0 : bias[biasOff + j];
            int i = 0;
            for (; i + 4 * DL <= blocks; i += 4 * DL) {
                fourRowBlocks(at, b, bOff, transB, start, lanes, c, cOff, i, j, m, k, n);
            }
            for (; i < blocks; i += DL) {
                oneRowBlock(at, b, bOff, transB, start, lanes, c, cOff, i, j, m, k, n);
            }
        }
        if (blocks < m) {
            ScalarKernels.doubleSums(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, blocks, m, k, n);
        }
    }

    /** Column j of rows i..i+4·DL: four row blocks, four fma chains. */
    private static void fourRowBlocks(double[] at, float[] b, int bOff, boolean transB, double start, double[] lanes,
                                      float[] c, int cOff, int i, int j, int m, int k, int n) {
        DoubleVector s0 = DoubleVector.broadcast(D, start);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int p = 0; p < k; p++) {
            DoubleVector bp = DoubleVector.broadcast(D, (double) b[transB ? bOff + j * k + p : bOff + p * n + j]);
            int row = p * m + i;
            s0 = DoubleVector.fromArray(D, at, row).fma(bp, s0);
            s1 = DoubleVector.fromArray(D, at, row + DL).fma(bp, s1);
            s2 = DoubleVector.fromArray(D, at, row + 2 * DL).fma(bp, s2);
            s3 = DoubleVector.fromArray(D, at, row + 3 * DL).fma(bp, s3);
        }
        s0.intoArray(lanes, 0);
        s1.intoArray(lanes, DL);
        s2.intoArray(lanes, 2 * DL);
        s3.intoArray(lanes, 3 * DL);
        for (int l = 0; l < 4 * DL; l++) {
            c[cOff + (i + l) * n + j] = (float) lanes[l];
        }
    }

    /** Column j of rows i..i+DL. */
    private static void oneRowBlock(double[] at, float[] b, int bOff, boolean transB, double start, double[] lanes,
                                    float[] c, int cOff, int i, int j, int m, int k, int n) {
        DoubleVector s0 = DoubleVector.broadcast(D, start);
        for (int p = 0; p < k; p++) {
            s0 = DoubleVector.fromArray(D, at, p * m + i).fma(DoubleVector.broadcast(D, (double) b[transB ? bOff + j * k + p : bOff + p * n + j]), s0);
        }
        s0.intoArray(lanes, 0);
        for (int l = 0; l < DL; l++) {
            c[cOff + (i + l) * n + j] = (float) lanes[l];
        }
    }

    /**
     * dst [rows, cols] row-major, in double, from src at off stored as [rows, cols], or as [cols, rows] when
     * transposed.
     */
    private static void widen(float[] src, int off, boolean transposed, int rows, int cols, double[] dst) {
        if (transposed) {
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    dst[r * cols + c] = src[off + c * rows + r];
                }
            }
        } else {
            for (int i = 0; i < rows * cols; i++) {
                dst[i] = src[off + i];
            }
        }
    }

    private static void store(DoubleVector sums, float[] c, int at, VectorMask<Float> mask) {
        ((FloatVector) sums.convertShape(VectorOperators.D2F, F, 0)).intoArray(c, at, mask);
    }

    private static void store(DoubleVector sums, float[] c, int at) {
        ((FloatVector) sums.convertShape(VectorOperators.D2F, F, 0)).intoArray(c, at);
    }
}
