package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * 2-D convolution, stride 1, NCHW, as a cross-correlation (no kernel flip, as in TensorFlow and Keras):
 * out[n, f, y, x] = b[f] + Σ_{c,u,v} w[f, c, u, v] · in[n, c, y + u - padTop, x + v - padLeft].
 *
 * <p>The forward pass is the product W[f, c·kh·kw] · cols of each image's unfolded patches cols [c·kh·kw, oh·ow]
 * and the backward pass is two: dW += dOut·colsᵀ and dCols = Wᵀ·dOut, folded back onto the image. The kernels
 * ({@link Kernels#convForward}, {@link Kernels#convWeightGradient}, {@link Kernels#convInputGradient}) read the
 * patches in place instead of unfolding them; same padding runs them on a zero-padded copy of the images.
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * The convolution of x [n, c, h, w] with weight [f, c, kh, kw] and an optional bias [f].
     *
     * @param bias [f], or {@code null} for none
     * @throws IllegalArgumentException if the ranks or channel counts disagree, or a valid convolution
     *                                  has a kernel larger than the image
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, Padding padding) {
        Checks.requireArgument(x.rank() == 4 && weight.rank() == 4,
                "conv2d: needs input [n, c, h, w] and weight [f, c, kh, kw], got %s and %s", x.shape(), weight.shape());
        int n = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int f = weight.dim(0);
        int kh = weight.dim(2);
        int kw = weight.dim(3);
        Checks.requireArgument(weight.dim(1) == c, "conv2d: input channels differ: input %s has %d, weight %s has %d",
                x.shape(), c, weight.shape(), weight.dim(1));
        Checks.requireArgument(bias == null || bias.shape().equals(Shape.of(f)),
                "conv2d: bias must be [%d] for weight %s, got %s", f, weight.shape(), bias == null ? null : bias.shape());
        int padTop = padding == Padding.SAME ? (kh - 1) / 2 : 0;
        int padLeft = padding == Padding.SAME ? (kw - 1) / 2 : 0;
        int oh = padding == Padding.SAME ? h : h - kh + 1;
        int ow = padding == Padding.SAME ? w : w - kw + 1;
        Checks.requireArgument(oh > 0 && ow > 0, "conv2d: kernel %dx%d is larger than the %dx%d input with %s padding",
                kh, kw, h, w, padding.label());
        Kernels k = Kernels.get();
        int padBottom = padding == Padding.SAME ? kh - 1 - padTop : 0;
        int padRight = padding == Padding.SAME ? kw - 1 - padLeft : 0;
        int hp = h + padTop + padBottom;
        int wp = w + padLeft + padRight;
        float[] xp = hp == h && wp == w ? x.array() : pad(x.array(), n * c, h, w, padTop, padLeft, hp, wp);
        float[] wv = weight.array();
        float[] out = new float[n * f * oh * ow];
        k.convForward(xp, n, c, hp, wp, wv, f, kh, kw, bias == null ? null : bias.array(), out);
        Shape shape = Shape.of(n, f, oh, ow);
        ConvBackward rule = new ConvBackward(k, n, c, h, w, f, kh, kw, padTop, padLeft, hp, wp, oh, ow, wv, xp);
        return bias == null
                ? Tensor.result("conv2d", shape, out, rule::apply, x, weight)
                : Tensor.result("conv2d", shape, out, rule::apply, x, weight, bias);
    }

    /** The planes [planes, h, w] inside zeros: [planes, hp, wp] with each plane's origin at (top, left). */
    private static float[] pad(float[] x, int planes, int h, int w, int top, int left, int hp, int wp) {
        float[] padded = new float[planes * hp * wp];
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(x, (plane * h + y) * w, padded, (plane * hp + top + y) * wp + left, w);
            }
        }
        return padded;
    }

    private record ConvBackward(Kernels k, int n, int c, int h, int w, int f, int kh, int kw, int padTop, int padLeft,
                                int hp, int wp, int oh, int ow, float[] weight, float[] xp) {
        void apply(float[] g, float[][] gin) {
            if (gin[1] != null) {          // dW[f, patch] += dOut[f, plane] · cols[patch, plane]ᵀ
                k.convWeightGradient(g, xp, n, c, hp, wp, f, kh, kw, gin[1]);
            }
            if (gin[0] != null) {          // dCols = Wᵀ · dOut, folded back onto the (padded) images
                if (hp == h && wp == w) {
                    k.convInputGradient(g, weight, n, c, h, w, f, kh, kw, gin[0]);
                } else {                   // what falls on the padding is dropped
                    float[] padded = pad(gin[0], n * c, h, w, padTop, padLeft, hp, wp);
                    k.convInputGradient(g, weight, n, c, hp, wp, f, kh, kw, padded);
                    for (int plane = 0; plane < n * c; plane++) {
                        for (int y = 0; y < h; y++) {
                            System.arraycopy(padded, (plane * hp + padTop + y) * wp + padLeft, gin[0], (plane * h + y) * w, w);
                        }
                    }
                }
            }
            if (gin.length > 2 && gin[2] != null) {
                int plane = oh * ow;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        gin[2][j] += k.sum(g, (i * f + j) * plane, plane);
                    }
                }
            }
        }
    }
}
