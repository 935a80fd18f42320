package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * 2-D convolution, stride 1, NCHW, as a cross-correlation (no kernel flip, as in TensorFlow and Keras):
 * out[n, f, y, x] = b[f] + Σ_{c,u,v} w[f, c, u, v] · in[n, c, y + u - padTop, x + v - padLeft].
 *
 * <p>Each image is unfolded by im2col into cols [c·kh·kw, oh·ow], so the forward pass is one matrix
 * product W[f, c·kh·kw] · cols per image, and the backward pass is two: dW += dOut·colsᵀ and
 * dCols = Wᵀ·dOut, folded back by col2im.
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
        int patch = c * kh * kw;
        int plane = oh * ow;
        float[] xv = x.array();
        float[] wv = weight.array();
        boolean keepCols = !org.nnlab.core.NoGrad.isActive()
                && (x.requiresGrad() || weight.requiresGrad() || (bias != null && bias.requiresGrad()));
        // the unfolded images are kept for the backward pass only when a graph is recorded
        float[] cols = new float[keepCols ? n * patch * plane : patch * plane];
        float[] out = new float[n * f * plane];
        for (int i = 0; i < n; i++) {
            int colsOff = keepCols ? i * patch * plane : 0;
            k.im2col(xv, i * c * h * w, c, h, w, kh, kw, padTop, padLeft, oh, ow, cols, colsOff);
            k.gemm(wv, 0, cols, colsOff, out, i * f * plane, f, patch, plane);
        }
        if (bias != null) {
            addBias(out, bias.array(), n, f, plane);
        }
        Shape shape = Shape.of(n, f, oh, ow);
        ConvBackward rule = new ConvBackward(k, n, c, h, w, f, kh, kw, padTop, padLeft, oh, ow, wv, cols);
        return bias == null
                ? Tensor.result("conv2d", shape, out, rule::apply, x, weight)
                : Tensor.result("conv2d", shape, out, rule::apply, x, weight, bias);
    }

    private static void addBias(float[] out, float[] b, int n, int f, int plane) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                int base = (i * f + j) * plane;
                for (int p = 0; p < plane; p++) {
                    out[base + p] += b[j];
                }
            }
        }
    }

    private record ConvBackward(Kernels k, int n, int c, int h, int w, int f, int kh, int kw, int padTop, int padLeft,
                            int oh, int ow, float[] weight, float[] allCols) {
        void apply(float[] g, float[][] gin) {
            int patch = c * kh * kw;
            int plane = oh * ow;
            float[] dCols = gin[0] != null ? new float[patch * plane] : null;
            for (int i = 0; i < n; i++) {
                int gOff = i * f * plane;
                if (gin[1] != null) {      // dW[f, patch] += dOut[f, plane] · cols[patch, plane]ᵀ
                    k.gemmTransB(g, gOff, allCols, i * patch * plane, gin[1], 0, f, plane, patch);
                }
                if (dCols != null) {       // dCols[patch, plane] = W[f, patch]ᵀ · dOut[f, plane]
                    java.util.Arrays.fill(dCols, 0f);
                    k.gemmTransA(weight, 0, g, gOff, dCols, 0, patch, f, plane);
                    k.col2im(dCols, c, h, w, kh, kw, padTop, padLeft, oh, ow, gin[0], i * c * h * w);
                }
                if (gin.length > 2 && gin[2] != null) {
                    for (int j = 0; j < f; j++) {
                        gin[2][j] += k.sum(g, gOff + j * plane, plane);
                    }
                }
            }
        }
    }
}
