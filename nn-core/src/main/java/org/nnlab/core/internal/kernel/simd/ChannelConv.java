package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The convolution kernels with channels along the vector lanes, reading each image's patches in place (no
 * im2col), two vectors of channels ({@link #LANES}) per block:
 * <ul>
 *   <li>forward: the filters along the lanes, twelve output pixels of a row ({@link #ROWS}) in the registers, one
 *       broadcast per pixel and patch position, read from the image where the patch position puts it;</li>
 *   <li>filter gradient: for images of at least {@link #LANES} channels, the channels along the lanes and eight
 *       filters ({@link #FILTER_ROWS}) in the registers, over the images and dOut transposed channels last, so that
 *       every load of a step is contiguous; for fewer channels, the filters along the lanes and twelve patch
 *       positions in the registers;</li>
 *   <li>image gradient: the input channels along the lanes and twelve output pixels in the registers, each patch
 *       position's terms added to the image gradient transposed channels last.</li>
 * </ul>
 * The transposes (weights, dOut, images, the image gradient in and out) gather or scatter a vector at a time.
 *
 * <p>Every element is the chain the scalar kernels define, in their order: a forward pixel over the patch
 * positions, a filter gradient over the images and pixels, an image gradient's terms over the filters, added
 * patch position by patch position. The lanes past the filters or channels are zeros, computed and dropped.
 * The forward pass runs a row's last pixels as a tile that overlaps the one before it, writing the same bits
 * twice; the image gradient, which adds, runs them pixel by pixel, as rows narrower than a tile.
 */
final class ChannelConv {
    private static final VectorSpecies<Float> S = VectorForms.S;
    private static final int L = VectorForms.L;
    /** Lanes per block: two vectors. */
    static final int LANES = 2 * L;
    /** Rows per tile. */
    static final int ROWS = 12;
    /** Filters per tile of the filter gradient by channels: eight, 16 accumulators. */
    static final int FILTER_ROWS = 8;

    /**
     * The largest transposed batch a thread keeps between calls, in floats (16 MB; ShapeShop's batch of 4 takes
     * 86,528): one evaluation of a large batch must not leave its buffer behind on every thread that ran it.
     */
    static final int RETAINED = 1 << 22;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Each thread's buffers, grown to the largest convolution it has run. */
    private static final class Scratch {
        float[] weights = new float[0];
        float[] transposed = new float[0];
        float[] images = new float[0];
        int[] bases = new int[0];
        final int[] rowBases = new int[ROWS];
        final float[] tile = new float[ROWS * LANES];
        final int[] index = new int[L];

        float[] weights(int size) {
            return weights = VectorForms.atLeast(weights, size);
        }

        float[] transposed(int size) {
            return size > RETAINED ? new float[size] : (transposed = VectorForms.atLeast(transposed, size));
        }

        float[] images(int size) {
            return size > RETAINED ? new float[size] : (images = VectorForms.atLeast(images, size));
        }

        /** The image offset of each patch position p = (ch·kh + u)·kw + v: ch·h·w + u·w + v. */
        int[] bases(int c, int h, int w, int kh, int kw) {
            int patch = c * kh * kw;
            if (bases.length < patch) {
                bases = new int[patch];
            }
            for (int ch = 0, p = 0; ch < c; ch++) {
                for (int u = 0; u < kh; u++) {
                    for (int v = 0; v < kw; v++, p++) {
                        bases[p] = (ch * h + u) * w + v;
                    }
                }
            }
            return bases;
        }
    }

    private static int roundUp(int count) {
        return (count + LANES - 1) / LANES * LANES;
    }

    /**
     * dst[dOff + k·dStride + l] = src[sOff + l·sStride + k] for l &lt; lanes and k &lt; items: rows of src become
     * lane runs of dst (channels last), a whole vector of lanes gathered at a time.
     */
    static void transposeIn(float[] src, int sOff, int sStride, int lanes, int items, float[] dst, int dOff,
                            int dStride, int[] index) {
        int whole = lanes / L * L;
        for (int l = 0; l < L; l++) {
            index[l] = l * sStride;
        }
        for (int k = 0; k < items; k++) {
            for (int l0 = 0; l0 < whole; l0 += L) {
                FloatVector.fromArray(S, src, sOff + l0 * sStride + k, index, 0).intoArray(dst, dOff + k * dStride + l0);
            }
            for (int l = whole; l < lanes; l++) {
                dst[dOff + k * dStride + l] = src[sOff + l * sStride + k];
            }
        }
    }

    /** The inverse of {@link #transposeIn}: dst[dOff + l·dStride + k] = src[sOff + k·sStride + l], scattered. */
    static void transposeOut(float[] src, int sOff, int sStride, int lanes, int items, float[] dst, int dOff,
                             int dStride, int[] index) {
        int whole = lanes / L * L;
        for (int l = 0; l < L; l++) {
            index[l] = l * dStride;
        }
        for (int k = 0; k < items; k++) {
            for (int l0 = 0; l0 < whole; l0 += L) {
                FloatVector.fromArray(S, src, sOff + k * sStride + l0).intoArray(dst, dOff + l0 * dStride + k, index, 0);
            }
            for (int l = whole; l < lanes; l++) {
                dst[dOff + l * dStride + k] = src[sOff + k * sStride + l];
            }
        }
    }

    /** {@link org.nnlab.core.internal.kernel.Kernels#convForward}. */
    void forward(float[] x, int n, int c, int h, int w, float[] weight, int f, int kh, int kw, float[] bias,
                 float[] out) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int patch = c * kh * kw;
        int fp = roundUp(f);
        Scratch s = scratch.get();
        float[] wt = s.weights(patch * fp);              // wt[p, j] = weight[j, p], zeros past f
        java.util.Arrays.fill(wt, 0, patch * fp, 0f);
        transposeIn(weight, 0, patch, f, patch, wt, 0, fp, s.index);
        int[] bases = s.bases(c, h, w, kh, kw);
        float[] tile = s.tile;
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < oh; y++) {
                int xo = i * c * h * w + y * w;
                for (int j0 = 0; j0 < f; j0 += LANES) {
                    if (ow < ROWS) {
                        for (int x0 = 0; x0 < ow; x0++) {
                            forwardPixel(x, xo + x0, bases, patch, wt, fp, j0, tile);
                            storeForward(tile, 1, out, i, f, j0, oh, ow, y, x0, bias, s.index);
                        }
                        continue;
                    }
                    for (int x0 = 0; x0 < ow; x0 += ROWS) {
                        int at = Math.min(x0, ow - ROWS);   // the last tile overlaps: the same bits again
                        forwardTile(x, xo + at, bases, patch, wt, fp, j0, tile);
                        storeForward(tile, ROWS, out, i, f, j0, oh, ow, y, at, bias, s.index);
                    }
                }
            }
        }
    }

    /** The tile's rows (pixels x0, x0 + 1, ...) into out[i, j0.., y, ..], plus the bias: scattered down the filters. */
    private static void storeForward(float[] tile, int rows, float[] out, int i, int f, int j0, int oh, int ow, int y,
                                     int x0, float[] bias, int[] index) {
        int plane = oh * ow;
        int lanes = Math.min(LANES, f - j0);
        int whole = lanes / L * L;
        int o = ((i * f + j0) * oh + y) * ow + x0;
        for (int l = 0; l < L; l++) {
            index[l] = l * plane;
        }
        for (int l0 = 0; l0 < whole; l0 += L) {
            FloatVector b = bias == null ? null : FloatVector.fromArray(S, bias, j0 + l0);
            for (int r = 0; r < rows; r++) {
                FloatVector t = FloatVector.fromArray(S, tile, r * LANES + l0);
                (b == null ? t : t.add(b)).intoArray(out, o + l0 * plane + r, index, 0);
            }
        }
        for (int jj = whole; jj < lanes; jj++) {
            int j = j0 + jj;
            for (int r = 0; r < rows; r++) {
                float t = tile[r * LANES + jj];
                out[o + jj * plane + r] = bias == null ? t : t + bias[j];
            }
        }
    }

    /** One output pixel at image offset xo: the tile's first row. */
    private static void forwardPixel(float[] x, int xo, int[] bases, int patch, float[] wt, int fp, int wo,
                                     float[] tile) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int p = 0; p < patch; p++) {
            FloatVector v = FloatVector.broadcast(S, x[xo + bases[p]]);
            a0 = v.fma(FloatVector.fromArray(S, wt, wo + p * fp), a0);
            a1 = v.fma(FloatVector.fromArray(S, wt, wo + p * fp + L), a1);
        }
        a0.intoArray(tile, 0);
        a1.intoArray(tile, L);
    }

    /** {@link org.nnlab.core.internal.kernel.Kernels#convWeightGradient}. */
    void weightGradient(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw, float[] gw) {
        if (c >= LANES) {
            weightGradientByChannels(g, x, n, c, h, w, f, kh, kw, gw);
        } else {
            weightGradientByFilters(g, x, n, c, h, w, f, kh, kw, gw);
        }
    }

    /**
     * The filter gradient with the input channels along the lanes, for images of at least {@link #LANES} channels:
     * each step loads two vectors of one pixel's channels (the images transposed, channels last) and broadcasts
     * eight filters' dOut from one row (dOut transposed), so all of a step's loads are contiguous.
     */
    private void weightGradientByChannels(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw,
                                          float[] gw) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int plane = oh * ow;
        int pixels = h * w;
        int area = kh * kw;
        int patch = c * area;
        int cp = roundUp(c);
        int fq = (f + FILTER_ROWS - 1) / FILTER_ROWS * FILTER_ROWS;
        Scratch s = scratch.get();
        float[] gt = s.transposed(n * plane * fq);       // gt[i, q, j] = g[i, j, q], zeros past f
        float[] xt = s.images(n * pixels * cp);         // xt[i, pixel, ch] = x[i, ch, pixel], zeros past c
        java.util.Arrays.fill(gt, 0, n * plane * fq, 0f);
        java.util.Arrays.fill(xt, 0, n * pixels * cp, 0f);
        for (int i = 0; i < n; i++) {
            transposeIn(g, i * f * plane, plane, f, plane, gt, i * plane * fq, fq, s.index);
            transposeIn(x, i * c * pixels, pixels, c, pixels, xt, i * pixels * cp, cp, s.index);
        }
        float[] tile = s.tile;
        for (int uv = 0; uv < area; uv++) {
            int shift = (uv / kw * w + uv % kw) * cp;
            for (int c0 = 0; c0 < c; c0 += LANES) {
                int lanes = Math.min(LANES, c - c0);
                for (int j0 = 0; j0 < f; j0 += FILTER_ROWS) {
                    int rows = Math.min(FILTER_ROWS, f - j0);
                    java.util.Arrays.fill(tile, 0, FILTER_ROWS * LANES, 0f);
                    for (int r = 0; r < rows; r++) {
                        for (int cc = 0; cc < lanes; cc++) {
                            tile[r * LANES + cc] = gw[(j0 + r) * patch + (c0 + cc) * area + uv];
                        }
                    }
                    weightTileChannels(gt, fq, j0, xt, cp, shift + c0, n, pixels, w, oh, ow, tile);
                    for (int r = 0; r < rows; r++) {
                        for (int cc = 0; cc < lanes; cc++) {
                            gw[(j0 + r) * patch + (c0 + cc) * area + uv] = tile[r * LANES + cc];
                        }
                    }
                }
            }
        }
    }

    /** The filter gradient with the filters along the lanes, twelve patch positions a tile: images of few channels. */
    private void weightGradientByFilters(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw,
                                         float[] gw) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int plane = oh * ow;
        int patch = c * kh * kw;
        int fp = roundUp(f);
        Scratch s = scratch.get();
        float[] gt = s.transposed(n * plane * fp);       // gt[i, q, j] = g[i, j, q], zeros past f
        java.util.Arrays.fill(gt, 0, n * plane * fp, 0f);
        for (int i = 0; i < n; i++) {
            transposeIn(g, i * f * plane, plane, f, plane, gt, i * plane * fp, fp, s.index);
        }
        int[] bases = s.bases(c, h, w, kh, kw);
        int[] rowBases = s.rowBases;
        float[] tile = s.tile;
        for (int j0 = 0; j0 < f; j0 += LANES) {
            int lanes = Math.min(LANES, f - j0);
            for (int p0 = 0; p0 < patch; p0 += ROWS) {
                int rows = Math.min(ROWS, patch - p0);
                for (int r = 0; r < ROWS; r++) {            // rows past the patch repeat its first: computed, dropped
                    rowBases[r] = bases[p0 + (r < rows ? r : 0)];
                }
                java.util.Arrays.fill(tile, 0f);
                for (int r = 0; r < rows; r++) {
                    for (int jj = 0; jj < lanes; jj++) {
                        tile[r * LANES + jj] = gw[(j0 + jj) * patch + p0 + r];
                    }
                }
                weightTile(gt, j0, fp, x, n, c * h * w, h, w, oh, ow, rowBases, tile);
                for (int r = 0; r < rows; r++) {
                    for (int jj = 0; jj < lanes; jj++) {
                        gw[(j0 + jj) * patch + p0 + r] = tile[r * LANES + jj];
                    }
                }
            }
        }
    }

    /** {@link org.nnlab.core.internal.kernel.Kernels#convInputGradient}. */
    void inputGradient(float[] g, float[] weight, int n, int c, int h, int w, int f, int kh, int kw, float[] gx) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int plane = oh * ow;
        int area = kh * kw;
        int cp = roundUp(c);
        Scratch s = scratch.get();
        float[] wr = s.weights(area * f * cp);            // wr[u·kw + v, j, ch] = weight[j, ch, u, v], zeros past c
        java.util.Arrays.fill(wr, 0, area * f * cp, 0f);
        for (int j = 0; j < f; j++) {
            transposeIn(weight, j * c * area, area, c, area, wr, j * cp, f * cp, s.index);
        }
        float[] gxt = s.transposed(h * w * cp);           // one image's gradient, gxt[pixel, ch]
        for (int i = 0; i < n; i++) {
            int image = i * c * h * w;
            java.util.Arrays.fill(gxt, 0, h * w * cp, 0f);
            transposeIn(gx, image, h * w, c, h * w, gxt, 0, cp, s.index);
            for (int uv = 0; uv < area; uv++) {             // patch positions in order: each pixel's sum in order
                int u = uv / kw;
                int v = uv % kw;
                for (int c0 = 0; c0 < c; c0 += LANES) {
                    int wo = uv * f * cp + c0;
                    for (int y = 0; y < oh; y++) {
                        int go = i * f * plane + y * ow;
                        int to = ((y + u) * w + v) * cp + c0;
                        int x0 = 0;
                        for (; x0 + ROWS <= ow; x0 += ROWS) {
                            inputTile(g, go + x0, plane, wr, wo, cp, f, gxt, to + x0 * cp);
                        }
                        for (; x0 < ow; x0++) {
                            inputPixel(g, go + x0, plane, wr, wo, cp, f, gxt, to + x0 * cp);
                        }
                    }
                }
            }
            transposeOut(gxt, 0, cp, c, h * w, gx, image, h * w, s.index);
        }
    }

    /** One output pixel's terms (dOut at go, one per filter) added to gxt from to on. */
    private static void inputPixel(float[] g, int go, int plane, float[] wr, int wo, int cp, int f, float[] gxt,
                                   int to) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int j = 0; j < f; j++) {
            FloatVector v = FloatVector.broadcast(S, g[go + j * plane]);
            a0 = v.fma(FloatVector.fromArray(S, wr, wo + j * cp), a0);
            a1 = v.fma(FloatVector.fromArray(S, wr, wo + j * cp + L), a1);
        }
        FloatVector.fromArray(S, gxt, to).add(a0).intoArray(gxt, to);
        FloatVector.fromArray(S, gxt, to + L).add(a1).intoArray(gxt, to + L);
    }

    /** Twelve output pixels of a row from xo on, for the filters of the block at wo: the tile [12, LANES]. */
    private static void forwardTile(float[] x, int xo, int[] bases, int patch, float[] wt, int fp, int wo,
                                    float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector a00 = z;
        FloatVector a01 = z;
        FloatVector a10 = z;
        FloatVector a11 = z;
        FloatVector a20 = z;
        FloatVector a21 = z;
        FloatVector a30 = z;
        FloatVector a31 = z;
        FloatVector a40 = z;
        FloatVector a41 = z;
        FloatVector a50 = z;
        FloatVector a51 = z;
        FloatVector a60 = z;
        FloatVector a61 = z;
        FloatVector a70 = z;
        FloatVector a71 = z;
        FloatVector a80 = z;
        FloatVector a81 = z;
        FloatVector a90 = z;
        FloatVector a91 = z;
        FloatVector a100 = z;
        FloatVector a101 = z;
        FloatVector a110 = z;
        FloatVector a111 = z;
        for (int p = 0; p < patch; p++) {
            int b = xo + bases[p];
            FloatVector l0 = FloatVector.fromArray(S, wt, wo + p * fp);
            FloatVector l1 = FloatVector.fromArray(S, wt, wo + p * fp + L);
            FloatVector v;
            v = FloatVector.broadcast(S, x[b]);
            a00 = v.fma(l0, a00);
            a01 = v.fma(l1, a01);
            v = FloatVector.broadcast(S, x[b + 1]);
            a10 = v.fma(l0, a10);
            a11 = v.fma(l1, a11);
            v = FloatVector.broadcast(S, x[b + 2]);
            a20 = v.fma(l0, a20);
            a21 = v.fma(l1, a21);
            v = FloatVector.broadcast(S, x[b + 3]);
            a30 = v.fma(l0, a30);
            a31 = v.fma(l1, a31);
            v = FloatVector.broadcast(S, x[b + 4]);
            a40 = v.fma(l0, a40);
            a41 = v.fma(l1, a41);
            v = FloatVector.broadcast(S, x[b + 5]);
            a50 = v.fma(l0, a50);
            a51 = v.fma(l1, a51);
            v = FloatVector.broadcast(S, x[b + 6]);
            a60 = v.fma(l0, a60);
            a61 = v.fma(l1, a61);
            v = FloatVector.broadcast(S, x[b + 7]);
            a70 = v.fma(l0, a70);
            a71 = v.fma(l1, a71);
            v = FloatVector.broadcast(S, x[b + 8]);
            a80 = v.fma(l0, a80);
            a81 = v.fma(l1, a81);
            v = FloatVector.broadcast(S, x[b + 9]);
            a90 = v.fma(l0, a90);
            a91 = v.fma(l1, a91);
            v = FloatVector.broadcast(S, x[b + 10]);
            a100 = v.fma(l0, a100);
            a101 = v.fma(l1, a101);
            v = FloatVector.broadcast(S, x[b + 11]);
            a110 = v.fma(l0, a110);
            a111 = v.fma(l1, a111);
        }
        a00.intoArray(tile, 0 * LANES + 0 * L);
        a01.intoArray(tile, 0 * LANES + 1 * L);
        a10.intoArray(tile, 1 * LANES + 0 * L);
        a11.intoArray(tile, 1 * LANES + 1 * L);
        a20.intoArray(tile, 2 * LANES + 0 * L);
        a21.intoArray(tile, 2 * LANES + 1 * L);
        a30.intoArray(tile, 3 * LANES + 0 * L);
        a31.intoArray(tile, 3 * LANES + 1 * L);
        a40.intoArray(tile, 4 * LANES + 0 * L);
        a41.intoArray(tile, 4 * LANES + 1 * L);
        a50.intoArray(tile, 5 * LANES + 0 * L);
        a51.intoArray(tile, 5 * LANES + 1 * L);
        a60.intoArray(tile, 6 * LANES + 0 * L);
        a61.intoArray(tile, 6 * LANES + 1 * L);
        a70.intoArray(tile, 7 * LANES + 0 * L);
        a71.intoArray(tile, 7 * LANES + 1 * L);
        a80.intoArray(tile, 8 * LANES + 0 * L);
        a81.intoArray(tile, 8 * LANES + 1 * L);
        a90.intoArray(tile, 9 * LANES + 0 * L);
        a91.intoArray(tile, 9 * LANES + 1 * L);
        a100.intoArray(tile, 10 * LANES + 0 * L);
        a101.intoArray(tile, 10 * LANES + 1 * L);
        a110.intoArray(tile, 11 * LANES + 0 * L);
        a111.intoArray(tile, 11 * LANES + 1 * L);
    }

    /**
     * Twelve patch positions (image offsets b0 to b11) of the filter block at go, continuing the tile's chains over
     * every image and output pixel in order.
     */
    private static void weightTile(float[] gt, int go, int fp, float[] x, int n, int image, int h, int w, int oh,
                                   int ow, int[] b, float[] tile) {
        int b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5];
        int b6 = b[6], b7 = b[7], b8 = b[8], b9 = b[9], b10 = b[10], b11 = b[11];
        FloatVector a00 = FloatVector.fromArray(S, tile, 0 * LANES + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, tile, 0 * LANES + 1 * L);
        FloatVector a10 = FloatVector.fromArray(S, tile, 1 * LANES + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, tile, 1 * LANES + 1 * L);
        FloatVector a20 = FloatVector.fromArray(S, tile, 2 * LANES + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, tile, 2 * LANES + 1 * L);
        FloatVector a30 = FloatVector.fromArray(S, tile, 3 * LANES + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, tile, 3 * LANES + 1 * L);
        FloatVector a40 = FloatVector.fromArray(S, tile, 4 * LANES + 0 * L);
        FloatVector a41 = FloatVector.fromArray(S, tile, 4 * LANES + 1 * L);
        FloatVector a50 = FloatVector.fromArray(S, tile, 5 * LANES + 0 * L);
        FloatVector a51 = FloatVector.fromArray(S, tile, 5 * LANES + 1 * L);
        FloatVector a60 = FloatVector.fromArray(S, tile, 6 * LANES + 0 * L);
        FloatVector a61 = FloatVector.fromArray(S, tile, 6 * LANES + 1 * L);
        FloatVector a70 = FloatVector.fromArray(S, tile, 7 * LANES + 0 * L);
        FloatVector a71 = FloatVector.fromArray(S, tile, 7 * LANES + 1 * L);
        FloatVector a80 = FloatVector.fromArray(S, tile, 8 * LANES + 0 * L);
        FloatVector a81 = FloatVector.fromArray(S, tile, 8 * LANES + 1 * L);
        FloatVector a90 = FloatVector.fromArray(S, tile, 9 * LANES + 0 * L);
        FloatVector a91 = FloatVector.fromArray(S, tile, 9 * LANES + 1 * L);
        FloatVector a100 = FloatVector.fromArray(S, tile, 10 * LANES + 0 * L);
        FloatVector a101 = FloatVector.fromArray(S, tile, 10 * LANES + 1 * L);
        FloatVector a110 = FloatVector.fromArray(S, tile, 11 * LANES + 0 * L);
        FloatVector a111 = FloatVector.fromArray(S, tile, 11 * LANES + 1 * L);
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < oh; y++) {
                int xo = i * image + y * w;
                int g = go + (i * oh + y) * ow * fp;
                for (int xx = 0; xx < ow; xx++, xo++, g += fp) {
                    FloatVector l0 = FloatVector.fromArray(S, gt, g);
                    FloatVector l1 = FloatVector.fromArray(S, gt, g + L);
                    FloatVector v;
                    v = FloatVector.broadcast(S, x[xo + b0]);
                    a00 = v.fma(l0, a00);
                    a01 = v.fma(l1, a01);
                    v = FloatVector.broadcast(S, x[xo + b1]);
                    a10 = v.fma(l0, a10);
                    a11 = v.fma(l1, a11);
                    v = FloatVector.broadcast(S, x[xo + b2]);
                    a20 = v.fma(l0, a20);
                    a21 = v.fma(l1, a21);
                    v = FloatVector.broadcast(S, x[xo + b3]);
                    a30 = v.fma(l0, a30);
                    a31 = v.fma(l1, a31);
                    v = FloatVector.broadcast(S, x[xo + b4]);
                    a40 = v.fma(l0, a40);
                    a41 = v.fma(l1, a41);
                    v = FloatVector.broadcast(S, x[xo + b5]);
                    a50 = v.fma(l0, a50);
                    a51 = v.fma(l1, a51);
                    v = FloatVector.broadcast(S, x[xo + b6]);
                    a60 = v.fma(l0, a60);
                    a61 = v.fma(l1, a61);
                    v = FloatVector.broadcast(S, x[xo + b7]);
                    a70 = v.fma(l0, a70);
                    a71 = v.fma(l1, a71);
                    v = FloatVector.broadcast(S, x[xo + b8]);
                    a80 = v.fma(l0, a80);
                    a81 = v.fma(l1, a81);
                    v = FloatVector.broadcast(S, x[xo + b9]);
                    a90 = v.fma(l0, a90);
                    a91 = v.fma(l1, a91);
                    v = FloatVector.broadcast(S, x[xo + b10]);
                    a100 = v.fma(l0, a100);
                    a101 = v.fma(l1, a101);
                    v = FloatVector.broadcast(S, x[xo + b11]);
                    a110 = v.fma(l0, a110);
                    a111 = v.fma(l1, a111);
                }
            }
        }
        a00.intoArray(tile, 0 * LANES + 0 * L);
        a01.intoArray(tile, 0 * LANES + 1 * L);
        a10.intoArray(tile, 1 * LANES + 0 * L);
        a11.intoArray(tile, 1 * LANES + 1 * L);
        a20.intoArray(tile, 2 * LANES + 0 * L);
        a21.intoArray(tile, 2 * LANES + 1 * L);
        a30.intoArray(tile, 3 * LANES + 0 * L);
        a31.intoArray(tile, 3 * LANES + 1 * L);
        a40.intoArray(tile, 4 * LANES + 0 * L);
        a41.intoArray(tile, 4 * LANES + 1 * L);
        a50.intoArray(tile, 5 * LANES + 0 * L);
        a51.intoArray(tile, 5 * LANES + 1 * L);
        a60.intoArray(tile, 6 * LANES + 0 * L);
        a61.intoArray(tile, 6 * LANES + 1 * L);
        a70.intoArray(tile, 7 * LANES + 0 * L);
        a71.intoArray(tile, 7 * LANES + 1 * L);
        a80.intoArray(tile, 8 * LANES + 0 * L);
        a81.intoArray(tile, 8 * LANES + 1 * L);
        a90.intoArray(tile, 9 * LANES + 0 * L);
        a91.intoArray(tile, 9 * LANES + 1 * L);
        a100.intoArray(tile, 10 * LANES + 0 * L);
        a101.intoArray(tile, 10 * LANES + 1 * L);
        a110.intoArray(tile, 11 * LANES + 0 * L);
        a111.intoArray(tile, 11 * LANES + 1 * L);
    }

    /**
     * Back through one patch position for twelve output pixels of a row (dOut from go on): each pixel's chain
     * over the filters for the channel block at wo, added to the transposed image gradient from to on.
     */
    private static void inputTile(float[] g, int go, int plane, float[] wr, int wo, int cp, int f, float[] gxt,
                                  int to) {
        FloatVector z = FloatVector.zero(S);
        FloatVector a00 = z;
        FloatVector a01 = z;
        FloatVector a10 = z;
        FloatVector a11 = z;
        FloatVector a20 = z;
        FloatVector a21 = z;
        FloatVector a30 = z;
        FloatVector a31 = z;
        FloatVector a40 = z;
        FloatVector a41 = z;
        FloatVector a50 = z;
        FloatVector a51 = z;
        FloatVector a60 = z;
        FloatVector a61 = z;
        FloatVector a70 = z;
        FloatVector a71 = z;
        FloatVector a80 = z;
        FloatVector a81 = z;
        FloatVector a90 = z;
        FloatVector a91 = z;
        FloatVector a100 = z;
        FloatVector a101 = z;
        FloatVector a110 = z;
        FloatVector a111 = z;
        for (int j = 0; j < f; j++) {
            int gj = go + j * plane;
            FloatVector l0 = FloatVector.fromArray(S, wr, wo + j * cp);
            FloatVector l1 = FloatVector.fromArray(S, wr, wo + j * cp + L);
            FloatVector v;
            v = FloatVector.broadcast(S, g[gj]);
            a00 = v.fma(l0, a00);
            a01 = v.fma(l1, a01);
            v = FloatVector.broadcast(S, g[gj + 1]);
            a10 = v.fma(l0, a10);
            a11 = v.fma(l1, a11);
            v = FloatVector.broadcast(S, g[gj + 2]);
            a20 = v.fma(l0, a20);
            a21 = v.fma(l1, a21);
            v = FloatVector.broadcast(S, g[gj + 3]);
            a30 = v.fma(l0, a30);
            a31 = v.fma(l1, a31);
            v = FloatVector.broadcast(S, g[gj + 4]);
            a40 = v.fma(l0, a40);
            a41 = v.fma(l1, a41);
            v = FloatVector.broadcast(S, g[gj + 5]);
            a50 = v.fma(l0, a50);
            a51 = v.fma(l1, a51);
            v = FloatVector.broadcast(S, g[gj + 6]);
            a60 = v.fma(l0, a60);
            a61 = v.fma(l1, a61);
            v = FloatVector.broadcast(S, g[gj + 7]);
            a70 = v.fma(l0, a70);
            a71 = v.fma(l1, a71);
            v = FloatVector.broadcast(S, g[gj + 8]);
            a80 = v.fma(l0, a80);
            a81 = v.fma(l1, a81);
            v = FloatVector.broadcast(S, g[gj + 9]);
            a90 = v.fma(l0, a90);
            a91 = v.fma(l1, a91);
            v = FloatVector.broadcast(S, g[gj + 10]);
            a100 = v.fma(l0, a100);
            a101 = v.fma(l1, a101);
            v = FloatVector.broadcast(S, g[gj + 11]);
            a110 = v.fma(l0, a110);
            a111 = v.fma(l1, a111);
        }
        FloatVector.fromArray(S, gxt, to + 0 * cp).add(a00).intoArray(gxt, to + 0 * cp);
        FloatVector.fromArray(S, gxt, to + 0 * cp + L).add(a01).intoArray(gxt, to + 0 * cp + L);
        FloatVector.fromArray(S, gxt, to + 1 * cp).add(a10).intoArray(gxt, to + 1 * cp);
        FloatVector.fromArray(S, gxt, to + 1 * cp + L).add(a11).intoArray(gxt, to + 1 * cp + L);
        FloatVector.fromArray(S, gxt, to + 2 * cp).add(a20).intoArray(gxt, to + 2 * cp);
        FloatVector.fromArray(S, gxt, to + 2 * cp + L).add(a21).intoArray(gxt, to + 2 * cp + L);
        FloatVector.fromArray(S, gxt, to + 3 * cp).add(a30).intoArray(gxt, to + 3 * cp);
        FloatVector.fromArray(S, gxt, to + 3 * cp + L).add(a31).intoArray(gxt, to + 3 * cp + L);
        FloatVector.fromArray(S, gxt, to + 4 * cp).add(a40).intoArray(gxt, to + 4 * cp);
        FloatVector.fromArray(S, gxt, to + 4 * cp + L).add(a41).intoArray(gxt, to + 4 * cp + L);
        FloatVector.fromArray(S, gxt, to + 5 * cp).add(a50).intoArray(gxt, to + 5 * cp);
        FloatVector.fromArray(S, gxt, to + 5 * cp + L).add(a51).intoArray(gxt, to + 5 * cp + L);
        FloatVector.fromArray(S, gxt, to + 6 * cp).add(a60).intoArray(gxt, to + 6 * cp);
        FloatVector.fromArray(S, gxt, to + 6 * cp + L).add(a61).intoArray(gxt, to + 6 * cp + L);
        FloatVector.fromArray(S, gxt, to + 7 * cp).add(a70).intoArray(gxt, to + 7 * cp);
        FloatVector.fromArray(S, gxt, to + 7 * cp + L).add(a71).intoArray(gxt, to + 7 * cp + L);
        FloatVector.fromArray(S, gxt, to + 8 * cp).add(a80).intoArray(gxt, to + 8 * cp);
        FloatVector.fromArray(S, gxt, to + 8 * cp + L).add(a81).intoArray(gxt, to + 8 * cp + L);
        FloatVector.fromArray(S, gxt, to + 9 * cp).add(a90).intoArray(gxt, to + 9 * cp);
        FloatVector.fromArray(S, gxt, to + 9 * cp + L).add(a91).intoArray(gxt, to + 9 * cp + L);
        FloatVector.fromArray(S, gxt, to + 10 * cp).add(a100).intoArray(gxt, to + 10 * cp);
        FloatVector.fromArray(S, gxt, to + 10 * cp + L).add(a101).intoArray(gxt, to + 10 * cp + L);
        FloatVector.fromArray(S, gxt, to + 11 * cp).add(a110).intoArray(gxt, to + 11 * cp);
        FloatVector.fromArray(S, gxt, to + 11 * cp + L).add(a111).intoArray(gxt, to + 11 * cp + L);
    }
    /**
     * Eight filters (dOut transposed, gt from j0 on, row stride fq) by one patch position and two vectors of channels
     * (the transposed images from shift on): continues the tile's chains over every image and output pixel in order.
     */
    private static void weightTileChannels(float[] gt, int fq, int j0, float[] xt, int cp, int shift, int n,
                                           int pixels, int w, int oh, int ow, float[] tile) {
        FloatVector a00 = FloatVector.fromArray(S, tile, 0 * LANES + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, tile, 0 * LANES + 1 * L);
        FloatVector a10 = FloatVector.fromArray(S, tile, 1 * LANES + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, tile, 1 * LANES + 1 * L);
        FloatVector a20 = FloatVector.fromArray(S, tile, 2 * LANES + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, tile, 2 * LANES + 1 * L);
        FloatVector a30 = FloatVector.fromArray(S, tile, 3 * LANES + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, tile, 3 * LANES + 1 * L);
        FloatVector a40 = FloatVector.fromArray(S, tile, 4 * LANES + 0 * L);
        FloatVector a41 = FloatVector.fromArray(S, tile, 4 * LANES + 1 * L);
        FloatVector a50 = FloatVector.fromArray(S, tile, 5 * LANES + 0 * L);
        FloatVector a51 = FloatVector.fromArray(S, tile, 5 * LANES + 1 * L);
        FloatVector a60 = FloatVector.fromArray(S, tile, 6 * LANES + 0 * L);
        FloatVector a61 = FloatVector.fromArray(S, tile, 6 * LANES + 1 * L);
        FloatVector a70 = FloatVector.fromArray(S, tile, 7 * LANES + 0 * L);
        FloatVector a71 = FloatVector.fromArray(S, tile, 7 * LANES + 1 * L);
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < oh; y++) {
                int xo = (i * pixels + y * w) * cp + shift;
                int g = (i * oh + y) * ow * fq + j0;
                for (int xx = 0; xx < ow; xx++, xo += cp, g += fq) {
                    FloatVector l0 = FloatVector.fromArray(S, xt, xo);
                    FloatVector l1 = FloatVector.fromArray(S, xt, xo + L);
                    FloatVector v;
                    v = FloatVector.broadcast(S, gt[g]);
                    a00 = v.fma(l0, a00);
                    a01 = v.fma(l1, a01);
                    v = FloatVector.broadcast(S, gt[g + 1]);
                    a10 = v.fma(l0, a10);
                    a11 = v.fma(l1, a11);
                    v = FloatVector.broadcast(S, gt[g + 2]);
                    a20 = v.fma(l0, a20);
                    a21 = v.fma(l1, a21);
                    v = FloatVector.broadcast(S, gt[g + 3]);
                    a30 = v.fma(l0, a30);
                    a31 = v.fma(l1, a31);
                    v = FloatVector.broadcast(S, gt[g + 4]);
                    a40 = v.fma(l0, a40);
                    a41 = v.fma(l1, a41);
                    v = FloatVector.broadcast(S, gt[g + 5]);
                    a50 = v.fma(l0, a50);
                    a51 = v.fma(l1, a51);
                    v = FloatVector.broadcast(S, gt[g + 6]);
                    a60 = v.fma(l0, a60);
                    a61 = v.fma(l1, a61);
                    v = FloatVector.broadcast(S, gt[g + 7]);
                    a70 = v.fma(l0, a70);
                    a71 = v.fma(l1, a71);
                }
            }
        }
        a00.intoArray(tile, 0 * LANES + 0 * L);
        a01.intoArray(tile, 0 * LANES + 1 * L);
        a10.intoArray(tile, 1 * LANES + 0 * L);
        a11.intoArray(tile, 1 * LANES + 1 * L);
        a20.intoArray(tile, 2 * LANES + 0 * L);
        a21.intoArray(tile, 2 * LANES + 1 * L);
        a30.intoArray(tile, 3 * LANES + 0 * L);
        a31.intoArray(tile, 3 * LANES + 1 * L);
        a40.intoArray(tile, 4 * LANES + 0 * L);
        a41.intoArray(tile, 4 * LANES + 1 * L);
        a50.intoArray(tile, 5 * LANES + 0 * L);
        a51.intoArray(tile, 5 * LANES + 1 * L);
        a60.intoArray(tile, 6 * LANES + 0 * L);
        a61.intoArray(tile, 6 * LANES + 1 * L);
        a70.intoArray(tile, 7 * LANES + 0 * L);
        a71.intoArray(tile, 7 * LANES + 1 * L);
    }

}
