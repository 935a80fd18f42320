package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Rng;

/**
 * Vector kernels against the scalar reference, for every kernel, at sizes that straddle lane multiples and
 * the 64 partial sums of the reductions: the same bits everywhere ({@code Float.equals}: NaN payloads aside),
 * on inputs that include ±0, subnormals, ±infinity, NaN and values past every function's range limits.
 * The vector kernels are the eager ones (their vector forms from the first call, whatever the warm-up has
 * done). Skipped cleanly when the Vector API is absent.
 */
class KernelParityTest {
    static final int[] SIZES = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 128, 129, 191, 257, 1000};

    /** The BigDecimal check of gemmDoubleSum runs on products up to this size (the bits are checked on all). */
    static final long EXACT_CHECK_MACS = 300_000;

    static Kernels scalar;
    static Kernels vector;

    @BeforeAll
    static void kernels() {
        scalar = KernelSelection.scalar();
        vector = KernelSelection.vector().map(v -> org.nnlab.core.internal.kernel.simd.VectorKernels.eager()).orElse(null);
    }

    static IntStream sizes() {
        return IntStream.of(SIZES);
    }

    static float[] random(Rng rng, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.uniform(lo, hi);
        }
        return v;
    }

    /** Values where functions change branch or lose range, placed at the front, the middle and the tail. */
    static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -1e-40f, 1e-30f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 88.7228f, 88.8f, -103.97f, -104f, -17.33f, 9.1f, -9.11f, 20f, 1e-7f, -0.3466f};

    /** Random values in [lo, hi] with the special values sprinkled in (every 7th index, up to all of them). */
    static float[] withSpecials(Rng rng, int n, float lo, float hi) {
        float[] v = random(rng, n, lo, hi);
        for (int i = 0, s = 0; i < n && s < SPECIAL.length; i += 7, s++) {
            v[i] = SPECIAL[s];
        }
        if (n > 0) {
            v[n - 1] = SPECIAL[n % SPECIAL.length];
        }
        return v;
    }

    /**
     * actual holds expected's floats (NaN as one NaN), or the failure names the first index that differs and how many
     * do: AssertJ's own diff of two arrays of a million floats takes minutes.
     */
    static void assertSameBits(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as("%s: length", what).isEqualTo(expected.length);
        int first = -1;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        assertThat(count).as("%s: %d of %d differ, the first at %d: %s, expected %s", what, count, actual.length, first,
                first < 0 ? "" : actual[first], first < 0 ? "" : expected[first]).isZero();
    }

    private static void requireVector() {
        assumeThat(vector).as("jdk.incubator.vector is not available").isNotNull();
        String bits = System.getProperty("nn.vector.bits", "");
        if (!bits.isEmpty()) {      // the narrower-width runs must really run on that width
            assertThat(vector.name()).isEqualTo("vector(S_" + bits + "_BIT)");
        }
    }

    static Stream<Arguments> unaryCases() {
        return Stream.of(Unary.values()).flatMap(f -> IntStream.of(SIZES).mapToObj(n -> Arguments.of(f, n)));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("unaryCases")
    void mapAndMapGradGiveTheScalarBits(Unary f, int n) {
        requireVector();
        Rng rng = Rng.seeded(n * 31L + f.ordinal());
        float[] x = withSpecials(rng, n, -30f, 30f);
        float[] ys = new float[n];
        float[] yv = new float[n];
        scalar.map(f, 0.3f, x, ys, n);
        vector.map(f, 0.3f, x, yv, n);
        assertThat(yv).as("%s", f).containsExactly(ys);
        for (int i = 0; i < n; i++) {
            assertThat(Float.floatToIntBits(ys[i])).as("%s(%s) is Unary.apply's", f, x[i])
                    .isEqualTo(Float.floatToIntBits(f.apply(x[i], 0.3f)));
        }
        float[] gy = withSpecials(rng, n, -1, 1);
        float[] gs = random(Rng.seeded(n), n, -1, 1);
        float[] gv = gs.clone();
        scalar.mapGrad(f, 0.3f, x, ys, gy, gs, n);
        vector.mapGrad(f, 0.3f, x, ys, gy, gv, n);
        assertThat(gv).as("%s'", f).containsExactly(gs);
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("sizes")
    void vectorOpsGiveTheScalarBits(int n) {
        requireVector();
        Rng rng = Rng.seeded(n);
        float[] x = random(rng, n + 5, -2, 2);
        float[] y = random(rng, n + 7, -2, 2);
        assertThat(vector.dot(x, 2, y, 3, n)).as("dot").isEqualTo(scalar.dot(x, 2, y, 3, n));
        assertThat(vector.sum(x, 1, n)).as("sum").isEqualTo(scalar.sum(x, 1, n));
        float[] ys = y.clone();
        float[] yv = y.clone();
        scalar.axpy(-0.7f, x, 4, ys, 1, n);
        vector.axpy(-0.7f, x, 4, yv, 1, n);
        assertThat(yv).as("axpy").containsExactly(ys);
        float[] ms = y.clone();
        float[] mv = y.clone();
        scalar.mulAdd(x, y, ms, n);
        vector.mulAdd(x, y, mv, n);
        assertThat(mv).as("mulAdd").containsExactly(ms);
        float[] special = withSpecials(rng, n, -2, 2);
        for (Binary op : Binary.values()) {
            float[] b = withSpecials(rng, n, 0.5f, 2f);
            float[] os = new float[n];
            float[] ov = new float[n];
            scalar.zip(op, special, b, os, n);
            vector.zip(op, special, b, ov, n);
            assertThat(ov).as("zip %s", op).containsExactly(os);
            scalar.zipScalar(op, special, 1.7f, os, n);
            vector.zipScalar(op, special, 1.7f, ov, n);
            assertThat(ov).as("zipScalar %s", op).containsExactly(os);
        }
    }

    /**
     * The reductions' order, restated: 64 partial sums filled i ascending, halved pairwise. A sum whose terms
     * cancel early only in that order (1e8 in partial sum 0, -1e8 in partial sum 32, 1 everywhere else: 126 in
     * exact arithmetic) gives 124 on both kernels, where a left-to-right sum loses 31 of the ones, 95.
     */
    @ParameterizedTest(name = "n={0}")
    @MethodSource("sizes")
    void reductionsFollowTheStripedOrder(int n) {
        float[] x = random(Rng.seeded(n + 7L), n, -1e4f, 1e4f);
        float[] s = new float[ScalarKernels.STRIPES];
        for (int i = 0; i < n; i++) {
            s[i % 64] += x[i];
        }
        for (int h = 32; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) {
                s[j] += s[j + h];
            }
        }
        assertThat(scalar.sum(x, 0, n)).isEqualTo(s[0]);
        if (vector != null) {
            assertThat(vector.sum(x, 0, n)).isEqualTo(s[0]);
        }
        float[] c = new float[128];
        java.util.Arrays.fill(c, 1f);
        c[0] = 1e8f;
        c[32] = -1e8f;
        float leftToRight = 0;
        for (float v : c) {
            leftToRight += v;
        }
        assertThat(leftToRight).isEqualTo(95f);
        assertThat(scalar.sum(c, 0, 128)).isEqualTo(124f);
        if (vector != null) {
            assertThat(vector.sum(c, 0, 128)).isEqualTo(124f);
        }
    }

    @ParameterizedTest(name = "cols={0}")
    @MethodSource("sizes")
    void rowKernelsAgree(int cols) {
        requireVector();
        Rng rng = Rng.seeded(cols + 100L);
        int rows = 5;
        float[] a = random(rng, rows * cols, -2, 2);
        float[] row = random(rng, cols, 0.5f, 2);
        for (Binary op : Binary.values()) {
            float[] os = new float[rows * cols];
            float[] ov = new float[rows * cols];
            scalar.zipRow(op, a, row, os, rows, cols);
            vector.zipRow(op, a, row, ov, rows, cols);
            assertThat(ov).as("zipRow %s", op).containsExactly(os);
        }
        float[] cs = random(rng, cols, -1, 1);
        float[] cv = cs.clone();
        scalar.addColumnSums(a, cs, rows, cols);
        vector.addColumnSums(a, cv, rows, cols);
        assertThat(cv).as("addColumnSums").containsExactly(cs);
        float[] ss = new float[rows * cols];
        float[] sv = new float[rows * cols];
        scalar.softmaxRows(a, ss, rows, cols);
        vector.softmaxRows(a, sv, rows, cols);
        assertThat(sv).as("softmaxRows").containsExactly(ss);
    }

    static Stream<Arguments> matmulShapes() {
        Stream<int[]> fixed = Stream.of(new int[] {1, 1, 1}, new int[] {0, 3, 4}, new int[] {3, 0, 4}, new int[] {3, 4, 0},
                new int[] {7, 9, 17}, new int[] {8, 8, 8}, new int[] {10, 8, 8}, new int[] {9, 15, 47}, new int[] {16, 16, 16},
                new int[] {17, 33, 49}, new int[] {65, 31, 63}, new int[] {100, 2, 8}, new int[] {10000, 8, 8},
                new int[] {33, 129, 97}, new int[] {129, 257, 65}, new int[] {8, 300, 1}, new int[] {1, 300, 49},
                new int[] {127, 130, 200}, new int[] {4, 784, 128}, new int[] {32, 288, 576},
                new int[] {40, 8, 1}, new int[] {37, 20, 3}, new int[] {1000, 8, 4}, new int[] {1001, 8, 8}, new int[] {35, 2, 8},
                new int[] {150, 16, 2}, new int[] {16, 300, 5}, new int[] {33, 4, 4}, new int[] {64, 1, 16}, new int[] {1, 300, 64},
                new int[] {3, 50, 33}, new int[] {64, 300, 64}, new int[] {2, 7, 130}, new int[] {5, 40, 200},
                new int[] {6, 13, 70}, new int[] {3, 100, 17}, new int[] {7, 9, 80});
        Rng rng = Rng.seeded(99);
        Stream<int[]> random = IntStream.range(0, 40).mapToObj(i -> new int[] {1 + rng.nextInt(150), 1 + rng.nextInt(300), 1 + rng.nextInt(150)});
        return Stream.concat(fixed, random).map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    /**
     * The shapes of the products, ShapeShop's dense layer on a batch of 4 (its three products), and products of one to
     * seven rows whose columns end past a block of eight and past a vector.
     */
    static Stream<Arguments> gemmShapes() {
        return Stream.concat(matmulShapes(), Stream.of(Arguments.of(4, 4608, 128), Arguments.of(4, 128, 4608),
                Arguments.of(4608, 4, 128), Arguments.of(1, 7, 19), Arguments.of(2, 1, 16), Arguments.of(5, 33, 21),
                Arguments.of(7, 64, 23), Arguments.of(3, 2, 41)));
    }

    /**
     * Every product path (narrow, by columns, unpacked, few rows with B read in place or with C's rows along the lanes
     * for Bᵀ, packed with its edge tiles) computes each element as the scalar loops do, an fma chain over p ascending
     * from C's value, so the bits are the same.
     */
    @ParameterizedTest(name = "[{0}x{1}]x[{1}x{2}]")
    @MethodSource("gemmShapes")
    void gemmVariantsGiveTheScalarBits(int m, int k, int n) {
        requireVector();
        Rng rng = Rng.seeded(m * 1_000_003L + k * 1009L + n);
        float[] a = random(rng, m * k + 3, -1, 1);       // offset 3 exercises aOff
        float[] b = random(rng, k * n + 2, -1, 1);
        float[] c0 = random(rng, m * n + 1, -1, 1);       // accumulation into existing values
        float[] cs = c0.clone();
        float[] cv = c0.clone();
        scalar.gemm(a, 3, b, 2, cs, 1, m, k, n);
        vector.gemm(a, 3, b, 2, cv, 1, m, k, n);
        assertSameBits(cv, cs, "gemm bits");
        cs = c0.clone();
        cv = c0.clone();
        scalar.gemmTransA(a, 3, b, 2, cs, 1, m, k, n);
        vector.gemmTransA(a, 3, b, 2, cv, 1, m, k, n);
        assertSameBits(cv, cs, "gemmTransA bits");
        float[] bt = random(rng, n * k + 2, -1, 1);
        cs = c0.clone();
        cv = c0.clone();
        scalar.gemmTransB(a, 3, bt, 2, cs, 1, m, k, n);
        vector.gemmTransB(a, 3, bt, 2, cv, 1, m, k, n);
        assertSameBits(cv, cs, "gemmTransB bits");
    }

    /**
     * gemmDoubleSum gives the scalar loops' bits on the vector kernels (products of floats are exact in double,
     * so the order fixes every sum), and each entry is within one float rounding plus k double roundings of
     * the exact sum, computed with BigDecimal.
     */
    @ParameterizedTest(name = "[{0}x{1}]x[{1}x{2}]")
    @MethodSource("matmulShapes")
    void doubleSumsAreBitwiseTheScalarOnesAndNearlyExact(int m, int k, int n) {
        requireVector();
        Rng rng = Rng.seeded(m * 1_000_003L + k * 1009L + n + 5);
        float[] a = random(rng, m * k + 3, -1, 1);
        float[] b = random(rng, k * n + 2, -1, 1);
        float[] bias = random(rng, n + 4, -1, 1);
        for (float[] start : new float[][] {bias, null}) {
            float[] cs = random(rng, m * n + 1, -1, 1);          // overwritten, never added to
            float[] cv = cs.clone();
            scalar.gemmDoubleSum(a, 3, b, 2, start, 4, cs, 1, m, k, n);
            vector.gemmDoubleSum(a, 3, b, 2, start, 4, cv, 1, m, k, n);
            assertThat(cv).as("gemmDoubleSum bits, bias %s", start != null).containsExactly(cs);
            float[] at = new float[m * k + 3];                   // A and B stored transposed: the same sums
            float[] bt = new float[k * n + 2];
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    at[3 + p * m + i] = a[3 + i * k + p];
                }
            }
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    bt[2 + j * k + p] = b[2 + p * n + j];
                }
            }
            for (Kernels kernels : new Kernels[] {scalar, vector}) {
                for (int t = 1; t < 4; t++) {
                    boolean transA = (t & 1) != 0;
                    boolean transB = (t & 2) != 0;
                    float[] ct = cs.clone();
                    java.util.Arrays.fill(ct, 1, ct.length, Float.NaN);      // every entry must be overwritten
                    kernels.gemmDoubleSum(transA ? at : a, 3, transA, transB ? bt : b, 2, transB, start, 4, ct, 1, m, k, n);
                    assertThat(ct).as("%s transA %s transB %s", kernels.name(), transA, transB).containsExactly(cs);
                }
            }
            for (int i = 0; i < m && (long) m * k * n <= EXACT_CHECK_MACS; i++) {     // BigDecimal is slow
                for (int j = 0; j < n; j++) {
                    java.math.BigDecimal exact = start == null ? java.math.BigDecimal.ZERO
                            : new java.math.BigDecimal(start[4 + j]);
                    double magnitude = start == null ? 0 : Math.abs(start[4 + j]);
                    for (int p = 0; p < k; p++) {
                        double t = (double) a[3 + i * k + p] * b[2 + p * n + j];
                        exact = exact.add(new java.math.BigDecimal(t));
                        magnitude += Math.abs(t);
                    }
                    double e = exact.doubleValue();
                    double bound = Math.ulp((float) e) / 2 + (k + 1) * Math.ulp(1.0) * magnitude;
                    assertThat(Math.abs(cs[1 + i * n + j] - e)).as("c[%d][%d]", i, j).isLessThanOrEqualTo(bound);
                }
            }
        }
    }

    /**
     * maxPool2x2 against its definition written out (each window's four values as a list, the first greatest under
     * {@code >}), both kernels: planes of whole vectors and of a tail, odd sides, planes of fewer outputs than a vector,
     * the array's last windows, windows of ties (ReLU's zeros, -0 and +0) and of specials (NaN first and later, ±∞).
     */
    @ParameterizedTest(name = "planes={0} h={1} w={2}")
    @MethodSource("poolShapes")
    void maxPoolIsTheFirstGreatestOfEachWindow(int planes, int h, int w) {
        Rng rng = Rng.seeded(planes * 1009L + h * 31L + w);
        float[] x = withSpecials(rng, planes * h * w, -1, 1);
        for (int i = 0; i < x.length; i += 3) {                  // ties: ReLU's zeros, and -0 among them
            x[i] = i % 2 == 0 ? 0f : -0f;
        }
        for (int i = 5; i < x.length; i += 11) {
            x[i] = Math.max(x[i], 0f);
        }
        int oh = h / 2;
        int ow = w / 2;
        float[] expected = new float[planes * oh * ow];
        int[] expectedIndex = new int[expected.length];
        for (int p = 0, o = 0; p < planes; p++) {
            for (int y = 0; y < oh; y++) {
                for (int c = 0; c < ow; c++, o++) {
                    int corner = p * h * w + 2 * y * w + 2 * c;
                    int[] window = {corner, corner + 1, corner + w, corner + w + 1};
                    int best = window[0];
                    for (int e : window) {
                        if (x[e] > x[best]) {
                            best = e;
                        }
                    }
                    expected[o] = x[best];
                    expectedIndex[o] = best;
                }
            }
        }
        for (Kernels k : vector == null ? List.of(scalar) : List.of(scalar, vector)) {
            float[] out = new float[expected.length];
            int[] index = new int[expected.length];
            java.util.Arrays.fill(index, -7);
            k.maxPool2x2(x.clone(), planes, h, w, out, index);
            assertSameBits(out, expected, k.name() + " maxPool2x2 values");
            assertThat(index).as("%s maxPool2x2 indices", k.name()).containsExactly(expectedIndex);
        }
    }

    static Stream<Arguments> poolShapes() {
        return Stream.of(Arguments.of(128, 24, 24), Arguments.of(3, 26, 26), Arguments.of(2, 7, 9), Arguments.of(5, 2, 6),
                Arguments.of(1, 1, 5), Arguments.of(4, 33, 34), Arguments.of(1, 64, 64), Arguments.of(0, 4, 4),
                Arguments.of(2, 2, 40), Arguments.of(1, 3, 17));
    }

    /**
     * The three convolution kernels against the definition written as the unfolded product (im2col, the fma chains
     * of W·cols, dOut·colsᵀ and Wᵀ·dOut, then col2im patch position by patch position), the scalar kernels exactly,
     * the vector kernels bit for bit: single-channel and many-channel images, filter and channel counts off the
     * vector lanes and past two vectors (the filter gradient along either), rows of whole tiles, an overlapping last tile and rows narrower than one,
     * patches shorter than a tile and not a multiple of it, non-square kernels, gradients added to earlier values,
     * and specials (±0, subnormals, NaN, ±∞) in the images and filters.
     */
    @ParameterizedTest(name = "n={0} c={1} h={2} w={3} f={4} k={5}x{6} specials={7}")
    @MethodSource("convShapes")
    void convolutionKernelsAreTheUnfoldedProductsChains(int n, int c, int h, int w, int f, int kh, int kw,
                                                        boolean specials) {
        Rng rng = Rng.seeded(((c * 31L + h) * 31 + w) * 31 + f * 7L + kh * 3L + kw + (specials ? 1 : 0));
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        int patch = c * kh * kw;
        float[] x = specials ? withSpecials(rng, n * c * h * w, -1, 1) : random(rng, n * c * h * w, -1, 1);
        float[] weight = specials ? withSpecials(rng, f * patch, -1, 1) : random(rng, f * patch, -1, 1);
        float[] bias = random(rng, f, -1, 1);
        float[] g = random(rng, n * f * oh * ow, -1, 1);
        float[] gw0 = random(rng, f * patch, -1, 1);
        float[] gx0 = random(rng, x.length, -1, 1);

        // the definition: unfold, then each element's chain in its order
        float[][] cols = new float[n][patch * oh * ow];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < patch; p++) {
                int ch = p / (kh * kw);
                int u = p / kw % kh;
                int v = p % kw;
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        cols[i][p * oh * ow + y * ow + xx] = x[((i * c + ch) * h + y + u) * w + xx + v];
                    }
                }
            }
        }
        float[] out = new float[n * f * oh * ow];
        float[] outNoBias = new float[out.length];
        float[] gw = gw0.clone();
        float[] gx = gx0.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                for (int q = 0; q < oh * ow; q++) {
                    float acc = 0f;
                    for (int p = 0; p < patch; p++) {
                        acc = Math.fma(weight[j * patch + p], cols[i][p * oh * ow + q], acc);
                    }
                    outNoBias[(i * f + j) * oh * ow + q] = acc;
                    out[(i * f + j) * oh * ow + q] = acc + bias[j];
                }
            }
        }
        for (int j = 0; j < f; j++) {
            for (int p = 0; p < patch; p++) {
                float acc = gw[j * patch + p];
                for (int i = 0; i < n; i++) {
                    for (int q = 0; q < oh * ow; q++) {
                        acc = Math.fma(g[(i * f + j) * oh * ow + q], cols[i][p * oh * ow + q], acc);
                    }
                }
                gw[j * patch + p] = acc;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < patch; p++) {
                int ch = p / (kh * kw);
                int u = p / kw % kh;
                int v = p % kw;
                for (int q = 0; q < oh * ow; q++) {
                    float dcol = 0f;
                    for (int j = 0; j < f; j++) {
                        dcol = Math.fma(weight[j * patch + p], g[(i * f + j) * oh * ow + q], dcol);
                    }
                    gx[((i * c + ch) * h + q / ow + u) * w + q % ow + v] += dcol;
                }
            }
        }

        for (Kernels k : vector == null ? List.of(scalar) : List.of(scalar, vector)) {
            String name = k.name();
            float[] o = new float[out.length];
            k.convForward(x, n, c, h, w, weight, f, kh, kw, bias, o);
            assertThat(o).as("%s forward", name).containsExactly(out);
            java.util.Arrays.fill(o, Float.NaN);                     // overwritten, not added to
            k.convForward(x, n, c, h, w, weight, f, kh, kw, null, o);
            assertThat(o).as("%s forward without bias", name).containsExactly(outNoBias);
            float[] kgw = gw0.clone();
            k.convWeightGradient(g, x, n, c, h, w, f, kh, kw, kgw);
            assertThat(kgw).as("%s filter gradient", name).containsExactly(gw);
            float[] kgx = gx0.clone();
            k.convInputGradient(g, weight, n, c, h, w, f, kh, kw, kgx);
            assertThat(kgx).as("%s image gradient", name).containsExactly(gx);
        }
    }

    static Stream<Arguments> convShapes() {
        return Stream.of(
                Arguments.of(1, 1, 28, 28, 32, 3, 3, false),      // ShapeShop's first layer
                Arguments.of(2, 32, 13, 26, 32, 3, 3, false),     // its second, rows of two whole tiles
                Arguments.of(2, 32, 13, 26, 32, 3, 3, true),
                Arguments.of(1, 3, 7, 9, 5, 3, 3, true),          // rows narrower than a tile, patch of 27
                Arguments.of(2, 4, 6, 30, 33, 2, 3, true),        // past two vectors of filters, an overlapping tile
                Arguments.of(1, 40, 5, 14, 7, 1, 1, false),       // channels past two vectors, a 1x1 kernel
                Arguments.of(2, 33, 6, 14, 13, 3, 2, true),       // channels along the lanes, filters past a tile of 8
                Arguments.of(3, 2, 3, 3, 1, 3, 3, true),          // one output pixel, one filter
                Arguments.of(1, 5, 4, 16, 17, 4, 2, false));      // a tile and an overlap of 3
    }

    static Stream<Arguments> columnShapes() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int in : new int[] {0, 1, 2, 8, 9, 33}) {
            for (int out : new int[] {1, 2, 8, 9, 10, 11, 12, 33}) {
                for (int n : new int[] {1, 7, 8, 31, 32, 33, 150, 300}) {
                    b.add(Arguments.of(in, out, n));
                }
            }
        }
        return b.build();
    }

    /** [size, n] columns of x's floats from [n, size] rows. */
    private static double[] columns(float[] rows, int size, int n) {
        double[] c = new double[size * n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < size; i++) {
                c[i * n + r] = rows[r * size + i];
            }
        }
        return c;
    }

    /**
     * The three feature-major dense kernels give the row-major double sums' bits (gemmDoubleSum on the transposed
     * data, then ReLU and its gradient as Unary defines them), on the scalar and the vector kernels, with NaN, ±0
     * and infinities among the inputs.
     */
    @ParameterizedTest(name = "{0} -> {1}, {2} rows")
    @MethodSource("columnShapes")
    void denseColumnsAreTheRowMajorDoubleSums(int in, int out, int n) {
        Rng rng = Rng.seeded(in * 1_000_003L + out * 1009L + n);
        float[] xRows = withSpecials(rng, n * in, -2, 2);
        float[] dRows = random(rng, n * out, -1, 1);
        float[] w = random(rng, 3 + in * out + out, -1, 1);       // W from 3, b after it
        int wOff = 3;
        int bOff = 3 + in * out;
        for (boolean relu : new boolean[] {false, true}) {
            float[] expected = new float[n * out];                  // the row-major reference
            scalar.gemmDoubleSum(xRows, 0, w, wOff, w, bOff, expected, 0, n, in, out);
            if (relu) {
                scalar.map(Unary.RELU, 0f, expected, expected, n * out);
            }
            for (Kernels k : kernelsUnderTest()) {
                double[] y = new double[out * n];
                java.util.Arrays.fill(y, Double.NaN);
                k.denseColumns(columns(xRows, in, n), in, w, wOff, bOff, y, out, n, relu);
                assertThat(rowsOf(y, out, n)).as("%s denseColumns relu %s", k.name(), relu).containsExactly(expected);
            }
        }
        float[] below = new float[n * in];                           // δ·Wᵀ, then ReLU's gradient from outputs x
        scalar.gemmDoubleSum(dRows, 0, false, w, wOff, true, null, 0, below, 0, n, out, in);
        float[] masked = new float[n * in];
        scalar.mapGrad(Unary.RELU, 0f, xRows, xRows, below, masked, n * in);
        float[] gradients = new float[w.length];
        scalar.gemmDoubleSum(xRows, 0, true, dRows, 0, false, null, 0, gradients, wOff, in, n, out);
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        scalar.gemmDoubleSum(ones, 0, dRows, 0, null, 0, gradients, bOff, 1, n, out);
        for (Kernels k : kernelsUnderTest()) {
            double[] d = columns(dRows, out, n);
            double[] plain = new double[in * n];
            k.denseColumnsBack(d, out, w, wOff, null, plain, in, n);
            assertThat(rowsOf(plain, in, n)).as("%s denseColumnsBack", k.name()).containsExactly(below);
            double[] relu = new double[in * n];
            k.denseColumnsBack(d, out, w, wOff, columns(xRows, in, n), relu, in, n);
            assertThat(rowsOf(relu, in, n)).as("%s denseColumnsBack ReLU", k.name()).containsExactly(masked);
            float[] g = new float[w.length];
            k.denseColumnsGradients(columns(xRows, in, n), in, d, out, n, g, wOff, bOff);
            assertThat(java.util.Arrays.copyOfRange(g, wOff, w.length)).as("%s denseColumnsGradients", k.name())
                    .containsExactly(java.util.Arrays.copyOfRange(gradients, wOff, w.length));
        }
    }

    static Stream<Arguments> laneShapes() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int rows : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17}) {
            for (int terms : new int[] {0, 1, 2, 4, 7, 8, 9, 16, 17}) {
                for (int m : new int[] {0, 1, 7, 8, 10, 17, 30, 64}) {
                    b.add(Arguments.of(rows, terms, m));
                }
            }
        }
        return b.build();
    }

    /** Doubles with specials (±0, NaN, ±∞, subnormals, huge) among random values of both signs. */
    private static double[] doubles(Rng rng, int n, int slack) {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -4.9e-300, 1e300, -1e-17, 0.1};
        double[] v = new double[n + slack];
        for (int i = 0; i < v.length; i++) {
            v[i] = (rng.nextDouble() - 0.5) * 4;
        }
        for (int i = 3, s = 0; i < n; i += 11, s++) {
            v[i] = special[s % special.length];
        }
        return v;
    }

    /**
     * The lane kernels are each lane's own double arithmetic, written here as Playground writes it: per lane e, the
     * sum starts at init (or 0) and adds w·x term by term; per link, the examples' products are added one by one in
     * order, dead links untouched. On the scalar and the vector kernels, with arrays that reach a vector past their
     * end and arrays that end exactly (the vector form then finishes on scalar loops), with ±0, NaN, ±∞ and
     * subnormals among the values.
     */
    @ParameterizedTest(name = "{0} rows, {1} terms, {2} lanes")
    @MethodSource("laneShapes")
    void laneKernelsAreEachLanesOwnArithmetic(int rows, int terms, int m) {
        Rng rng = Rng.seeded(rows * 1_000_003L + terms * 1009L + m);
        for (int slack : new int[] {0, 8}) {
            double[] w = doubles(rng, rows * terms + 3, 0);
            double[] init = doubles(rng, rows, 0);
            double[] x = doubles(rng, terms * m, slack);
            double[] forward = new double[rows * m];
            double[] back = new double[terms * m];
            for (int e = 0; e < m; e++) {
                for (int r = 0; r < rows; r++) {
                    double total = init[r];
                    for (int j = 0; j < terms; j++) {
                        total += w[r * terms + j] * x[j * m + e];
                    }
                    forward[r * m + e] = total;
                }
            }
            double[] d = doubles(rng, rows * m, slack);
            for (int e = 0; e < m; e++) {
                for (int j = 0; j < terms; j++) {
                    double sum = 0;
                    for (int r = 0; r < rows; r++) {
                        sum += w[r * terms + j] * d[r * m + e];
                    }
                    back[j * m + e] = sum;
                }
            }
            boolean[] dead = new boolean[rows * terms];
            for (int k = 0; k < dead.length; k++) {
                dead[k] = rng.nextDouble() < 0.2;
            }
            double[] acc0 = doubles(rng, rows * terms, 0);
            double[] grads = acc0.clone();
            double[] gradsAllLive = acc0.clone();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < terms; j++) {
                    int k = r * terms + j;
                    for (int e = 0; e < m; e++) {
                        double g = d[r * m + e] * x[j * m + e];
                        gradsAllLive[k] += g;
                        if (!dead[k]) {
                            grads[k] += g;
                        }
                    }
                }
            }
            for (Kernels k : kernelsUnderTest()) {
                String as = k.name() + (slack > 0 ? ", padded" : ", exact arrays");
                double[] y = new double[rows * m + slack];
                java.util.Arrays.fill(y, -7.0);
                k.laneSums(w, terms, 1, init, x, terms, y, rows, m);
                assertThat(bits(java.util.Arrays.copyOf(y, rows * m))).as("%s laneSums forward", as).containsExactly(bits(forward));
                for (int i = rows * m; i < y.length; i++) {
                    assertThat(y[i]).as("%s laneSums leaves the slack alone", as).isEqualTo(-7.0);
                }
                double[] below = new double[terms * m + slack];
                k.laneSums(w, 1, terms, null, d, rows, below, terms, m);
                assertThat(bits(java.util.Arrays.copyOf(below, terms * m))).as("%s laneSums back", as).containsExactly(bits(back));
                double[] acc = acc0.clone();
                k.laneGradients(d, rows, x, terms, dead, acc, m);
                assertThat(bits(acc)).as("%s laneGradients", as).containsExactly(bits(grads));
                double[] live = acc0.clone();
                k.laneGradients(d, rows, x, terms, null, live, m);
                assertThat(bits(live)).as("%s laneGradients, no dead links", as).containsExactly(bits(gradsAllLive));
            }
        }
    }

    /** The values' bits, every NaN as one (which NaN an operation on NaNs gives is the hardware's choice, not ours). */
    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToLongBits(v[i]);
        }
        return b;
    }

    private static Kernels[] kernelsUnderTest() {
        return vector == null ? new Kernels[] {scalar} : new Kernels[] {scalar, vector};
    }

    private static float[] rowsOf(double[] columns, int size, int n) {
        float[] rows = new float[n * size];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < size; j++) {
                double v = columns[j * n + r];
                rows[r * size + j] = (float) v;
                assertThat(Double.valueOf((float) v)).as("a float value held as a double").isEqualTo(Double.valueOf(v));
            }
        }
        return rows;
    }
}
