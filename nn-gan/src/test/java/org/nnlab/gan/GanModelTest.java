package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Gradients;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.check.GradCheck;
import org.nnlab.nn.OptimizerKind;
import org.nnlab.nn.dense.DenseStack;

/**
 * The model against the spec: distribution moments from their formulas, noise supports, both losses on
 * hand-computed cases, the fused gradients against GradCheck-verified autodiff, one network's step
 * leaving the other alone, Adam's first step in closed form, and the session's contracts.
 */
class GanModelTest {
    private static double[] moments(float[] xy) {
        int n = xy.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xy[2 * i];
            my += xy[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double vx = 0;
        double vy = 0;
        double cxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - mx;
            double dy = xy[2 * i + 1] - my;
            vx += dx * dx;
            vy += dy * dy;
            cxy += dx * dy;
        }
        return new double[] {mx, my, vx / n, vy / n, cxy / n};
    }

    @Test
    void distributionsHaveTheirFormulasMoments() {
        int n = 200_000;
        // line: x = 0.8 - 0.75r + 0.01n, y = 0.6 + 0.3r + 0.01n: means 0.425, 0.75; var 0.75²/12 + 1e-4 ...
        double[] line = moments(RealData.line().sample(Rng.seeded(1), n));
        assertThat(line[0]).isCloseTo(0.425, within(0.003));
        assertThat(line[1]).isCloseTo(0.75, within(0.002));
        assertThat(line[2]).isCloseTo(0.75 * 0.75 / 12 + 1e-4, within(0.001));
        assertThat(line[3]).isCloseTo(0.3 * 0.3 / 12 + 1e-4, within(0.0005));
        assertThat(line[4]).isCloseTo(-0.75 * 0.3 / 12, within(0.0005));
        // gaussians: equal mixture of (0.3, 0.7) σ 0.1 and (0.7, 0.4) σ (0.05, 0.2)
        double[] g = moments(RealData.gaussians().sample(Rng.seeded(2), n));
        assertThat(g[0]).isCloseTo(0.5, within(0.003));
        assertThat(g[1]).isCloseTo(0.55, within(0.003));
        assertThat(g[2]).isCloseTo(0.5 * (0.01 + 0.09) + 0.5 * (0.0025 + 0.49) - 0.25, within(0.001));
        assertThat(g[3]).isCloseTo(0.5 * (0.01 + 0.49) + 0.5 * (0.04 + 0.16) - 0.55 * 0.55, within(0.001));
        // ring: centre (0.5, 0.45), semi-axes 0.3 and 0.25, jitter 0.025
        double[] ring = moments(RealData.ring().sample(Rng.seeded(3), n));
        assertThat(ring[0]).isCloseTo(0.5, within(0.002));
        assertThat(ring[1]).isCloseTo(0.45, within(0.002));
        assertThat(ring[2]).isCloseTo(0.09 / 2 + 0.025 * 0.025, within(0.0005));
        assertThat(ring[3]).isCloseTo(0.0625 / 2 + 0.025 * 0.025, within(0.0005));
        // disjoint: three centres with weights .333/.333/.334
        double[] d = moments(RealData.disjoint().sample(Rng.seeded(4), n));
        assertThat(d[0]).isCloseTo(0.333 * 0.35 + 0.333 * 0.75 + 0.334 * 0.45, within(0.003));
        assertThat(d[1]).isCloseTo(0.333 * 0.75 + 0.333 * 0.6 + 0.334 * 0.35, within(0.003));
        // a drawing: stroke points plus σ 0.02
        double[] drawn = moments(RealData.drawing(new double[] {0.2, 0.8}, new double[] {0.5, 0.5}).sample(Rng.seeded(5), n));
        assertThat(drawn[0]).isCloseTo(0.5, within(0.003));
        assertThat(drawn[2]).isCloseTo(0.09 + 0.0004, within(0.001));
        assertThat(drawn[3]).isCloseTo(0.0004, within(0.00002));
    }

    @Test
    void noiseStaysInItsSupport() {
        float[] u = NoiseType.UNIFORM_2D.sample(Rng.seeded(6), 100_000);
        float[] gauss = NoiseType.GAUSSIAN_1D.sample(Rng.seeded(7), 200_000);
        for (float v : u) {
            assertThat(v).isBetween(0f, 1f).isNotEqualTo(1f);
        }
        double mean = 0;
        double var = 0;
        for (float v : gauss) {
            assertThat(v).isBetween(0f, 1f);
            mean += v;
        }
        mean /= gauss.length;
        for (float v : gauss) {
            var += (v - mean) * (v - mean);
        }
        // a normal truncated at ±2σ: variance σ²(1 - 2·2φ(2)/(2Φ(2) - 1)) = 0.0625 · 0.773741
        assertThat(mean).isCloseTo(0.5, within(0.002));
        assertThat(Math.sqrt(var / gauss.length)).isCloseTo(0.25 * Math.sqrt(0.773741), within(0.002));
    }

    private static float[] logits(float[] p) {
        float[] z = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            z[i] = (float) Math.log(p[i] / (1 - p[i]));
        }
        return z;
    }

    @Test
    void lossesOnHandComputedCases() {
        float[] real = {0.8f, 0.6f};
        float[] fake = {0.3f, 0.1f};
        float[] rd = new float[2];
        float[] fd = new float[2];
        double log = GanLoss.LOG.discriminator(real, fake, logits(real), logits(fake), 2, rd, fd);
        double expected = -(0.95 * (Math.log(0.8) + Math.log(0.6)) / 2 + (Math.log(0.7) + Math.log(0.9)) / 2);
        assertThat(log).isCloseTo(expected, within(1e-6));
        assertThat(rd[0]).isCloseTo((float) (-0.95 * 0.2 / 2), within(1e-6f));
        assertThat(fd[1]).isCloseTo(0.05f, within(1e-6f));
        double ls = GanLoss.LEAST_SQUARES.discriminator(real, fake, logits(real), logits(fake), 2, rd, fd);
        assertThat(ls).isCloseTo((0.04 + 0.16) / 2 + (0.09 + 0.01) / 2, within(1e-6));
        assertThat(GanLoss.LOG.generator(fake, logits(fake), 2, fd)).isCloseTo(-(Math.log(0.3) + Math.log(0.1)) / 2,
                within(1e-6));
        assertThat(GanLoss.LEAST_SQUARES.generator(fake, logits(fake), 2, fd)).isCloseTo((0.49 + 0.81) / 2, within(1e-6));
    }

    /** Logits of ±1000: GAN Lab's ln of a float32 sigmoid gives infinity; the stable form stays finite. */
    @Test
    void theLogLossStaysFiniteForSaturatedLogits() {
        float[] z = {1000f, -1000f};
        float[] p = {1f, 0f};                                              // σ(±1000) in float32
        float[] rd = new float[2];
        float[] fd = new float[2];
        double d = GanLoss.LOG.discriminator(p, p, z, z, 2, rd, fd);
        // real term: -0.95·[ln σ(1000) + ln σ(-1000)]/2 = 0.95·1000/2; fake: -[ln(1-σ(1000)) + ln(1-σ(-1000))]/2 = 500
        assertThat(d).isFinite().isCloseTo(0.95 * 500 + 500, within(1e-6));
        assertThat(GanLoss.LOG.generator(p, z, 2, fd)).isFinite().isCloseTo(500, within(1e-6));
        for (float v : rd) {
            assertThat(v).isFinite();
        }
    }

    /** D's loss built from tensor ops, for GradCheck and as the oracle of the fused gradients. */
    private static Tensor dLoss(GanLoss loss, Tensor real, Tensor fake, Tensor... p) {
        Tensor pr = net(real, false, p);
        Tensor pf = net(fake, false, p);
        if (loss == GanLoss.LOG) {
            return pr.log().mean().mul(0.95f).add(pf.neg().add(1).log().mean()).neg();
        }
        return pr.sub(1).square().mean().add(pf.square().mean());
    }

    private static Tensor net(Tensor x, boolean tanh, Tensor... p) {
        Tensor h = x;
        for (int l = 0; l < p.length; l += 2) {
            h = h.matmul(p[l]).add(p[l + 1]);
            h = l + 2 < p.length ? h.relu() : tanh ? h.tanh() : h.sigmoid();
        }
        return h;
    }

    private static Tensor[] layers(DenseStack net, boolean trainable) {
        List<Tensor> out = new ArrayList<>();
        float[] w = net.parameters();
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.size(l - 1);
            int o = net.size(l);
            Tensor W = Tensor.of(java.util.Arrays.copyOfRange(w, net.weightOffset(l), net.weightOffset(l) + in * o), in, o);
            Tensor b = Tensor.of(java.util.Arrays.copyOfRange(w, net.biasOffset(l), net.biasOffset(l) + o), o);
            out.add(trainable ? W.trainable() : W);
            out.add(trainable ? b.trainable() : b);
        }
        return out.toArray(new Tensor[0]);
    }

    @Test
    void discriminatorGradientsMatchGradCheckedAutodiff() {
        for (GanLoss loss : GanLoss.values()) {
            GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults().withLoss(loss), Rng.seeded(11));
            randomize(s.discriminator(), 21);
            Tensor[] before = layers(s.discriminator(), true);
            StepTrace trace = s.stepDiscriminator();
            int n = GanConfig.BATCH;
            Tensor real = trace.phase(StepTrace.Phase.SAMPLES).get("real");
            Tensor fake = trace.phase(StepTrace.Phase.SAMPLES).get("fake");
            // GradCheck the tensor formulation on 16 rows of each (among 300, some ReLU input always sits
            // within a finite-difference step of its kink), then hold the fused gradients to it on all
            Tensor realFew = rows(real, 16);
            Tensor fakeFew = rows(fake, 16);
            GradCheck.of(p -> dLoss(loss, realFew, fakeFew, p), before).epsilon(3e-3).check().assertPassed();
            Gradients g = dLoss(loss, real, fake, before).gradients(before);
            StepTrace.Step grads = trace.phase(StepTrace.Phase.GRADIENTS);
            for (int l = 0; l < before.length / 2; l++) {
                assertClose(grads.get("W" + (l + 1)).toArray(), g.get(before[2 * l]).toArray(), loss + " W" + (l + 1));
                assertClose(grads.get("b" + (l + 1)).toArray(), g.get(before[2 * l + 1]).toArray(), loss + " b" + (l + 1));
            }
            assertThat(trace.loss()).isCloseTo(dLoss(loss, real, fake, before).item(), within(1e-4));
            assertThat(n).isEqualTo(real.shape().dims()[0]);
        }
    }

    @Test
    void generatorGradientsMatchGradCheckedAutodiffThroughTheDiscriminator() {
        for (GanLoss loss : GanLoss.values()) {
            GanSession s = GanSession.create(RealData.gaussians(), GanConfig.defaults().withLoss(loss), Rng.seeded(12));
            randomize(s.generator(), 22);
            randomize(s.discriminator(), 23);
            Tensor[] gBefore = layers(s.generator(), true);
            Tensor[] d = layers(s.discriminator(), false);
            StepTrace trace = s.stepGenerator();
            Tensor z = trace.phase(StepTrace.Phase.SAMPLES).get("noise");
            GradCheck.Fn gLoss = p -> {
                Tensor pf = net(net(z, true, p), false, d);
                return loss == GanLoss.LOG ? pf.log().mean().neg() : pf.sub(1).square().mean();
            };
            Tensor zFew = rows(z, 16);
            GradCheck.of(p -> {
                Tensor pf = net(net(zFew, true, p), false, d);
                return loss == GanLoss.LOG ? pf.log().mean().neg() : pf.sub(1).square().mean();
            }, gBefore).epsilon(3e-3).check().assertPassed();
            Gradients g = gLoss.apply(gBefore).gradients(gBefore);
            StepTrace.Step grads = trace.phase(StepTrace.Phase.GRADIENTS);
            for (int l = 0; l < gBefore.length / 2; l++) {
                assertClose(grads.get("W" + (l + 1)).toArray(), g.get(gBefore[2 * l]).toArray(), loss + " G W" + (l + 1));
                assertClose(grads.get("b" + (l + 1)).toArray(), g.get(gBefore[2 * l + 1]).toArray(), loss + " G b" + (l + 1));
            }
        }
    }

    /**
     * Gives every parameter a N(0, 0.5²) value: at GAN Lab's initialisation the biases are 0, so a row whose
     * first-layer ReLUs are all off puts every second-layer input exactly on its kink, where finite
     * differences mean nothing.
     */
    private static void randomize(DenseStack net, long seed) {
        Rng rng = Rng.seeded(seed);
        float[] p = new float[net.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (0.5 * rng.nextGaussian());
        }
        net.setParameters(p);
    }

    private static Tensor rows(Tensor t, int n) {
        int cols = t.shape().dims()[1];
        return Tensor.of(java.util.Arrays.copyOf(t.toArray(), n * cols), n, cols);
    }

    private static void assertClose(float[] fused, float[] autodiff, String what) {
        double scale = 1e-6;
        for (float v : autodiff) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < fused.length; i++) {
            assertThat((double) fused[i]).as("%s[%d]", what, i).isCloseTo(autodiff[i], within(2e-4 * scale));
        }
    }

    @Test
    void aDiscriminatorStepLeavesTheGeneratorAloneAndViceVersa() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(13));
        float[] g0 = s.generator().parameters();
        float[] d0 = s.discriminator().parameters();
        s.stepDiscriminator();
        assertThat(s.generator().parameters()).containsExactly(g0);
        assertThat(s.discriminator().parameters()).isNotEqualTo(d0);
        float[] d1 = s.discriminator().parameters();
        s.stepGenerator();
        assertThat(s.discriminator().parameters()).containsExactly(d1);
        assertThat(s.generator().parameters()).isNotEqualTo(g0);
        assertThat(s.epochCount()).isEqualTo(2);
    }

    @Test
    void anEpochIsKdThenKgUpdatesOnConsecutiveBatches() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(14));   // kD 3, kG 1
        GanSession.EpochLosses e = s.epoch();
        assertThat(e.dSteps()).hasSize(3);
        assertThat(e.gSteps()).hasSize(1);
        assertThat(e.displayedDLoss()).isEqualTo(e.dSteps()[2] / 2);
        assertThat(s.realAtlas().taken()).isEqualTo(3);
        assertThat(s.noiseAtlas().taken()).isEqualTo(4);                  // one shared noise counter
        // the next D step's real batch is rows 450..599
        StepTrace t = s.stepDiscriminator();
        float[] real = t.phase(StepTrace.Phase.SAMPLES).get("real").toArray();
        assertThat(real[0]).isEqualTo(s.realAtlas().get(450, 0));
        assertThat(real[2 * 149 + 1]).isEqualTo(s.realAtlas().get(599, 1));
    }

    @Test
    void theSameSeedGivesBitwiseTheSameRun() {
        GanSession a = GanSession.create(RealData.disjoint(), GanConfig.preset("disjoint"), Rng.seeded(15));
        GanSession b = GanSession.create(RealData.disjoint(), GanConfig.preset("disjoint"), Rng.seeded(15));
        a.train(50);
        b.train(50);
        assertThat(a.weightsJson()).isEqualTo(b.weightsJson());
        assertThat(a.frame().heatmapD()).containsExactly(b.frame().heatmapD());
    }

    @Test
    void adamsFirstStepMovesEachWeightByAboutTheLearningRate() {
        float[] w = {1f, -2f, 3f};
        float[] g = {0.5f, -0.001f, 4f};
        org.nnlab.nn.AbstractOptimizer adam = GanConfig.defaults().withOptimizers(OptimizerKind.ADAM, OptimizerKind.ADAM).dRule()
                .create(3, 0.01);
        adam.step(w, g);
        // m̂ = g and v̂ = g² after one step, so w -= lr · g / (|g| + ε)
        assertThat(w[0]).isCloseTo(1f - 0.01f, within(1e-6f));
        assertThat(w[1]).isCloseTo(-2f + 0.01f, within(1e-5f));
        assertThat(w[2]).isCloseTo(3f - 0.01f, within(1e-6f));
    }

    @Test
    void hyperparametersChangeLiveAndStructureResets() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(16));
        s.train(10);
        float[] g = s.generator().parameters();
        assertThat(s.apply(s.config().withLearningRates(0.01, 0.01).withOptimizers(OptimizerKind.ADAM, OptimizerKind.SGD)
                .withLoss(GanLoss.LEAST_SQUARES).withK(1, 2))).isFalse();
        assertThat(s.generator().parameters()).containsExactly(g);
        assertThat(s.epochCount()).isEqualTo(10);
        assertThat(s.epoch().gSteps()).hasSize(2);
        assertThat(s.apply(s.config().withNetworks(0, 4, 0, 4))).isTrue();
        assertThat(s.epochCount()).isZero();
        assertThat(s.generator().layers()).isEqualTo(2);
    }

    @Test
    void divergenceIsAFlagNotACrash() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults().withLearningRates(1e6, 1e6), Rng.seeded(17));
        for (int i = 0; i < 200 && !s.diverged(); i++) {
            s.epoch();
        }
        assertThat(s.diverged()).isTrue();
        GanFrame f = s.frame();                                            // still computes, NaNs and all
        assertThat(f.heatmapD()).hasSize(900);
    }

    @Test
    void configJsonUsesGanLabsNamesAndRejectsUnknownKeys() {
        GanConfig c = GanConfig.fromJson("{\"noiseSize\": 1, \"noiseType\": \"Gaussian\", \"gLayers\": 2, \"dNeurons\": 5,"
                + " \"dLR\": 0.03, \"gOpt\": \"Adam\", \"loss\": \"LeastSq loss\", \"kD\": 3, \"beta1\": 0.5}");
        assertThat(c.noise()).isEqualTo(NoiseType.GAUSSIAN_1D);
        assertThat(c.gLayers()).isEqualTo(2);
        assertThat(c.dNeurons()).isEqualTo(5);
        assertThat(c.dLearningRate()).isEqualTo(0.03);
        assertThat(c.gOptimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(c.loss()).isEqualTo(GanLoss.LEAST_SQUARES);
        assertThat(c.kD()).isEqualTo(3);
        assertThat(c.beta1()).isEqualTo(0.5);
        assertThat(GanConfig.fromJson(c.toJson())).isEqualTo(c);
        assertThatThrownBy(() -> GanConfig.fromJson("{\"dlr\": 0.1}")).hasMessageContaining("unknown key \"dlr\"");
        assertThatThrownBy(() -> GanConfig.fromJson("{\"kD\": 1.5}")).hasMessageContaining("\"kD\" must be an integer");
    }

    @Test
    void csvPointsNameTheirBadLine() throws IOException {
        RealData ok = RealData.csv(new StringReader("x,y\n0.1,0.2\n# note\n0.3, 0.4\n"), "mine.csv");
        float[] s = ok.sample(Rng.seeded(18), 1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(s[2 * i]).isIn(0.1f, 0.3f);
        }
        assertThatThrownBy(() -> RealData.csv(new StringReader("0.1,0.2\n0.3,abc\n"), "mine.csv"))
                .hasMessageContaining("mine.csv line 2").hasMessageContaining("0.3,abc");
    }

    @Test
    void weightsRoundTripThroughJsonInTheLayerMajorLayout() {
        GanSession a = GanSession.create(RealData.line(), GanConfig.preset("line"), Rng.seeded(19));
        a.train(5);
        GanSession b = GanSession.create(RealData.line(), GanConfig.preset("line"), Rng.seeded(20));
        b.loadWeightsJson(a.weightsJson());
        assertThat(b.generator().parameters()).containsExactly(a.generator().parameters());
        // layer-major: G's first weight matrix is [2, 5], row-major, at the start
        DenseStack g = a.generator();
        float[] p = g.parameters();
        float[] out = g.apply(new float[] {1, 0}, 1);
        assertThat(g.weightOffset(1)).isZero();
        assertThat(g.biasOffset(1)).isEqualTo(2 * 5);
        assertThat(out).hasSize(2);
        assertThat(p).hasSize(g.parameterCount());
        assertThatThrownBy(() -> b.loadWeightsJson("{\"g\": [1, 2], \"d\": []}"))
                .hasMessageContaining("\"g\" has 2 values");
    }

    @Test
    void onlyGanLabsTwoOptimizersAreAccepted() {
        assertThat(GanConfig.fromJson("{\"dOpt\": \"adam\"}").dOptimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThatThrownBy(() -> GanConfig.fromJson("{\"gOpt\": \"rmsprop\"}"))
                .hasMessage("GanConfig: gOpt must be \"SGD\" or \"Adam\", got \"rmsprop\"");
        assertThatThrownBy(() -> GanConfig.fromJson("{\"dOpt\": \"Momentum\"}"))
                .hasMessage("GanConfig: dOpt must be \"SGD\" or \"Adam\", got \"Momentum\"");
        assertThatThrownBy(() -> GanConfig.defaults().withOptimizers(OptimizerKind.ADADELTA, OptimizerKind.SGD))
                .hasMessage("GanConfig: dOpt must be \"SGD\" or \"Adam\", got \"Adadelta\"");
    }
}
