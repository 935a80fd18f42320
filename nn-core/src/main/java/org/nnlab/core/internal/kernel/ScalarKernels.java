package org.nnlab.core.internal.kernel;

/**
 * The reference kernels: plain loops that read like the formulas, and the definition of every kernel's
 * bits. The vector kernels return bitwise these results at every vector width, so a run gives the same
 * numbers on either kernels, and the vector kernels may run these loops whenever they are faster (before C2
 * has compiled the Vector API code, and for small sizes).
 *
 * <p>What fixes the bits: elementwise functions are {@link Unary#apply} and {@link Unary#accumulateGradient}
 * ({@link FloatMath}'s exp and tanh, not {@code Math}'s); {@code axpy}, {@code mulAdd} and the matrix products
 * use {@link Math#fma}, one rounding per multiply-add; {@link #sum} and {@link #dot} keep {@link #STRIPES}
 * interleaved partial sums and combine them in a fixed tree (see {@link #combineStripes}). Matrix products use
 * the i-p-j loop order (row of C, then the shared dimension, then a contiguous row of B) so the inner loop
 * streams memory; each element is the fma chain over p ascending that {@link Kernels#gemm} defines.
 */
public class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void gemmDoubleSum(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                              int biasOff, float[] c, int cOff, int m, int k, int n) {
        doubleSums(a, aOff, transA, b, bOff, transB, bias, biasOff, c, cOff, 0, m, k, n);
    }

    /** {@link #doubleSums(float[], int, boolean, float[], int, boolean, float[], int, float[], int, int, int, int, int)} of A and B as given. */
    public static void doubleSums(float[] a, int aOff, float[] b, int bOff, float[] bias, int biasOff, float[] c,
                                  int cOff, int from, int to, int k, int n) {
        doubleSums(a, aOff, false, b, bOff, false, bias, biasOff, c, cOff, from, to, k, n);
    }

    /**
     * The reference loops of {@link #gemmDoubleSum} for rows [from, to) of C (of m = to when transA, A being
     * [k, m] then): one row's n sums at a time, p ascending. Plain Java, which the JIT never contracts into
     * fma, in the order the contract fixes.
     */
    public static void doubleSums(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] bias,
                                  int biasOff, float[] c, int cOff, int from, int to, int k, int n) {
        int m = to;
        double[] sums = new double[n];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < n; j++) {
                sums[j] = bias == null ? 0 : bias[biasOff + j];
            }
            for (int p = 0; p < k; p++) {
                double aip = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        sums[j] += aip * b[bOff + j * k + p];
                    }
                } else {
                    int bp = bOff + p * n;
                    for (int j = 0; j < n; j++) {
                        sums[j] += aip * b[bp + j];
                    }
                }
            }
            int ci = cOff + i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] = (float) sums[j];
            }
        }
    }

    @Override
    public void denseColumns(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n, boolean relu) {
        denseColumnRows(x, in, w, wOff, bOff, y, out, n, 0, n, relu);
    }

    /**
     * Rows [from, to) of {@link #denseColumns}: the reference, and the vector form's tail. Each sum is kept in y
     * itself, one pass per input over contiguous rows (loops C2 vectorizes without reordering a sum).
     */
    public static void denseColumnRows(double[] x, int in, float[] w, int wOff, int bOff, double[] y, int out, int n,
                                       int from, int to, boolean relu) {
        for (int j = 0; j < out; j++) {
            int yj = j * n;
            double bias = w[bOff + j];
            for (int r = from; r < to; r++) {
                y[yj + r] = bias;
            }
            for (int i = 0; i < in; i++) {
                double wij = w[wOff + i * out + j];
                int xi = i * n;
                for (int r = from; r < to; r++) {
                    y[yj + r] += x[xi + r] * wij;
                }
            }
            for (int r = from; r < to; r++) {
                float z = (float) y[yj + r];
                y[yj + r] = relu ? Math.max(z, 0f) : z;
            }
        }
    }

    @Override
    public void denseColumnsBack(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in, int n) {
        denseColumnsBackRows(d, out, w, wOff, y, below, in, n, 0, n);
    }

    /** Rows [from, to) of {@link #denseColumnsBack}: the reference, and the vector form's tail. */
    public static void denseColumnsBackRows(double[] d, int out, float[] w, int wOff, double[] y, double[] below, int in,
                                            int n, int from, int to) {
        for (int i = 0; i < in; i++) {
            int bi = i * n;
            for (int r = from; r < to; r++) {
                below[bi + r] = 0;
            }
            for (int j = 0; j < out; j++) {
                double wij = w[wOff + i * out + j];
                int dj = j * n;
                for (int r = from; r < to; r++) {
                    below[bi + r] += d[dj + r] * wij;
                }
            }
            for (int r = from; r < to; r++) {
                float g = (float) below[bi + r];
                below[bi + r] = y == null ? g : y[bi + r] > 0 ? 0f + g : 0f;    // ReLU's gradient into 0, as mapGrad
            }
        }
    }

    @Override
    public void laneSums(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms, double[] y,
                         int rows, int m) {
        laneSumsLanes(w, rowStride, termStride, init, x, terms, y, rows, m, 0, m);
    }

    /** Lanes [from, to) of {@link #laneSums}: the reference, and the vector form's tail. */
    public static void laneSumsLanes(double[] w, int rowStride, int termStride, double[] init, double[] x, int terms,
                                     double[] y, int rows, int m, int from, int to) {
        for (int r = 0; r < rows; r++) {
            int yr = r * m;
            double start = init == null ? 0.0 : init[r];
            for (int e = from; e < to; e++) {
                y[yr + e] = start;
            }
            for (int j = 0; j < terms; j++) {
                double wrj = w[r * rowStride + j * termStride];
                int xj = j * m;
                for (int e = from; e < to; e++) {
                    y[yr + e] += wrj * x[xj + e];
                }
            }
        }
    }

    @Override
    public void laneGradients(double[] d, int rows, double[] x, int terms, boolean[] dead, double[] acc, int m) {
        laneGradientColumns(d, rows, x, terms, dead, acc, m, 0, terms);
    }

    /**
     * Columns [from, to) of {@link #laneGradients}: the reference, and the vector form's tail. The sums go four at a
     * time, row after row, whatever row they belong to: each is a chain of dependent additions, and four chains side
     * by side hide the adder's latency.
     */
    public static void laneGradientColumns(double[] d, int rows, double[] x, int terms, boolean[] dead, double[] acc,
                                           int m, int from, int to) {
        if (from >= to) {
            return;
        }
        int r = 0;                                        // the next sum's row and column, walked without division
        int j = from;
        int left = rows * (to - from);
        while (left >= 4) {
            int k0 = r * terms + j, d0 = r * m, x0 = j * m;
            if (++j == to) {
                j = from;
                r++;
            }
            int k1 = r * terms + j, d1 = r * m, x1 = j * m;
            if (++j == to) {
                j = from;
                r++;
            }
            int k2 = r * terms + j, d2 = r * m, x2 = j * m;
            if (++j == to) {
                j = from;
                r++;
            }
            int k3 = r * terms + j, d3 = r * m, x3 = j * m;
            if (++j == to) {
                j = from;
                r++;
            }
            double a0 = acc[k0], a1 = acc[k1], a2 = acc[k2], a3 = acc[k3];
            for (int e = 0; e < m; e++) {
                a0 += d[d0 + e] * x[x0 + e];
                a1 += d[d1 + e] * x[x1 + e];
                a2 += d[d2 + e] * x[x2 + e];
                a3 += d[d3 + e] * x[x3 + e];
            }
            acc[k0] = dead != null && dead[k0] ? acc[k0] : a0;
            acc[k1] = dead != null && dead[k1] ? acc[k1] : a1;
            acc[k2] = dead != null && dead[k2] ? acc[k2] : a2;
            acc[k3] = dead != null && dead[k3] ? acc[k3] : a3;
            left -= 4;
        }
        for (; left > 0; left--) {
            int k = r * terms + j;
            if (dead == null || !dead[k]) {
                double a = acc[k];
                for (int e = 0; e < m; e++) {
                    a += d[r * m + e] * x[j * m + e];
                }
                acc[k] = a;
            }
            if (++j == to) {
                j = from;
                r++;
            }
        }
    }

    private static final ThreadLocal<double[][]> GRADIENT_SUMS = ThreadLocal.withInitial(() -> new double[1][0]);

    @Override
    public void denseColumnsGradients(double[] x, int in, double[] d, int out, int n, float[] g, int wOff, int bOff) {
        double[][] holder = GRADIENT_SUMS.get();
        int size = (in + 1) * out;
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        double[] sums = holder[0];                       // [in + 1, out]: the weights' sums, then the biases'
        java.util.Arrays.fill(sums, 0, size, 0);
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < in; i++) {
                double xir = x[i * n + r];
                int si = i * out;
                for (int j = 0; j < out; j++) {
                    sums[si + j] += xir * d[j * n + r];
                }
            }
            int sb = in * out;
            for (int j = 0; j < out; j++) {
                sums[sb + j] += d[j * n + r];            // 1·δ
            }
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                g[wOff + i * out + j] = (float) sums[i * out + j];
            }
        }
        for (int j = 0; j < out; j++) {
            g[bOff + j] = (float) sums[in * out + j];
        }
    }

    @Override
    public void gemmTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * m;
            int bp = bOff + p * n;
            for (int i = 0; i < m; i++) {
                float api = a[ap + i];
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(api, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void gemmTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float acc = c[cOff + i * n + j];
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(a[aOff + i * k + p], b[bOff + j * k + p], acc);
                }
                c[cOff + i * n + j] = acc;
            }
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The partial sums that {@link #sum} and {@link #dot} keep: element i goes to partial sum i mod STRIPES.
     * 64 is four 512-bit vectors of floats (four independent chains, which hide the add latency), eight
     * 256-bit or sixteen 128-bit ones, so every width computes the same partial sums.
     */
    public static final int STRIPES = 64;

    /** Σ x[i]·y[i]: partial sums s[i mod 64] ← fma(x[i], y[i], s[i mod 64]), i ascending, then {@link #combineStripes}. */
    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float[] s = new float[STRIPES];
        dotStripes(x, xOff, y, yOff, 0, n, s);
        return combineStripes(s);
    }

    /**
     * Adds x[i]·y[i] for i in [from, n) into the partial sums s, from a {@code from} that is a multiple of
     * {@link #STRIPES} (where the vector loop stopped).
     */
    public static void dotStripes(float[] x, int xOff, float[] y, int yOff, int from, int n, float[] s) {
        for (int i = from; i < n; i += STRIPES) {
            for (int j = 0, end = Math.min(STRIPES, n - i); j < end; j++) {
                s[j] = Math.fma(x[xOff + i + j], y[yOff + i + j], s[j]);
            }
        }
    }

    /** Σ x[i]: partial sums s[i mod 64] += x[i], i ascending, then {@link #combineStripes}. */
    @Override
    public float sum(float[] x, int xOff, int n) {
        float[] s = new float[STRIPES];
        sumStripes(x, xOff, 0, n, s);
        return combineStripes(s);
    }

    /** Adds x[i] for i in [from, n) into the partial sums s, from a multiple of {@link #STRIPES}. */
    public static void sumStripes(float[] x, int xOff, int from, int n, float[] s) {
        for (int i = from; i < n; i += STRIPES) {
            for (int j = 0, end = Math.min(STRIPES, n - i); j < end; j++) {
                s[j] += x[xOff + i + j];
            }
        }
    }

    /**
     * The total of the {@link #STRIPES} partial sums, in one fixed tree: halve the array, adding the upper
     * half into the lower (s[j] += s[j + h] for h = 32, 16, ..., 1), then s[0]. The first two halvings are
     * whole-vector additions in the vector kernels; the tree also rounds less than a left-to-right sum.
     * s is modified.
     */
    public static float combineStripes(float[] s) {
        for (int h = STRIPES / 2; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) {
                s[j] += s[j + h];
            }
        }
        return s[0];
    }

    @Override
    public void map(Unary f, float alpha, float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = f.apply(x[i], alpha);
        }
    }

    @Override
    public void strictTanh(double[] x, double[] y, int n) {
        strictTanhLoop(x, y, n);
    }

    @Override
    public void strictSigmoid(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = strictSigmoid(x[i]);
        }
    }

    /** 1 / (1 + StrictMath.exp(-x)): the reference the vector form matches bit for bit. */
    public static double strictSigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    @Override
    public void strictSoftplus(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = strictSoftplus(x[i]);
        }
    }

    /** max(x, 0) + StrictMath.log1p(StrictMath.exp(-|x|)): the reference the vector form matches bit for bit. */
    public static double strictSoftplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    /** y[i] = StrictMath.tanh(x[i]) for i in [0, n): the reference the vector form matches bit for bit. */
    public static void strictTanhLoop(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = StrictMath.tanh(x[i]);
        }
    }

    @Override
    public void mapGrad(Unary f, float alpha, float[] x, float[] y, float[] gy, float[] gx, int n) {
        for (int i = 0; i < n; i++) {
            gx[i] = f.accumulateGradient(x[i], y[i], gy[i], gx[i], alpha);
        }
    }

    @Override
    public void zip(Binary op, float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = op.apply(a[i], b[i]);
        }
    }

    @Override
    public void zipRow(Binary op, float[] a, float[] row, float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                out[base + j] = op.apply(a[base + j], row[j]);
            }
        }
    }

    @Override
    public void zipScalar(Binary op, float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = op.apply(a[i], s);
        }
    }

    @Override
    public void mulAdd(float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.fma(a[i], b[i], out[i]);
        }
    }

    @Override
    public void addColumnSums(float[] x, float[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += x[base + j];
            }
        }
    }

    @Override
    public void softmaxRows(float[] x, float[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[base + j]);
            }
            float total = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(x[base + j] - max);
                y[base + j] = e;
                total += e;
            }
            float inv = 1 / total;
            for (int j = 0; j < cols; j++) {
                y[base + j] *= inv;
            }
        }
    }

    @Override
    public void convForward(float[] x, int n, int c, int h, int w, float[] weight, int f, int kh, int kw, float[] bias,
                            float[] out) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int patch = c * kh * kw;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                int o = (i * f + j) * oh * ow;
                java.util.Arrays.fill(out, o, o + oh * ow, 0f);
                // p outer and the output plane inner: every pixel's chain still runs over p ascending
                for (int ch = 0; ch < c; ch++) {
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            float wp = weight[j * patch + (ch * kh + u) * kw + v];
                            int src = ((i * c + ch) * h + u) * w + v;
                            for (int y = 0; y < oh; y++) {
                                for (int xx = 0; xx < ow; xx++) {
                                    out[o + y * ow + xx] = Math.fma(wp, x[src + y * w + xx], out[o + y * ow + xx]);
                                }
                            }
                        }
                    }
                }
                if (bias != null) {
                    for (int q = o; q < o + oh * ow; q++) {
                        out[q] += bias[j];
                    }
                }
            }
        }
    }

    @Override
    public void convWeightGradient(float[] g, float[] x, int n, int c, int h, int w, int f, int kh, int kw,
                                   float[] gw) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int patch = c * kh * kw;
        int[] base = new int[patch];                      // where patch position p reads in an image
        for (int p = 0; p < patch; p++) {
            base[p] = (p / (kh * kw) * h + p / kw % kh) * w + p % kw;
        }
        for (int j = 0; j < f; j++) {
            // four patch positions at a time: four independent chains share each load of dOut (one chain alone
            // waits on the latency of every fma)
            int p = 0;
            for (; p + 4 <= patch; p += 4) {
                int at = j * patch + p;
                float s0 = gw[at];
                float s1 = gw[at + 1];
                float s2 = gw[at + 2];
                float s3 = gw[at + 3];
                for (int i = 0; i < n; i++) {
                    int gi = (i * f + j) * oh * ow;
                    int xi = i * c * h * w;
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            float gq = g[gi + y * ow + xx];
                            int q = xi + y * w + xx;
                            s0 = Math.fma(gq, x[q + base[p]], s0);
                            s1 = Math.fma(gq, x[q + base[p + 1]], s1);
                            s2 = Math.fma(gq, x[q + base[p + 2]], s2);
                            s3 = Math.fma(gq, x[q + base[p + 3]], s3);
                        }
                    }
                }
                gw[at] = s0;
                gw[at + 1] = s1;
                gw[at + 2] = s2;
                gw[at + 3] = s3;
            }
            for (; p < patch; p++) {
                float s = gw[j * patch + p];
                for (int i = 0; i < n; i++) {
                    int gi = (i * f + j) * oh * ow;
                    int xi = i * c * h * w;
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            s = Math.fma(g[gi + y * ow + xx], x[xi + y * w + xx + base[p]], s);
                        }
                    }
                }
                gw[j * patch + p] = s;
            }
        }
    }

    @Override
    public void maxPool2x2(float[] x, int planes, int h, int w, float[] out, int[] argmax) {
        int oh = h / 2;
        int ow = w / 2;
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int best = base + (2 * y) * w + 2 * xx;
                    for (int d = 1; d < 4; d++) {
                        int idx = base + (2 * y + (d >> 1)) * w + 2 * xx + (d & 1);
                        // a conditional move, not a branch: which of four activations is largest is a coin toss
                        best = x[idx] > x[best] ? idx : best;
                    }
                    out[o] = x[best];
                    argmax[o++] = best;
                }
            }
        }
    }

    @Override
    public void convInputGradient(float[] g, float[] weight, int n, int c, int h, int w, int f, int kh, int kw,
                                  float[] gx) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int patch = c * kh * kw;
        float[] t = new float[oh * ow];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int u = 0; u < kh; u++) {
                    for (int v = 0; v < kw; v++) {
                        // t: one row of dCols = Wᵀ·dOut, each element a chain over the filters j ascending
                        java.util.Arrays.fill(t, 0f);
                        for (int j = 0; j < f; j++) {
                            float wp = weight[j * patch + (ch * kh + u) * kw + v];
                            int gi = (i * f + j) * oh * ow;
                            for (int q = 0; q < oh * ow; q++) {
                                t[q] = Math.fma(wp, g[gi + q], t[q]);
                            }
                        }
                        int dst = ((i * c + ch) * h + u) * w + v;
                        for (int y = 0; y < oh; y++) {
                            for (int xx = 0; xx < ow; xx++) {
                                gx[dst + y * w + xx] += t[y * ow + xx];
                            }
                        }
                    }
                }
            }
        }
    }
}
