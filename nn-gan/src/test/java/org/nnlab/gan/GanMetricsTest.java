package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.nn.dense.DenseStack;

/**
 * KL and JS on constructed histograms and GAN Lab's binning, the manifold's areas and opacities for an
 * identity map, the frame's D heatmap and gradients against direct evaluation, and the ring learned.
 */
class GanMetricsTest {
    private static final double EPS = GridDivergence.EPSILON;

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    @Test
    void identicalHistogramsHaveNoDivergence() {
        double[] p = new double[900];
        p[17] = 0.5;
        p[400] = 0.5;
        GridDivergence d = GridDivergence.between(p, p.clone());
        assertThat(d.kl()).isCloseTo(0, within(1e-15));
        assertThat(d.js()).isCloseTo(0, within(1e-15));
    }

    @Test
    void theDivergenceIsTheWrittenOutSumBitForBitAndTheFramesToo() {
        Rng rng = Rng.seeded(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(500);
            float[] real = new float[2 * n];
            float[] fake = new float[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                real[i] = 0.2f + 0.3f * rng.nextFloat();        // clustered: most of the 900 cells stay empty
                fake[i] = trial % 2 == 0 ? 0.4f + 0.5f * rng.nextFloat() : -0.5f + 2 * rng.nextFloat();
            }
            double[] p = GridDivergence.histogram(real, n, 1.0 / n);
            double[] q = GridDivergence.histogram(fake, n, 1.0 / n);
            double kl = 0;                                       // the definition, every cell, log2 as written
            double js = 0;
            for (int c = 0; c < p.length; c++) {
                double pe = p[c] + EPS;
                double qe = q[c] + EPS;
                double me = (p[c] + q[c]) / 2 + EPS;
                kl += pe * log2(pe / qe);
                js += pe * log2(pe / me) + qe * log2(qe / me);
            }
            GridDivergence d = GridDivergence.of(real, n, fake, n);
            assertThat(Double.doubleToRawLongBits(d.kl())).as("kl, trial %d", trial).isEqualTo(Double.doubleToRawLongBits(kl));
            assertThat(Double.doubleToRawLongBits(d.js())).as("js, trial %d", trial)
                    .isEqualTo(Double.doubleToRawLongBits(js / 2));
        }
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(3));
        s.train(40);
        GanFrame frame = s.frame();
        assertThat(s.divergence()).isEqualTo(new GridDivergence(frame.kl(), frame.js()));
    }

    @Test
    void disjointMassesGiveTheClosedForms() {
        double[] p = new double[900];
        double[] q = new double[900];
        p[0] = 1;
        q[1] = 1;
        GridDivergence d = GridDivergence.between(p, q);
        // KL: cell 0 gives (1+ε)·log₂((1+ε)/ε), cell 1 gives ε·log₂(ε/(1+ε)); the rest 0
        assertThat(d.kl()).isCloseTo((1 + EPS) * log2((1 + EPS) / EPS) + EPS * log2(EPS / (1 + EPS)), within(1e-12));
        assertThat(d.kl()).isCloseTo(13.288, within(0.001));
        // JS tends to 1 bit as ε → 0
        assertThat(d.js()).isCloseTo(1, within(0.002)).isLessThan(1);
    }

    @Test
    void pointsBinAsGanLabTruncatesAndWraps() {
        float[] xy = {
            0.01f, 0.01f,          // cell 0
            -0.02f, 0.5f,          // x in (-1/30, 0): trunc gives column 0, row 15 -> 450
            1.0f, 0.5f,            // x = 1 wraps into the next row: 30 + 450 = 480
            0.5f, -0.5f,           // row -15: index < 0, dropped
            Float.NaN, 0.5f,       // NaN counts nowhere
        };
        double[] h = GridDivergence.histogram(xy, 5, 1);
        assertThat(h[0]).isEqualTo(1);
        assertThat(h[450]).isEqualTo(1);
        assertThat(h[480]).isEqualTo(1);
        double total = 0;
        for (double v : h) {
            total += v;
        }
        assertThat(total).isEqualTo(3);
    }

    @Test
    void ganLabCompatibleModeKeepsItsSubNormalisedRealHistogram() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(30));
        GanFrame intended = s.frame();
        GanFrame compatible = s.frameGanLabCompatible();
        // p holds 151 samples of weight 1/450: Σp ≈ 0.336, so the two KLs differ
        assertThat(compatible.kl()).isNotEqualTo(intended.kl());
        double[] p = new double[900];
        for (int i = 0; i <= 150; i++) {
            int row = 450 + i * (i + 3) / 2;
            p[(int) (30 * s.realAtlas().get(row, 0)) + 30 * (int) (30 * s.realAtlas().get(row, 1))] += 1.0 / 450;
        }
        double[] q = GridDivergence.histogram(intended.fixedFake(), 150, 1.0 / 150);
        assertThat(compatible.kl()).isCloseTo(GridDivergence.between(p, q).kl(), within(1e-12));
    }

    @Test
    void anIdentityGeneratorHasEqualCellsAndGanLabsOpacities() {
        float[] corners = Manifold.noiseCorners(2);                        // G = identity
        double[] areas = Manifold.normalizedAreas(corners);
        for (double a : areas) {
            assertThat(a).isCloseTo(1.0 / 400, within(1e-8));             // float corners: j/20 is not exact
        }
        for (double o : Manifold.opacities(NoiseType.UNIFORM_2D, areas)) {
            assertThat(o).isCloseTo(0.5, within(1e-5));
        }
        // Gaussian noise: 0.1 + 0.2·p(c) at unit scaled area, p the N(0.5, 0.25²) density; cell 210 is
        // centred at (0.525, 0.525)
        double[] gauss = Manifold.opacities(NoiseType.GAUSSIAN_2D, areas);
        double density = Math.exp(-(2 * 0.025 * 0.025) / (2 * 0.0625)) / (2 * Math.PI * 0.0625);
        assertThat(gauss[210]).isCloseTo(Math.min(0.1 + 0.2 * density, 0.9), within(1e-5));
        // a doubled cell (a 2x-wide column) and a collapsed one
        float[] warped = corners.clone();
        for (int a = 0; a <= 20; a++) {
            for (int b = 1; b <= 20; b++) {
                warped[2 * (a * 21 + b) + 1] += 1f / 20;                     // shift all but the first column
            }
        }
        double[] w = Manifold.normalizedAreas(warped);
        double[] o = Manifold.opacities(NoiseType.UNIFORM_2D, w);
        assertThat(w[0] / w[1]).isCloseTo(2, within(1e-5));
        assertThat(o[0]).isCloseTo(Math.max(0.9 - 0.4 * 400 * w[0], 0.1), within(1e-12));
        assertThat(Manifold.opacities(NoiseType.UNIFORM_2D, new double[] {0})[0]).isEqualTo(0.9);
        assertThat(Manifold.opacities(NoiseType.GAUSSIAN_2D, new double[] {0})[0]).isEqualTo(0.9);
    }

    @Test
    void theFrameEvaluatesDAndGWhereTheSpecSays() {
        GanSession s = GanSession.create(RealData.gaussians(), GanConfig.preset("gaussians"), Rng.seeded(31));
        s.train(20);
        GanFrame f = s.frame();
        DenseStack d = s.discriminator();
        // heatmap index j·30 + i is D at ((i + 0.5)/30, (j + 0.5)/30); a one-row product may round
        // differently from a 900-row one (the kernel blocks by row count), hence a float tolerance
        assertThat(f.heatmapD()[7 * 30 + 3]).isCloseTo(d.apply(new float[] {3.5f / 30, 7.5f / 30}, 1)[0], within(1e-6f));
        // manifold row 21a + b is G(a/20, b/20)
        float[] g = s.generator().apply(new float[] {4f / 20, 13f / 20}, 1);
        assertThat(f.manifold()[2 * (4 * 21 + 13)]).isCloseTo(g[0], within(1e-6f));
        assertThat(f.manifold()[2 * (4 * 21 + 13) + 1]).isCloseTo(g[1], within(1e-6f));
        // dD/dx at a fixed fake against central differences of D in double precision around it
        for (int k : new int[] {0, 77, 149}) {
            float x = f.fixedFake()[2 * k];
            float y = f.fixedFake()[2 * k + 1];
            double h = 1e-3;
            double dx = (d.apply(new float[] {(float) (x + h), y}, 1)[0] - d.apply(new float[] {(float) (x - h), y}, 1)[0]) / (2 * h);
            double dy = (d.apply(new float[] {x, (float) (y + h)}, 1)[0] - d.apply(new float[] {x, (float) (y - h)}, 1)[0]) / (2 * h);
            assertThat((double) f.fixedFakeGradDx()[2 * k]).isCloseTo(dx, within(2e-3 + 0.02 * Math.abs(dx)));
            assertThat((double) f.fixedFakeGradDx()[2 * k + 1]).isCloseTo(dy, within(2e-3 + 0.02 * Math.abs(dy)));
        }
        assertThat(f.fixedFakeD()[5]).isCloseTo(d.apply(new float[] {f.fixedFake()[10], f.fixedFake()[11]}, 1)[0], within(1e-6f));
    }

    /**
     * The ring preset learned, measured by the grid JS on 6,000 real atlas rows against G on 6,000 fresh
     * noise vectors (GAN Lab's own 450-against-150 JS cannot go below about 0.32 bits even for two
     * samples of the ring itself; with 6,000 each that floor is 0.012). Runs of the ring preset, seeds
     * 1..8, vector and scalar kernels: 0.45 to 0.85 bits at epoch 0; by epoch 1,500, 7 of 8 seeds are at
     * 0.15 to 0.35 with their best below 0.3, and one (seed 3) has a dead discriminator (every ReLU off,
     * D = 0.5, L_D/2 = 0.675) and stays at 0.69 to 0.78. Seed 4 ends at 0.20 (vector) and 0.18 (scalar);
     * 0.3 separates learned from not learned with margin on both sides.
     */
    @Test
    void theRingIsLearned() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(4));
        assertThat(largeSampleJs(s)).isGreaterThan(0.6);
        s.train(1500);
        assertThat(s.diverged()).isFalse();
        assertThat(largeSampleJs(s)).isLessThan(0.3);
        assertThat(s.frame().spreadRatio()).isBetween(0.7, 1.3);
    }

    private static double largeSampleJs(GanSession s) {
        int n = 6000;
        float[] fake = s.generator().apply(NoiseType.UNIFORM_2D.sample(Rng.seeded(99), n), n);
        return GridDivergence.of(s.realAtlas().head(n), n, fake, n).js();
    }
}
