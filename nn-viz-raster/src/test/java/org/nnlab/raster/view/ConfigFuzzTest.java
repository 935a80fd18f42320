package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanLoss;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.NoiseType;
import org.nnlab.gan.RealData;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.Figure;
import org.nnlab.nn.OptimizerKind;

/**
 * "You can't break it": seeded fuzzing of Playground, GAN Lab and ShapeShop configurations across and
 * beyond their valid ranges. Each configuration either fails validation up front, with an
 * IllegalArgumentException naming the parameter, or trains a few steps and renders; a run that goes
 * NaN or infinite is flagged as diverged and drawn, never thrown.
 */
class ConfigFuzzTest {
    private static String pick(Rng rng, String... options) {
        return options[rng.nextInt(options.length)];
    }

    /** A Playground hash across and beyond the page's ranges. */
    static String playgroundHash(Rng rng) {
        StringBuilder h = new StringBuilder();
        h.append("activation=").append(pick(rng, "relu", "tanh", "sigmoid", "linear", "leakyRelu", "elu", "swish", "sine",
                "bogus"));
        h.append("&learningRate=").append(pick(rng, "0", "0.00001", "0.001", "0.03", "0.3", "1", "3", "10", "-1", "abc",
                "1e6", "Infinity"));
        h.append("&regularization=").append(pick(rng, "none", "L1", "L2", "L3"));
        h.append("&regularizationRate=").append(pick(rng, "0", "0.001", "0.1", "1", "10", "NaN"));
        h.append("&noise=").append(pick(rng, "0", "5", "25", "50", "100", "-5"));
        h.append("&batchSize=").append(pick(rng, "1", "2", "10", "30", "500", "10000", "0", "-1", "2.5"));
        h.append("&percTrainData=").append(pick(rng, "1", "10", "50", "90", "100", "0", "150"));
        h.append("&dataset=").append(pick(rng, "circle", "xor", "gauss", "spiral", "moons"));
        h.append("&regDataset=").append(pick(rng, "reg-plane", "reg-gauss"));
        h.append("&problem=").append(pick(rng, "classification", "classification", "regression"));
        int layers = rng.nextInt(11);
        StringBuilder shape = new StringBuilder();
        for (int l = 0; l < layers; l++) {
            shape.append(l == 0 ? "" : ",").append(rng.nextInt(20) == 0
                    ? pick(rng, "1e9", "-3", "2.5", "x", "Infinity", "100") : Integer.toString(rng.nextInt(9)));
        }
        h.append("&networkShape=").append(shape);
        for (String f : new String[] {"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"}) {
            h.append('&').append(f).append('=').append(rng.nextInt(3) == 0);
        }
        h.append("&discretize=").append((rng.nextInt(2) == 0));
        h.append("&initZero=").append(rng.nextInt(10) == 0);
        h.append("&seed=").append(rng.nextInt(15) == 0 ? "" : String.format(Locale.ROOT, "%.5f", rng.nextDouble()));
        return h.toString();
    }

    private static void assertNamed(IllegalArgumentException e, String... names) {
        String m = String.valueOf(e.getMessage());
        assertThat(names).as("message names the parameter: %s", m).anyMatch(m::contains);
        assertThat(m).as("message says what is wrong").containsAnyOf("must", "needs", "got", "unknown", "expected", "has no");
    }

    @Test
    void playgroundConfigurations() {
        Rng rng = Rng.seeded(20261122);
        int tried = 1500;
        int refused = 0;
        int diverged = 0;
        int rendered = 0;
        for (int i = 0; i < tried; i++) {
            String hash = playgroundHash(rng);
            PlaygroundState state = PlaygroundState.parse(hash);                    // parsing never throws
            PlaygroundSession s;
            try {
                s = PlaygroundSession.load(state);
            } catch (IllegalArgumentException e) {
                refused++;
                assertNamed(e, "seed", "networkShape", "batchSize", "learningRate", "noise", "percTrainData",
                        "regularizationRate", "features", "training set");
                continue;
            }
            EpochStats last = s.step(2);
            // a non-finite loss is divergence, except the test loss of an empty test set (percTrainData >= 100),
            // which is 0/0 as in Playground
            if (!Double.isFinite(last.trainLoss()) || (!Double.isFinite(last.testLoss()) && !s.testData().isEmpty())) {
                assertThat(s.diverged()).as("%s: non-finite loss must be flagged", hash).isTrue();
            }
            diverged += s.diverged() ? 1 : 0;
            long links = 0;
            for (int l = 1; l < s.network().layers() + 1; l++) {
                links += (long) s.network().size(l) * s.network().size(l - 1);
            }
            if (i % 5 == 0 && links <= 400) {
                Figure f = PlaygroundView.output(s, 50);
                assertThat(f.width()).isEqualTo(50);
                rendered++;
            }
        }
        System.out.printf("playground fuzz: %d configurations, %d refused up front, %d diverged, %d rendered%n", tried,
                refused, diverged, rendered);
        assertThat(refused).isPositive().isLessThan(tried);
    }

    @Test
    void ganConfigurations() {
        Rng rng = Rng.seeded(7);
        int tried = 400;
        int refused = 0;
        int diverged = 0;
        for (int i = 0; i < tried; i++) {
            NoiseType noise = NoiseType.values()[rng.nextInt(4)];
            int gl = rng.nextInt(12) - 1;
            int dl = rng.nextInt(12) - 1;
            int gn = rng.nextInt(20) == 0 ? 0 : 1 + rng.nextInt((rng.nextInt(2) == 0) ? 12 : 64);
            int dn = rng.nextInt(20) == 0 ? 0 : 1 + rng.nextInt((rng.nextInt(2) == 0) ? 12 : 64);
            double[] rates = {0.001, 0.01, 0.1, 1, 3, 10, 0, -0.1};
            double dlr = rates[rng.nextInt(rates.length)];
            double glr = rates[rng.nextInt(rates.length)];
            int kd = rng.nextInt(12) - 1;
            int kg = rng.nextInt(12) - 1;
            int batch = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(300);
            GanConfig config;
            try {
                config = new GanConfig(noise, gl, gn, dl, dn, dlr, glr, OptimizerKind.values()[rng.nextInt(2)],
                        OptimizerKind.values()[rng.nextInt(2)], GanLoss.values()[rng.nextInt(2)], kd, kg, batch, 0.9, 0.999,
                        1e-8);
            } catch (IllegalArgumentException e) {
                refused++;
                assertNamed(e, "gLayers", "dLayers", "gNeurons", "dNeurons", "LearningRate", "kD", "kG", "batch");
                continue;
            }
            RealData data = List.of(RealData.line(), RealData.gaussians(), RealData.ring(), RealData.disjoint())
                    .get(rng.nextInt(4));
            GanSession s = GanSession.create(data, config, rng.split());
            s.train(3);
            GanFrame f = s.frame();
            assertThat(f.heatmapD()).hasSize(900);
            diverged += s.diverged() ? 1 : 0;
            if (i % 10 == 0) {
                assertThat(GanLabView.distributions(f, config.noise(), 100, GanLabView.Part.all()).width()).isEqualTo(100);
            }
        }
        System.out.printf("gan fuzz: %d configurations, %d refused up front, %d diverged%n", tried, refused, diverged);
        assertThat(refused).isPositive().isLessThan(tried);
    }

    @Test
    void shapeShopConfigurations() {
        Rng rng = Rng.seeded(11);
        int tried = 60;
        int refused = 0;
        int notReached = 0;
        for (int i = 0; i < tried; i++) {
            List<ShapeClass> classes = new ArrayList<>();
            for (ShapeClass c : ShapeClass.values()) {
                if (rng.nextInt(4) == 0) {
                    classes.add(c);
                }
            }
            double[] steps = {0.001, 0.005, 0.01, 1, 10, 0, -0.01};
            ShapeShop.Config config;
            try {
                config = new ShapeShop.Config(classes, Architecture.MLP, rng.nextInt(4),
                        InitialImage.values()[rng.nextInt(4)], steps[rng.nextInt(steps.length)], rng.nextLong(),
                        1 + rng.nextInt(60));
            } catch (IllegalArgumentException e) {
                refused++;
                assertNamed(e, "classes", "epochs", "step", "maxSteps");
                continue;
            }
            ShapeShop.Round round = ShapeShop.run(config);
            for (ShapeShop.ClassResult c : round.classes()) {
                assertThat(Double.isNaN(c.r()) || (c.r() >= 0 && c.r() <= 1)).isTrue();
                notReached += c.reached() ? 0 : 1;
            }
            assertThat(ShapeShopView.row(round, i, 0.5).width()).isPositive();
        }
        System.out.printf("shapeshop fuzz: %d configurations, %d refused up front, %d classes not reached%n", tried,
                refused, notReached);
        assertThat(refused).isPositive().isLessThan(tried);
    }
}
