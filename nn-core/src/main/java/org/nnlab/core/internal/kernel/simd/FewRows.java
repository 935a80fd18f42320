package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C += op(A)·op(B) for products with fewer rows than the packed micro-kernel ({@link PackedGemm#MR}), such as a
 * dense layer on a batch of 4: four rows of C at a time. Nothing of B is packed (the packed path transposed the whole
 * of B for a few rows of C: a dense layer's 4,608 x 128 weights for a batch of 4), and A is copied p-major, four
 * values a step. With B, four vectors of columns per block (16 accumulators), one pass down the shared dimension per
 * block, each B vector used by the four rows; a last group of fewer than four rows runs on a copy of its rows of C.
 * With Bᵀ, whose columns are B's rows, the four rows of C run along the lanes instead ({@link #rowLanes}), so that B
 * is read along its rows.
 *
 * <p>Every element is the fma chain over p ascending from C's value that {@link org.nnlab.core.internal.kernel.Kernels#gemm}
 * defines; the columns past the last whole vector run that chain on scalars.
 */
final class FewRows {
    private static final VectorSpecies<Float> S = VectorForms.S;
    private static final int L = VectorForms.L;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FewRows() {
    }

    /** Each thread's buffers, grown as needed. */
    private static final class Scratch {
        float[] a = new float[0];
        float[] tile = new float[0];

        float[] a(int size) {
            return a = VectorForms.atLeast(a, size);
        }

        float[] tile(int size) {
            return tile = VectorForms.atLeast(tile, size);
        }
    }

    /** Whether this path takes an [m x k]·[k x n] product: fewer rows than a micro-kernel, a vector of columns. */
    static boolean applies(int m, int n) {
        return m < PackedGemm.MR && n >= L;
    }

    static void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] c, int cOff,
                         int m, int k, int n) {
        Scratch s = SCRATCH.get();
        float[] ap = s.a(4 * k);
        for (int i = 0; i < m; i += 4) {
            int rows = Math.min(4, m - i);
            for (int p = 0; p < k; p++) {                // ap[p, r] = op(A)[i + r, p], zeros past the last row
                for (int r = 0; r < 4; r++) {
                    ap[p * 4 + r] = r >= rows ? 0f : transA ? a[aOff + p * m + i + r] : a[aOff + (i + r) * k + p];
                }
            }
            if (transB) {
                rowLanes(ap, b, bOff, s, c, cOff + i * n, rows, k, n);
                continue;
            }
            if (rows == 4) {
                columns(ap, b, bOff, c, cOff + i * n, k, n);
                continue;
            }
            float[] tile = s.tile(4 * n);
            java.util.Arrays.fill(tile, 0, 4 * n, 0f);
            System.arraycopy(c, cOff + i * n, tile, 0, rows * n);
            columns(ap, b, bOff, tile, 0, k, n);
            System.arraycopy(tile, 0, c, cOff + i * n, rows * n);
        }
    }

    /** Four floats: the four rows of C a step of {@link #rowLanes} carries. */
    private static final VectorSpecies<Float> ROWS = FloatVector.SPECIES_128;

    /**
     * C's {@code rows} (at most four) rows from co on += Apacked·Bᵀ, B stored [n, k], with C's four rows along the lanes
     * of a 128-bit vector: eight columns j at a time, each an fma chain over p of the broadcast B[j, p] (B's rows read
     * in place, along their length) times A's column p. C is carried transposed, [n, 4], in scratch. Gathering each
     * vector of Bᵀ down a column of B instead took 275 to 445 µs for a dense layer's back-propagation on a batch of 4
     * ([4, 128]·[4608, 128]ᵀ, AMD Zen 4), against 66 µs for its forward product of the same size.
     */
    private static void rowLanes(float[] ap, float[] b, int bOff, Scratch s, float[] c, int co, int rows, int k, int n) {
        float[] ct = s.tile(4 * n);
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < 4; r++) {
                ct[j * 4 + r] = r < rows ? c[co + r * n + j] : 0f;
            }
        }
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            eightColumns(ap, b, bOff, ct, j, k);
        }
        for (; j < n; j++) {
            FloatVector acc = FloatVector.fromArray(ROWS, ct, j * 4);
            for (int p = 0; p < k; p++) {
                acc = FloatVector.broadcast(ROWS, b[bOff + j * k + p]).fma(FloatVector.fromArray(ROWS, ap, p * 4), acc);
            }
            acc.intoArray(ct, j * 4);
        }
        for (int r = 0; r < rows; r++) {
            for (int jj = 0; jj < n; jj++) {
                c[co + r * n + jj] = ct[jj * 4 + r];
            }
        }
    }

    /** Columns j..j + 7 of {@link #rowLanes}: eight independent chains, one loaded column of A a step. */
    private static void eightColumns(float[] ap, float[] b, int bOff, float[] ct, int j, int k) {
        FloatVector s0 = FloatVector.fromArray(ROWS, ct, (j + 0) * 4);
        FloatVector s1 = FloatVector.fromArray(ROWS, ct, (j + 1) * 4);
        FloatVector s2 = FloatVector.fromArray(ROWS, ct, (j + 2) * 4);
        FloatVector s3 = FloatVector.fromArray(ROWS, ct, (j + 3) * 4);
        FloatVector s4 = FloatVector.fromArray(ROWS, ct, (j + 4) * 4);
        FloatVector s5 = FloatVector.fromArray(ROWS, ct, (j + 5) * 4);
        FloatVector s6 = FloatVector.fromArray(ROWS, ct, (j + 6) * 4);
        FloatVector s7 = FloatVector.fromArray(ROWS, ct, (j + 7) * 4);
        int b0 = bOff + j * k;
        for (int p = 0; p < k; p++) {
            FloatVector a = FloatVector.fromArray(ROWS, ap, p * 4);
            s0 = FloatVector.broadcast(ROWS, b[b0 + p]).fma(a, s0);
            s1 = FloatVector.broadcast(ROWS, b[b0 + k + p]).fma(a, s1);
            s2 = FloatVector.broadcast(ROWS, b[b0 + 2 * k + p]).fma(a, s2);
            s3 = FloatVector.broadcast(ROWS, b[b0 + 3 * k + p]).fma(a, s3);
            s4 = FloatVector.broadcast(ROWS, b[b0 + 4 * k + p]).fma(a, s4);
            s5 = FloatVector.broadcast(ROWS, b[b0 + 5 * k + p]).fma(a, s5);
            s6 = FloatVector.broadcast(ROWS, b[b0 + 6 * k + p]).fma(a, s6);
            s7 = FloatVector.broadcast(ROWS, b[b0 + 7 * k + p]).fma(a, s7);
        }
        s0.intoArray(ct, (j + 0) * 4);
        s1.intoArray(ct, (j + 1) * 4);
        s2.intoArray(ct, (j + 2) * 4);
        s3.intoArray(ct, (j + 3) * 4);
        s4.intoArray(ct, (j + 4) * 4);
        s5.intoArray(ct, (j + 5) * 4);
        s6.intoArray(ct, (j + 6) * 4);
        s7.intoArray(ct, (j + 7) * 4);
    }

    /** Four rows of C from co on (row stride n) += Apacked·B, B [k, n]: blocks of four vectors, then of one, then scalars. */
    private static void columns(float[] ap, float[] b, int bOff, float[] c, int co, int k, int n) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            tile4x4(ap, b, bOff, c, co, k, n, j);
        }
        for (; j + L <= n; j += L) {
            tile4x1(ap, b, bOff, c, co, k, n, j);
        }
        for (; j < n; j++) {
            for (int r = 0; r < 4; r++) {
                float acc = c[co + r * n + j];
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(ap[p * 4 + r], b[bOff + p * n + j], acc);
                }
                c[co + r * n + j] = acc;
            }
        }
    }

    /** C[0..4, j..j+4L] from co on += Apacked[4, k]·B[k, j..j+4L], B's rows contiguous. */
    private static void tile4x4(float[] ap, float[] b, int bOff, float[] c, int co, int k, int n, int j) {
        co += j;
        FloatVector c00 = FloatVector.fromArray(S, c, co + 0 * n + 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, c, co + 0 * n + 1 * L);
        FloatVector c02 = FloatVector.fromArray(S, c, co + 0 * n + 2 * L);
        FloatVector c03 = FloatVector.fromArray(S, c, co + 0 * n + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + 1 * n + 0 * L);
        FloatVector c11 = FloatVector.fromArray(S, c, co + 1 * n + 1 * L);
        FloatVector c12 = FloatVector.fromArray(S, c, co + 1 * n + 2 * L);
        FloatVector c13 = FloatVector.fromArray(S, c, co + 1 * n + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * n + 0 * L);
        FloatVector c21 = FloatVector.fromArray(S, c, co + 2 * n + 1 * L);
        FloatVector c22 = FloatVector.fromArray(S, c, co + 2 * n + 2 * L);
        FloatVector c23 = FloatVector.fromArray(S, c, co + 2 * n + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * n + 0 * L);
        FloatVector c31 = FloatVector.fromArray(S, c, co + 3 * n + 1 * L);
        FloatVector c32 = FloatVector.fromArray(S, c, co + 3 * n + 2 * L);
        FloatVector c33 = FloatVector.fromArray(S, c, co + 3 * n + 3 * L);
        for (int p = 0; p < k; p++) {
            int bo = bOff + p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * L);
            FloatVector a0 = FloatVector.broadcast(S, ap[p * 4 + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, ap[p * 4 + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, ap[p * 4 + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, ap[p * 4 + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
        }
        c00.intoArray(c, co + 0 * n + 0 * L);
        c01.intoArray(c, co + 0 * n + 1 * L);
        c02.intoArray(c, co + 0 * n + 2 * L);
        c03.intoArray(c, co + 0 * n + 3 * L);
        c10.intoArray(c, co + 1 * n + 0 * L);
        c11.intoArray(c, co + 1 * n + 1 * L);
        c12.intoArray(c, co + 1 * n + 2 * L);
        c13.intoArray(c, co + 1 * n + 3 * L);
        c20.intoArray(c, co + 2 * n + 0 * L);
        c21.intoArray(c, co + 2 * n + 1 * L);
        c22.intoArray(c, co + 2 * n + 2 * L);
        c23.intoArray(c, co + 2 * n + 3 * L);
        c30.intoArray(c, co + 3 * n + 0 * L);
        c31.intoArray(c, co + 3 * n + 1 * L);
        c32.intoArray(c, co + 3 * n + 2 * L);
        c33.intoArray(c, co + 3 * n + 3 * L);
    }

    /** C[0..4, j..j+1L] from co on += Apacked[4, k]·B[k, j..j+1L], B's rows contiguous. */
    private static void tile4x1(float[] ap, float[] b, int bOff, float[] c, int co, int k, int n, int j) {
        co += j;
        FloatVector c00 = FloatVector.fromArray(S, c, co + 0 * n + 0 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + 1 * n + 0 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * n + 0 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * n + 0 * L);
        for (int p = 0; p < k; p++) {
            int bo = bOff + p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bo + 0 * L);
            FloatVector a0 = FloatVector.broadcast(S, ap[p * 4 + 0]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, ap[p * 4 + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, ap[p * 4 + 2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, ap[p * 4 + 3]);
            c30 = a3.fma(b0, c30);
        }
        c00.intoArray(c, co + 0 * n + 0 * L);
        c10.intoArray(c, co + 1 * n + 0 * L);
        c20.intoArray(c, co + 2 * n + 0 * L);
        c30.intoArray(c, co + 3 * n + 0 * L);
    }

}
