package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C += op(A)·op(B) for products with fewer rows than the packed micro-kernel ({@link PackedGemm#MR}), such as a
 * dense layer on a batch of 4: four rows of C at a time, four vectors of columns each (16 accumulators), one pass
 * down the shared dimension per block, each B vector used by the four rows. Nothing of B is packed: rows of B
 * are read in place and, for Bᵀ, each vector is gathered down a column of B (the packed path transposed the
 * whole of B for a few rows of C: a dense layer's 4,608 x 128 weights for a batch of 4). A is copied p-major,
 * four values a step; a last group of fewer than four rows runs on a copy of its rows of C.
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
        final int[] index = new int[4 * L];
        int indexStride = -1;

        float[] a(int size) {
            return a = VectorForms.atLeast(a, size);
        }

        float[] tile(int size) {
            return tile = VectorForms.atLeast(tile, size);
        }

        /** index[t] = t·k: lane t of a gathered vector reads row t of B. */
        int[] index(int k) {
            if (indexStride != k) {
                for (int t = 0; t < index.length; t++) {
                    index[t] = t * k;
                }
                indexStride = k;
            }
            return index;
        }
    }

    /** Whether this path takes an [m x k]·[k x n] product: fewer rows than a micro-kernel, a vector of columns. */
    static boolean applies(int m, int n) {
        return m < PackedGemm.MR && n >= L;
    }

    static void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] c, int cOff,
                         int m, int k, int n) {
        Scratch s = SCRATCH.get();
        int[] index = transB ? s.index(k) : null;
        float[] ap = s.a(4 * k);
        for (int i = 0; i < m; i += 4) {
            int rows = Math.min(4, m - i);
            for (int p = 0; p < k; p++) {                // ap[p, r] = op(A)[i + r, p], zeros past the last row
                for (int r = 0; r < 4; r++) {
                    ap[p * 4 + r] = r >= rows ? 0f : transA ? a[aOff + p * m + i + r] : a[aOff + (i + r) * k + p];
                }
            }
            if (rows == 4) {
                columns(ap, b, bOff, transB, index, c, cOff + i * n, k, n);
                continue;
            }
            float[] tile = s.tile(4 * n);
            java.util.Arrays.fill(tile, 0, 4 * n, 0f);
            System.arraycopy(c, cOff + i * n, tile, 0, rows * n);
            columns(ap, b, bOff, transB, index, tile, 0, k, n);
            System.arraycopy(tile, 0, c, cOff + i * n, rows * n);
        }
    }

    /** Four rows of C from co on (row stride n): blocks of four vectors, then of one, then scalars. */
    private static void columns(float[] ap, float[] b, int bOff, boolean transB, int[] index, float[] c, int co, int k,
                                int n) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            if (transB) {
                tile4x4Gathered(ap, b, bOff, index, c, co, k, n, j);
            } else {
                tile4x4(ap, b, bOff, c, co, k, n, j);
            }
        }
        for (; j + L <= n; j += L) {
            if (transB) {
                tile4x1Gathered(ap, b, bOff, index, c, co, k, n, j);
            } else {
                tile4x1(ap, b, bOff, c, co, k, n, j);
            }
        }
        for (; j < n; j++) {
            for (int r = 0; r < 4; r++) {
                float acc = c[co + r * n + j];
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(ap[p * 4 + r], transB ? b[bOff + j * k + p] : b[bOff + p * n + j], acc);
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

    /** As {@link #tile4x4}, B stored [n, k]: each vector of op(B)'s row p gathered down B's column p. */
    private static void tile4x4Gathered(float[] ap, float[] b, int bOff, int[] index, float[] c, int co, int k, int n, int j) {
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
            int bo = bOff + j * k + p;
            FloatVector b0 = FloatVector.fromArray(S, b, bo, index, 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, bo, index, 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo, index, 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bo, index, 3 * L);
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

    /** As {@link #tile4x1}, B stored [n, k]: each vector of op(B)'s row p gathered down B's column p. */
    private static void tile4x1Gathered(float[] ap, float[] b, int bOff, int[] index, float[] c, int co, int k, int n, int j) {
        co += j;
        FloatVector c00 = FloatVector.fromArray(S, c, co + 0 * n + 0 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + 1 * n + 0 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * n + 0 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * n + 0 * L);
        for (int p = 0; p < k; p++) {
            int bo = bOff + j * k + p;
            FloatVector b0 = FloatVector.fromArray(S, b, bo, index, 0 * L);
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
