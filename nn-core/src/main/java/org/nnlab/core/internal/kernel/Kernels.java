package org.nnlab.core.internal.kernel;

/**
 * The coarse array-level kernels that every op runs on: matrix products, vector updates, elementwise
 * maps, reductions and the convolution helpers. All arrays are float32, dense and row-major.
 *
 * <p>Two implementations: {@link ScalarKernels}, the readable reference and oracle, and
 * {@code org.nnlab.core.internal.kernel.simd.VectorKernels} on the Vector API, which returns bitwise the scalar
 * kernels' results for every method at every vector width. {@link #get()} returns the one
 * chosen once per JVM (see {@link KernelSelection}). Kernels validate nothing: the ops in front of them
 * check shapes, so kernels take the sizes as given. Parameters follow EJML's convention: inputs are
 * "not modified", the output (last) is "modified". Matrix products <em>accumulate</em> into C, like
 * BLAS with beta = 1; a fresh {@code float[]} is already zero.
 */
public interface Kernels {

    /** The kernels this JVM uses, chosen once (see {@link KernelSelection}). */
    static Kernels get() {
        return KernelSelection.get();
    }

    /** A short name for run records and benchmarks: {@code scalar} or {@code vector(S_512_BIT)}. */
    String name();

    /**
     * Tells the kernels how far a run has come: {@code done} of its {@code total} epochs or steps. A hint for
     * speed only, never for a result: the vector kernels start their warm-up as soon as the rest of a run,
     * projected from the work done so far, is long enough to repay it, instead of after two seconds of scalar
     * work. Training loops that know their length call it after each epoch; the default does nothing.
     */
    default void progress(long done, long total) {
    }

    /**
     * C += A·B, each element an fma chain in float over p ascending from C's value:
     * c[i][j] ← fma(a[i][p], b[p][j], c[i][j]) for p = 0..k-1, one rounding per step. Every implementation,
     * vector width and thread count ({@code nn.threads}) gives these bits; so do {@link #gemmTransA} and
     * {@link #gemmTransB}.
     *
     * @param a [m, k] from offset aOff. Not modified.
     * @param b [k, n] from offset bOff. Not modified.
     * @param c [m, n] from offset cOff. Modified.
     */
    void gemm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n);

    /**
     * C = float(bias + A·B) with each sum accumulated in double: c[i][j] is the float nearest
     * s_k, where s_0 = bias[j] (0 when bias is null) and s_{p+1} = s_p + a[i][p]·b[p][j] rounded to double,
     * p ascending. A product of two floats is exact in double, so a fused multiply-add and a multiply then
     * an add give the same s_{p+1}: every implementation returns these bits, whatever its vector width, and
     * the only error is the k double roundings and the one float rounding (GAN Lab's TensorFlow.js engine
     * accumulates the same way).
     *
     * @param a    [m, k] from offset aOff. Not modified.
     * @param b    [k, n] from offset bOff. Not modified.
     * @param bias [n] from offset biasOff, or null. Not modified.
     * @param c    [m, n] from offset cOff. Overwritten.
     */
    default void gemmDoubleSum(float[] a, int aOff, float[] b, int bOff, float[] bias, int biasOff, float[] c, int cOff,
                               int m, int k, int n) {
        gemmDoubleSum(a, aOff, false, b, bOff, false, bias, biasOff, c, cOff, m, k, n);
    }

    /**
     * {@link #gemmDoubleSum(float[], int, float[], int, float[], int, float[], int, int, int, int)} of op(A) and
     * op(B), the same sums in the same order: A is [k, m] when transA (C = bias + Aᵀ·B), B is [n, k] when
     * transB, so that weight gradients xᵀ·δ and back-propagation δ·Wᵀ need no transposed copies.
     */
    void gemmDoubleSum(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                       int biasOff, float[] c, int cOff, int m, int k, int n);

    /**
     * One dense layer on feature-major columns, the batch along the vector lanes: for each output j and row r,
     * y[j·n + r] = f(float(s)) with s the double sum of {@link #gemmDoubleSum} for that element, s_0 = w[bOff + j]
     * (the bias) and s_{i+1} = s_i + x[i·n + r]·w[wOff + i·out + j], i ascending; f is ReLU
     * ({@code Math.max(z, 0f)}) when {@code relu}, else the identity. The same bits as the row-major product
     * {@code gemmDoubleSum(xᵀ, W, b)}: only the layout differs.
     *
     * @param x [in, n] float values held as doubles. Not modified.
     * @param w the parameters: W [in, out] row-major from wOff, b [out] from bOff. Not modified.
     * @param y [out, n], float values held as doubles; not x. Overwritten.
     */
    void denseColumns(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n, boolean relu);

    /**
     * Back through a dense layer on columns: g = float(Σ_j d[j·n + r]·w[wOff + i·out + j]) for each input i and row
     * r, the double sum from 0 with j ascending ({@link #gemmDoubleSum} of δ·Wᵀ); then below[i·n + r] = g when y is
     * null, else ReLU's {@link Unary#accumulateGradient} into 0 from its output y: 0 + g where y[i·n + r] &gt; 0, 0
     * elsewhere.
     *
     * @param d     the deltas δ [out, n]. Not modified.
     * @param y     ReLU's outputs at the layer's input [in, n], or null for none. Not modified.
     * @param below [in, n]; not d. Overwritten.
     */
    void denseColumnsBack(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in, int n);

    /**
     * A dense layer's parameter gradients from columns: g[wOff + i·out + j] = float(Σ_r x[i·n + r]·d[j·n + r]) and
     * g[bOff + j] = float(Σ_r d[j·n + r]), each a double sum from 0 with r ascending ({@link #gemmDoubleSum} of
     * xᵀ·δ and of 1·δ).
     *
     * @param x [in, n]. Not modified.
     * @param d [out, n]. Not modified.
     * @param g receives the gradients at wOff ([in, out]) and bOff ([out]). Overwritten there.
     */
    void denseColumnsGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff);

    /**
     * Weighted sums along the lanes, in double (Playground's examples side by side, one lane each): for each row
     * r &lt; rows and lane e &lt; m, y[r·m + e] = s_terms, with s_0 = init[r] (0 when init is null) and
     * s_{j+1} = s_j + w[r·rowStride + j·termStride]·x[j·m + e], j ascending: a product, then a sum, never a fused
     * multiply-add. The forward pass is rowStride = terms, termStride = 1 with the biases as init; back-propagation
     * through the same weights is rowStride = 1, termStride = rows of the forward pass, init null.
     *
     * @param x [terms, m]. Not modified; arrays that reach a whole vector past their last lane let the vector form
     *          mask its last vector instead of finishing on the scalar loops.
     * @param y [rows, m]; not x. Overwritten.
     */
    void laneSums(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms, double[] y, int rows,
                  int m);

    /**
     * Link gradients along the lanes, added in lane order: for each r &lt; rows and j &lt; terms with
     * {@code !dead[r·terms + j]}, acc[r·terms + j] += d[r·m + e]·x[j·m + e] for e = 0, 1, ..., m - 1, each step a
     * product, then a sum (Playground's accumulation over the examples of a batch). Dead links' sums are untouched.
     *
     * @param d    [rows, m]: δz of the layer's nodes. Not modified.
     * @param x    [terms, m]: the activations feeding it. Not modified.
     * @param dead [rows, terms], or null for none. Not modified.
     * @param acc  [rows, terms]. Added to.
     */
    void laneGradients(double[] d, int rows, double[] x, int terms, boolean[] dead, double[] acc, int m);

    /**
     * C += Aᵀ·B, each element the fma chain of {@link #gemm}.
     *
     * @param a [k, m] from offset aOff. Not modified.
     * @param b [k, n] from offset bOff. Not modified.
     * @param c [m, n] from offset cOff. Modified.
     */
    void gemmTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n);

    /**
     * C += A·Bᵀ, each element the fma chain of {@link #gemm}.
     *
     * @param a [m, k] from offset aOff. Not modified.
     * @param b [n, k] from offset bOff. Not modified.
     * @param c [m, n] from offset cOff. Modified.
     */
    void gemmTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n);

    /** y[i] = fma(alpha, x[i], y[i]) for i in [0, n), one rounding each. y is modified. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * Σ x[i]·y[i] over [0, n), in {@link ScalarKernels#STRIPES} interleaved fma chains combined in a fixed tree
     * ({@link ScalarKernels#dot}): the same bits on every kernel and vector width.
     */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);

    /** Σ x[i] over [0, n), in the interleaved order of {@link #dot} ({@link ScalarKernels#sum}). */
    float sum(float[] x, int xOff, int n);

    /** y[i] = {@link Unary#apply f(x[i])} for i in [0, n); x and y may be the same array. y is modified. */
    void map(Unary f, float alpha, float[] x, float[] y, int n);

    /**
     * y[i] = {@link StrictMath#tanh}(x[i]) bit for bit, in double, for i in [0, n); x and y may be the
     * same array. For code that must reproduce fdlibm's tanh exactly (Playground's numbers) at vector
     * speed. A NaN in gives a NaN out (its payload is not promised).
     */
    void strictTanh(double[] x, double[] y, int n);

    /**
     * y[i] = 1 / (1 + {@link StrictMath#exp}(-x[i])) bit for bit, in double, for i in [0, n) (the logistic sigmoid
     * through fdlibm's exp); x and y may be the same array. A NaN in gives a NaN out.
     */
    void strictSigmoid(double[] x, double[] y, int n);

    /**
     * y[i] = max(x[i], 0) + {@link StrictMath#log1p}({@link StrictMath#exp}(-|x[i]|)) bit for bit, for i in [0, n):
     * softplus ln(1 + e^x) without overflow, through fdlibm's functions; x and y may be the same array. A NaN in gives
     * a NaN out.
     */
    void strictSoftplus(double[] x, double[] y, int n);

    /**
     * gx[i] += f'(x[i])·gy[i] for i in [0, n), given y = f(x), rounded as {@link Unary#accumulateGradient}.
     *
     * @param gx modified
     */
    void mapGrad(Unary f, float alpha, float[] x, float[] y, float[] gy, float[] gx, int n);

    /** out[i] = a[i] op b[i] for i in [0, n). out is modified and may alias a or b. */
    void zip(Binary op, float[] a, float[] b, float[] out, int n);

    /**
     * out[i, j] = a[i, j] op row[j] (the row broadcast over every row of a).
     *
     * @param a   [rows, cols]. Not modified.
     * @param row [cols]. Not modified.
     * @param out [rows, cols]. Modified; may alias a.
     */
    void zipRow(Binary op, float[] a, float[] row, float[] out, int rows, int cols);

    /** out[i] = a[i] op s for i in [0, n). out is modified and may alias a. */
    void zipScalar(Binary op, float[] a, float s, float[] out, int n);

    /** out[i] = fma(a[i], b[i], out[i]) for i in [0, n) (the gradient of a product). out is modified. */
    void mulAdd(float[] a, float[] b, float[] out, int n);

    /**
     * out[j] += Σ_i x[i, j]: the column sums of a [rows, cols] matrix (a bias gradient).
     *
     * @param out [cols]. Modified.
     */
    void addColumnSums(float[] x, float[] out, int rows, int cols);

    /**
     * y[i, :] = softmax(x[i, :]) = exp(x - max) / Σ exp(x - max), row by row.
     *
     * @param y [rows, cols]. Modified.
     */
    void softmaxRows(float[] x, float[] y, int rows, int cols);

    /**
     * A valid 2-D cross-correlation (no kernel flip), stride 1, of n images [c, h, w] with f filters [c, kh, kw]:
     * with oh = h - kh + 1 and ow = w - kw + 1, out[i, j, y, x] = s + bias[j] (s alone when bias is null), where s
     * is the fma chain from +0, s ← fma(weight[j, p], x[i, ch, y + u, x + v], s), over the patch index
     * p = (ch·kh + u)·kw + v ascending: a product of the filters [f, c·kh·kw] and the image's unfolded patches
     * [c·kh·kw, oh·ow] without unfolding them. Padding is the caller's: it passes the padded images.
     *
     * @param x      [n, c, h, w]. Not modified.
     * @param weight [f, c, kh, kw]. Not modified.
     * @param bias   [f], or null. Not modified.
     * @param out    [n, f, oh, ow]. Overwritten.
     */
    void convForward(float[] x, int n, int c, int h, int w, float[] weight, int f, int kh, int kw, float[] bias,
                     float[] out);

    /**
     * The filters' gradient of {@link #convForward}, accumulated: each gw[j, p] continues its fma chain from its
     * value, gw ← fma(g[i, j, y, x], x[i, ch, y + u, x + v], gw), over the images i ascending and, in each, the
     * output pixels y·ow + x ascending (dW += dOut·colsᵀ image by image).
     *
     * @param g  dOut [n, f, oh, ow]. Not modified.
     * @param x  [n, c, h, w], the padded images of the forward pass. Not modified.
     * @param gw [f, c, kh, kw]. Added to.
     */
    void convWeightGradient(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw, float[] gw);

    /**
     * The images' gradient of {@link #convForward}, accumulated: for each image and input pixel (ch, iy, ix),
     * gx ← gx + t(u, v) for (u, v) ascending (u outer) wherever (iy - u, ix - v) is an output pixel, where t is the
     * fma chain from +0 over the filters j ascending of weight[j, ch, u, v]·g[i, j, iy - u, ix - v] (dCols = Wᵀ·dOut,
     * then folded back onto the image, patch position by patch position).
     *
     * @param g  dOut [n, f, oh, ow]. Not modified.
     * @param gx [n, c, h, w]. Added to.
     */
    void convInputGradient(float[] g, float[] weight, int n, int c, int h, int w, int f, int kh, int kw, float[] gx);

    /**
     * 2x2 max-pooling with stride 2 of planes [planes, h, w] (an odd last row or column dropped): out[p, y, x] is the
     * largest of x[p, 2y + dy, 2x + dx] scanned (0, 0), (0, 1), (1, 0), (1, 1), each taken only if greater (&gt;) than
     * the largest so far, so ties keep the first and a NaN is kept only where it comes first; argmax holds its index
     * in x.
     *
     * @param out    [planes, h / 2, w / 2]. Overwritten.
     * @param argmax [planes, h / 2, w / 2]. Overwritten.
     */
    void maxPool2x2(float[] x, int planes, int h, int w, float[] out, int[] argmax);
}
