package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C += op(A)·op(B) for the three transpose variants, packed and register-blocked after Goto and van de
 * Geijn (ACM TOMS 34(3), 2008).
 *
 * <p>The shared dimension is cut into blocks of {@link #KC}; for each, a block of B (at most {@link #NC}
 * columns) is packed into contiguous panels of {@link #NR} = 3 vectors (then 1-vector panels for the
 * rest, zero-padded), and a block of A ({@link #MC} rows) into micro-panels of {@link #MR} = 8 rows,
 * stored p-major so the 8 broadcasts of one step come from one cache line. The micro-kernel keeps an
 * 8 x 3-vector tile of C in 24 registers (AVX-512 has 32) and does 24 FMAs per 3 vector loads and 8
 * broadcasts, so it is bound by FMA throughput, not memory. Packing is where the transposes are
 * absorbed: one micro-kernel serves A·B, Aᵀ·B and A·Bᵀ.
 *
 * <p>Edge tiles with fewer than 8 rows go through a scratch tile loaded with C's edge and stored back; so does
 * a last column panel narrower than a vector (masked loads and stores proved far slower here). Every path
 * computes each element as one fma chain over p ascending from C's value, the scalar kernels' order, so
 * the bits do not depend on the path, the vector width or the thread count. Products with fewer than {@link #SMALL} multiply-adds skip
 * packing, whose fixed cost would dominate, and so do products with fewer rows than a micro-kernel ({@link FewRows}).
 * Each thread packs into its own scratch buffers.
 */
final class PackedGemm {
    private static final VectorSpecies<Float> S = VectorForms.S;
    private static final int L = VectorForms.L;
    /** Rows per micro-kernel. */
    static final int MR = 8;
    /** Columns per wide micro-kernel: three vectors. */
    static final int NR = 3 * L;
    /** Depth of a packed block: a KC x NR panel of B (24 KB at 512 bits) stays in L1. */
    static final int KC = 128;
    /** Rows of a packed block of A (MC x KC floats, 64 KB, stays in L2). */
    static final int MC = 128;
    /** Columns of a packed block of B (KC x NC floats, 1 MB at most, in L2/L3). */
    static final int NC = NR * 40;
    /** Below this many multiply-adds the unpacked loops are faster. */
    static final long SMALL = 4096;

    /**
     * Products with at least this many multiply-adds are split over {@code threads} when more than one
     * is configured: below it, handing blocks to other threads costs more than it saves.
     */
    static final long PARALLEL_MACS = 1L << 25;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final int threads;
    private final long parallelMacs;

    /**
     * @param threads how many threads a large product may use (1: the caller's only). Each block of MC
     *                rows of C is computed by exactly one thread, in the same order as with one thread,
     *                so the result is bitwise the same for any thread count.
     */
    PackedGemm(int threads) {
        this(threads, PARALLEL_MACS);
    }

    /** As {@link #PackedGemm(int)}, splitting from {@code parallelMacs} multiply-adds on (tests use small ones). */
    PackedGemm(int threads, long parallelMacs) {
        if (threads < 1) {
            throw new IllegalArgumentException("nn.threads: must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.parallelMacs = parallelMacs;
    }

    private static final class Scratch {
        final float[] a = new float[MC * KC];
        final float[] b = new float[KC * (NC + L)];
        final float[] tile = new float[MR * NR];
    }

    void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                  float[] c, int cOff, int m, int k, int n) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (!transA && NarrowGemm.applies(m, k, n)) {
            NarrowGemm.multiply(a, aOff, b, bOff, transB, c, cOff, m, k, n);
            return;
        }
        if (NarrowGemm.appliesByColumns(m, k, n)) {       // a packed panel would be mostly padding
            NarrowGemm.multiplyByColumns(a, aOff, transA, b, bOff, transB, c, cOff, m, k, n);
            return;
        }
        if ((long) m * n * k < SMALL) {
            unpacked(a, aOff, transA, b, bOff, transB, c, cOff, m, k, n);
            return;
        }
        if (FewRows.applies(m, n)) {                      // fewer rows than a micro-kernel: B in place
            FewRows.multiply(a, aOff, transA, b, bOff, transB, c, cOff, m, k, n);
            return;
        }
        int blocks = (m + MC - 1) / MC;
        int workers = (long) m * n * k >= parallelMacs ? Math.min(threads, blocks) : 1;
        if (workers == 1) {
            rowBlocks(a, aOff, transA, b, bOff, transB, c, cOff, m, k, n, 0, 1);
        } else {
            forkRowBlocks(a, aOff, transA, b, bOff, transB, c, cOff, m, k, n, workers);
        }
    }

    /**
     * The whole product for row blocks first, first + stride, ... of C, on this thread's scratch. Each
     * worker packs B itself: O(k·n) extra work that buys a single fork and join per product.
     */
    private void rowBlocks(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] c,
                           int cOff, int m, int k, int n, int first, int stride) {
        Scratch s = scratch.get();
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            for (int jc = 0; jc < n; jc += NC) {
                int nc = Math.min(NC, n - jc);
                packB(b, bOff, transB, k, n, pc, kc, jc, nc, s.b);
                for (int ic = first * MC; ic < m; ic += stride * MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(a, aOff, transA, m, k, ic, mc, pc, kc, s.a);
                    macroKernel(s.a, s.b, s.tile, kc, mc, nc, c, cOff + ic * n + jc, n);
                }
            }
        }
    }

    /** The row blocks dealt round-robin to {@code workers} fork-join tasks, joined once. */
    private void forkRowBlocks(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] c,
                               int cOff, int m, int k, int n, int workers) {
        java.util.List<java.util.concurrent.RecursiveAction> tasks = new java.util.ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int first = w;
            tasks.add(new java.util.concurrent.RecursiveAction() {
                @Override
                protected void compute() {
                    rowBlocks(a, aOff, transA, b, bOff, transB, c, cOff, m, k, n, first, workers);
                }
            });
        }
        java.util.concurrent.ForkJoinTask.invokeAll(tasks);
    }

    /** Runs the micro-kernels over one packed block: column panels outer, so a B panel stays in L1. */
    private static void macroKernel(float[] packedA, float[] packedB, float[] tile, int kc, int mc, int nc,
                                    float[] c, int cOff, int ldc) {
        int wide = nc / NR;
        for (int q = 0; q < wide; q++) {
            int bo = q * kc * NR;
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int co = cOff + ir * ldc + q * NR;
                if (rows == MR) {
                    kernel8x3(packedA, ir * kc, packedB, bo, kc, c, co, ldc);
                } else {                                  // C's edge through a tile: the same fma chain
                    loadTile(tile, NR, c, co, ldc, rows, NR);
                    kernel8x3(packedA, ir * kc, packedB, bo, kc, tile, 0, NR);
                    storeTile(tile, NR, c, co, ldc, rows, NR);
                }
            }
        }
        int narrowBase = wide * kc * NR;
        for (int j = wide * NR, q = 0; j < nc; j += L, q++) {
            int cols = Math.min(L, nc - j);
            int bo = narrowBase + q * kc * L;
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int co = cOff + ir * ldc + j;
                if (rows == MR && cols == L) {
                    kernel8x1(packedA, ir * kc, packedB, bo, kc, c, co, ldc);
                } else {
                    loadTile(tile, L, c, co, ldc, rows, cols);
                    kernel8x1(packedA, ir * kc, packedB, bo, kc, tile, 0, L);
                    storeTile(tile, L, c, co, ldc, rows, cols);
                }
            }
        }
    }

    /**
     * The tile [MR, ldt] takes C's rows x cols edge, zeros elsewhere, so that the micro-kernel continues each
     * element's fma chain from C's value, as the full tiles and the scalar loops do (not a sum from 0 added
     * to C afterwards, which rounds differently).
     */
    private static void loadTile(float[] tile, int ldt, float[] c, int co, int ldc, int rows, int cols) {
        java.util.Arrays.fill(tile, 0, MR * ldt, 0f);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, co + r * ldc, tile, r * ldt, cols);
        }
    }

    private static void storeTile(float[] tile, int ldt, float[] c, int co, int ldc, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * ldt, c, co + r * ldc, cols);
        }
    }

    /** Packs A[ic:ic+mc, pc:pc+kc] into micro-panels [kc][MR], rows past mc zero. */
    private static void packA(float[] a, int aOff, boolean transA, int m, int k, int ic, int mc, int pc, int kc,
                              float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int base = ir * kc;
            int rows = Math.min(MR, mc - ir);
            if (rows < MR) {
                java.util.Arrays.fill(ap, base, base + kc * MR, 0f);
            }
            if (transA) {           // A is stored [k, m]: the MR values of one step are contiguous
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, aOff + (pc + p) * m + ic + ir, ap, base + p * MR, rows);
                }
            } else {                // A is stored [m, k]: read each row sequentially
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (ic + ir + r) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = a[src + p];
                    }
                }
            }
        }
    }

    /** Packs B[pc:pc+kc, jc:jc+nc] into NR-wide panels, then L-wide ones, each [kc][width], zero-padded. */
    private static void packB(float[] b, int bOff, boolean transB, int k, int n, int pc, int kc, int jc, int nc,
                              float[] bp) {
        int wide = nc / NR;
        int at = 0;
        for (int q = 0; q < wide; q++, at += kc * NR) {
            packPanel(b, bOff, transB, k, n, pc, kc, jc + q * NR, NR, NR, bp, at);
        }
        for (int j = wide * NR; j < nc; j += L, at += kc * L) {
            packPanel(b, bOff, transB, k, n, pc, kc, jc + j, Math.min(L, nc - j), L, bp, at);
        }
    }

    private static void packPanel(float[] b, int bOff, boolean transB, int k, int n, int pc, int kc, int j0,
                                  int cols, int width, float[] bp, int at) {
        if (cols < width) {
            java.util.Arrays.fill(bp, at, at + kc * width, 0f);
        }
        if (transB) {               // B is stored [n, k]: column j of op(B) is row j of B
            for (int j = 0; j < cols; j++) {
                int src = bOff + (j0 + j) * k + pc;
                for (int p = 0; p < kc; p++) {
                    bp[at + p * width + j] = b[src + p];
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (pc + p) * n + j0, bp, at + p * width, cols);
            }
        }
    }

    /** Small products: i-p-j loops, vectorized along the rows of B when they hold a vector. */
    static void unpacked(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                 float[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = Math.fma(aip, b[bOff + j * k + p], c[ci + j]);
                    }
                    continue;
                }
                int bp = bOff + p * n;
                int j = 0;
                if (n >= L) {
                    FloatVector va = FloatVector.broadcast(S, aip);
                    for (int bound = S.loopBound(n); j < bound; j += L) {
                        va.fma(FloatVector.fromArray(S, b, bp + j), FloatVector.fromArray(S, c, ci + j))
                                .intoArray(c, ci + j);
                    }
                }
                for (; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    /** C[8, 3L] += Apanel[kc, 8]ᵀ · Bpanel[kc, 3L], the tile at c[co] with row stride ldc. */
    private static void kernel8x3(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co + 0 * ldc + 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, c, co + 0 * ldc + 1 * L);
        FloatVector c02 = FloatVector.fromArray(S, c, co + 0 * ldc + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + 1 * ldc + 0 * L);
        FloatVector c11 = FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L);
        FloatVector c12 = FloatVector.fromArray(S, c, co + 1 * ldc + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc + 0 * L);
        FloatVector c21 = FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L);
        FloatVector c22 = FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc + 0 * L);
        FloatVector c31 = FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L);
        FloatVector c32 = FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc + 0 * L);
        FloatVector c41 = FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L);
        FloatVector c42 = FloatVector.fromArray(S, c, co + 4 * ldc + 2 * L);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc + 0 * L);
        FloatVector c51 = FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L);
        FloatVector c52 = FloatVector.fromArray(S, c, co + 5 * ldc + 2 * L);
        FloatVector c60 = FloatVector.fromArray(S, c, co + 6 * ldc + 0 * L);
        FloatVector c61 = FloatVector.fromArray(S, c, co + 6 * ldc + 1 * L);
        FloatVector c62 = FloatVector.fromArray(S, c, co + 6 * ldc + 2 * L);
        FloatVector c70 = FloatVector.fromArray(S, c, co + 7 * ldc + 0 * L);
        FloatVector c71 = FloatVector.fromArray(S, c, co + 7 * ldc + 1 * L);
        FloatVector c72 = FloatVector.fromArray(S, c, co + 7 * ldc + 2 * L);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ao + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            FloatVector a4 = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            FloatVector a5 = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            FloatVector a6 = FloatVector.broadcast(S, ap[ao + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            c62 = a6.fma(b2, c62);
            FloatVector a7 = FloatVector.broadcast(S, ap[ao + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            c72 = a7.fma(b2, c72);
            ao += MR;
            bo += 3 * L;
        }
        c00.intoArray(c, co + 0 * ldc + 0 * L);
        c01.intoArray(c, co + 0 * ldc + 1 * L);
        c02.intoArray(c, co + 0 * ldc + 2 * L);
        c10.intoArray(c, co + 1 * ldc + 0 * L);
        c11.intoArray(c, co + 1 * ldc + 1 * L);
        c12.intoArray(c, co + 1 * ldc + 2 * L);
        c20.intoArray(c, co + 2 * ldc + 0 * L);
        c21.intoArray(c, co + 2 * ldc + 1 * L);
        c22.intoArray(c, co + 2 * ldc + 2 * L);
        c30.intoArray(c, co + 3 * ldc + 0 * L);
        c31.intoArray(c, co + 3 * ldc + 1 * L);
        c32.intoArray(c, co + 3 * ldc + 2 * L);
        c40.intoArray(c, co + 4 * ldc + 0 * L);
        c41.intoArray(c, co + 4 * ldc + 1 * L);
        c42.intoArray(c, co + 4 * ldc + 2 * L);
        c50.intoArray(c, co + 5 * ldc + 0 * L);
        c51.intoArray(c, co + 5 * ldc + 1 * L);
        c52.intoArray(c, co + 5 * ldc + 2 * L);
        c60.intoArray(c, co + 6 * ldc + 0 * L);
        c61.intoArray(c, co + 6 * ldc + 1 * L);
        c62.intoArray(c, co + 6 * ldc + 2 * L);
        c70.intoArray(c, co + 7 * ldc + 0 * L);
        c71.intoArray(c, co + 7 * ldc + 1 * L);
        c72.intoArray(c, co + 7 * ldc + 2 * L);
    }

    /** C[8, L] += Apanel[kc, 8]ᵀ · Bpanel[kc, L], the tile at c[co] with row stride ldc. */
    private static void kernel8x1(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc) {
        FloatVector c0 = FloatVector.fromArray(S, c, co + 0 * ldc);
        FloatVector c1 = FloatVector.fromArray(S, c, co + 1 * ldc);
        FloatVector c2 = FloatVector.fromArray(S, c, co + 2 * ldc);
        FloatVector c3 = FloatVector.fromArray(S, c, co + 3 * ldc);
        FloatVector c4 = FloatVector.fromArray(S, c, co + 4 * ldc);
        FloatVector c5 = FloatVector.fromArray(S, c, co + 5 * ldc);
        FloatVector c6 = FloatVector.fromArray(S, c, co + 6 * ldc);
        FloatVector c7 = FloatVector.fromArray(S, c, co + 7 * ldc);
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(S, bp, bo);
            c0 = FloatVector.broadcast(S, ap[ao + 0]).fma(b, c0);
            c1 = FloatVector.broadcast(S, ap[ao + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(S, ap[ao + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(S, ap[ao + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(S, ap[ao + 4]).fma(b, c4);
            c5 = FloatVector.broadcast(S, ap[ao + 5]).fma(b, c5);
            c6 = FloatVector.broadcast(S, ap[ao + 6]).fma(b, c6);
            c7 = FloatVector.broadcast(S, ap[ao + 7]).fma(b, c7);
            ao += MR;
            bo += L;
        }
        c0.intoArray(c, co + 0 * ldc);
        c1.intoArray(c, co + 1 * ldc);
        c2.intoArray(c, co + 2 * ldc);
        c3.intoArray(c, co + 3 * ldc);
        c4.intoArray(c, co + 4 * ldc);
        c5.intoArray(c, co + 5 * ldc);
        c6.intoArray(c, co + 6 * ldc);
        c7.intoArray(c, co + 7 * ldc);
    }
}
