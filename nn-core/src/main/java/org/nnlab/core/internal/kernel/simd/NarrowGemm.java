package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * C += A·op(B) for tall, narrow products such as Playground's heatmap layers, [10000 x 8]·[8 x 8]: n divides
 * the vector length L and k·(L/n) &lt;= L.
 *
 * <p>Rows of C are contiguous, so one vector holds R = L/n whole rows of C, and the R rows of A that feed
 * them (R·k floats) fit in one vector too. For each step p, a lane permute of that A vector gives
 * A[row(l), p] in lane l, and B's row p tiled R times gives B[p, l mod n]: one permute and one FMA per
 * L useful multiply-adds, no packing and no masked lanes. Eight row groups run at once so eight
 * independent FMA chains hide the FMA latency.
 *
 * <p>Other products narrower than a vector ({@link #multiplyByColumns}) put L rows of C in a vector
 * instead: column p of A for those rows is gathered once per row block (or loaded, when A is stored
 * transposed), and each column of C is gathered, updated with k FMAs and scattered back.
 */
final class NarrowGemm {
    private static final VectorSpecies<Float> S = VectorForms.S;
    private static final int L = VectorForms.L;
    private static final int GROUPS = 8;

    private NarrowGemm() {
    }

    /** Per-thread scratch, grown on demand, so small products (GAN Lab's layers) allocate nothing per call. */
    private static final class Scratch {
        float[] btiled = new float[0];
        float[] columns = new float[0];
        final int[] aRows = new int[L];
        final int[] cRows = new int[L];

        float[] btiled(int size) {
            return btiled = VectorForms.atLeast(btiled, size);
        }

        float[] columns(int size) {
            return columns = VectorForms.atLeast(columns, size);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The lane shuffles by (k, n): k·(L/n) <= L keeps k and n under L, so the cache stays small. */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, VectorShuffle<Float>[]> SHUFFLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the narrow path applies to an [m x k]·[k x n] product. */
    static boolean applies(int m, int k, int n) {
        return n < L && L % n == 0 && k * (L / n) <= L && m >= 2 * GROUPS * (L / n);
    }

    static void multiply(float[] a, int aOff, float[] b, int bOff, boolean transB, float[] c, int cOff,
                         int m, int k, int n) {
        int rowsPerVector = L / n;
        // btiled[p·L + l] = op(B)[p, l mod n]
        float[] btiled = SCRATCH.get().btiled(k * L);
        for (int p = 0; p < k; p++) {
            for (int l = 0; l < L; l++) {
                int j = l % n;
                btiled[p * L + l] = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
            }
        }
        VectorShuffle<Float>[] shuffles = SHUFFLES.computeIfAbsent(k * 65_536 + n, key -> shuffles(k, n, rowsPerVector));
        int groupRows = GROUPS * rowsPerVector;
        int aStride = rowsPerVector * k;                 // floats of A per vector of C
        int i = 0;
        // the A loads read a full vector from each group's start: stay inside the array
        for (; i + groupRows <= m && aOff + (i + groupRows - rowsPerVector) * k + L <= a.length; i += groupRows) {
            int ao = aOff + i * k;
            int co = cOff + i * n;
            FloatVector a0 = FloatVector.fromArray(S, a, ao);
            FloatVector a1 = FloatVector.fromArray(S, a, ao + aStride);
            FloatVector a2 = FloatVector.fromArray(S, a, ao + 2 * aStride);
            FloatVector a3 = FloatVector.fromArray(S, a, ao + 3 * aStride);
            FloatVector a4 = FloatVector.fromArray(S, a, ao + 4 * aStride);
            FloatVector a5 = FloatVector.fromArray(S, a, ao + 5 * aStride);
            FloatVector a6 = FloatVector.fromArray(S, a, ao + 6 * aStride);
            FloatVector a7 = FloatVector.fromArray(S, a, ao + 7 * aStride);
            FloatVector c0 = FloatVector.fromArray(S, c, co);
            FloatVector c1 = FloatVector.fromArray(S, c, co + L);
            FloatVector c2 = FloatVector.fromArray(S, c, co + 2 * L);
            FloatVector c3 = FloatVector.fromArray(S, c, co + 3 * L);
            FloatVector c4 = FloatVector.fromArray(S, c, co + 4 * L);
            FloatVector c5 = FloatVector.fromArray(S, c, co + 5 * L);
            FloatVector c6 = FloatVector.fromArray(S, c, co + 6 * L);
            FloatVector c7 = FloatVector.fromArray(S, c, co + 7 * L);
            for (int p = 0; p < k; p++) {
                VectorShuffle<Float> sh = shuffles[p];
                FloatVector bp = FloatVector.fromArray(S, btiled, p * L);
                c0 = a0.rearrange(sh).fma(bp, c0);
                c1 = a1.rearrange(sh).fma(bp, c1);
                c2 = a2.rearrange(sh).fma(bp, c2);
                c3 = a3.rearrange(sh).fma(bp, c3);
                c4 = a4.rearrange(sh).fma(bp, c4);
                c5 = a5.rearrange(sh).fma(bp, c5);
                c6 = a6.rearrange(sh).fma(bp, c6);
                c7 = a7.rearrange(sh).fma(bp, c7);
            }
            c0.intoArray(c, co);
            c1.intoArray(c, co + L);
            c2.intoArray(c, co + 2 * L);
            c3.intoArray(c, co + 3 * L);
            c4.intoArray(c, co + 4 * L);
            c5.intoArray(c, co + 5 * L);
            c6.intoArray(c, co + 6 * L);
            c7.intoArray(c, co + 7 * L);
        }
        if (i < m) {                                      // the last rows: the plain loops
            PackedGemm.unpacked(a, aOff + i * k, false, b, bOff, transB, c, cOff + i * n, m - i, k, n);
        }
    }

    /** Whether the column strategy applies: fewer columns than a vector, and at least one block of L rows. */
    static boolean appliesByColumns(int m, int k, int n) {
        return n < L && m >= L && k <= MAX_COLUMN_K;
    }

    /** The gathered columns of A are kept in a scratch of k vectors; beyond this k the packed path is used. */
    static final int MAX_COLUMN_K = 256;

    static void multiplyByColumns(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                  float[] c, int cOff, int m, int k, int n) {
        Scratch scratch = SCRATCH.get();
        int[] aRows = scratch.aRows;                       // lane l reads row l of the block
        int[] cRows = scratch.cRows;
        for (int l = 0; l < L; l++) {
            aRows[l] = l * k;
            cRows[l] = l * n;
        }
        float[] columns = scratch.columns(k * L);          // columns[p·L + l] = A[i + l, p]
        int i = 0;
        for (; i + L <= m; i += L) {
            for (int p = 0; p < k; p++) {
                FloatVector col = transA
                        ? FloatVector.fromArray(S, a, aOff + p * m + i)
                        : FloatVector.fromArray(S, a, aOff + i * k + p, aRows, 0);
                col.intoArray(columns, p * L);
            }
            for (int j = 0; j < n; j++) {
                int co = cOff + i * n + j;
                FloatVector acc = n == 1 ? FloatVector.fromArray(S, c, co) : FloatVector.fromArray(S, c, co, cRows, 0);
                for (int p = 0; p < k; p++) {
                    float bpj = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    acc = FloatVector.fromArray(S, columns, p * L).fma(FloatVector.broadcast(S, bpj), acc);
                }
                if (n == 1) {
                    acc.intoArray(c, co);
                } else {
                    acc.intoArray(c, co, cRows, 0);
                }
            }
        }
        for (; i < m; i++) {                              // the last rows: the scalar reference's fma chain
            for (int j = 0; j < n; j++) {
                float acc = c[cOff + i * n + j];
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    acc = Math.fma(aip, transB ? b[bOff + j * k + p] : b[bOff + p * n + j], acc);
                }
                c[cOff + i * n + j] = acc;
            }
        }
    }

    /** shuffles[p] sends A[(l / n)·k + p] (row l/n of the group, column p) to lane l. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static VectorShuffle<Float>[] shuffles(int k, int n, int rowsPerVector) {
        VectorShuffle<Float>[] s = new VectorShuffle[k];
        int[] idx = new int[L];
        for (int p = 0; p < k; p++) {
            for (int l = 0; l < L; l++) {
                idx[l] = (l / n) * k + p;
            }
            s[p] = VectorShuffle.fromArray(S, idx, 0);
        }
        return s;
    }
}
