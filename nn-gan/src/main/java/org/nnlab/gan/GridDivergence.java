package org.nnlab.gan;

/**
 * GAN Lab's grid metrics (spec 2.g): real and fake samples binned on 30 x 30 cells of the unit square,
 * point (x, y) in cell trunc(30x) + 30·trunc(30y) when that index is in [0, 900) (so points just left
 * of the square land in column 0 and x >= 1 wraps into the next row, as GAN Lab's), ε = 1e-4 added to
 * every cell, and in bits:
 * <pre>
 * KL(real || fake) = Σ (p+ε) log₂((p+ε)/(q+ε))
 * JS = ½ [Σ (p+ε) log₂((p+ε)/(m+ε)) + Σ (q+ε) log₂((q+ε)/(m+ε))],  m = (p+q)/2
 * </pre>
 *
 * @param kl KL(real || fake) in bits
 * @param js the Jensen–Shannon divergence in bits
 */
public record GridDivergence(double kl, double js) {
    /** Cells per side. */
    public static final int CELLS = 30;
    /** The smoothing added to p, q and m. */
    public static final double EPSILON = 1e-4;
    /** ln 2, as Math.log(2) gives it each time (computed once: the same bits, one log fewer per term). */
    private static final double LN2 = Math.log(2);

    /**
     * The intended metric: p is the histogram of n real points (weight 1/n each), q of m fakes (1/m).
     *
     * @param real [n, 2] row-major
     * @param fake [m, 2] row-major
     */
    public static GridDivergence of(float[] real, int n, float[] fake, int m) {
        return between(histogram(real, n, 1.0 / n), histogram(fake, m, 1.0 / m));
    }

    /**
     * GAN Lab's own, buggy computation: its splice sequence leaves only real atlas rows 450 + i(i+3)/2
     * for i = 0..150 in p, each still weighted 1/450, so Σp ≈ 0.34 (and KL can go negative). For parity
     * with its charts only.
     *
     * @param fake the 150 fixed fakes, [150, 2]
     */
    public static GridDivergence ganLabCompatible(Atlas realAtlas, float[] fake, int m) {
        double[] p = new double[CELLS * CELLS];
        for (int i = 0; i <= 150; i++) {
            int row = (450 + i * (i + 3) / 2) % realAtlas.rows();
            add(p, realAtlas.get(row, 0), realAtlas.get(row, 1), 1.0 / 450);
        }
        return between(p, histogram(fake, m, 1.0 / m));
    }

    /** The weighted histogram of n points on the 30 x 30 cells, index column + 30·row. */
    public static double[] histogram(float[] xy, int n, double weight) {
        double[] h = new double[CELLS * CELLS];
        for (int i = 0; i < n; i++) {
            add(h, xy[2 * i], xy[2 * i + 1], weight);
        }
        return h;
    }

    private static void add(double[] h, double x, double y, double weight) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;                                                  // a diverged generator's points count nowhere
        }
        double index = trunc(CELLS * x) + CELLS * trunc(CELLS * y);
        if (index >= 0 && index < h.length) {
            h[(int) index] += weight;
        }
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /**
     * KL and JS between two histograms of equal length: Σ p'·log2(p'/q') and ½·Σ (p'·log2(p'/m') + q'·log2(q'/m')),
     * with p' = p + ε, q' = q + ε, m' = (p + q)/2 + ε, summed cell by cell in order.
     */
    public static GridDivergence between(double[] p, double[] q) {
        double kl = 0;
        double js = 0;
        for (int c = 0; c < p.length; c++) {
            if (p[c] == 0 && q[c] == 0) {
                // NOTE: a cell both histograms leave empty adds exactly +0 to each sum (ε·log2(1)), and the sums start
                // at +0, so skipping it keeps every bit; most of the 900 cells are empty
                continue;
            }
            double pe = p[c] + EPSILON;
            double qe = q[c] + EPSILON;
            double me = (p[c] + q[c]) / 2 + EPSILON;
            kl += pe * log2(pe / qe);
            js += pe * log2(pe / me) + qe * log2(qe / me);
        }
        return new GridDivergence(kl, js / 2);
    }

    private static double log2(double v) {
        return Math.log(v) / LN2;
    }
}
