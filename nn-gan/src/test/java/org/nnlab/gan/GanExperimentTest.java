package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.sweep.Space;
import org.nnlab.sweep.Sweep;
import org.nnlab.sweep.SweepRecord;

/** GAN Lab in a sweep is exactly the session its settings describe. */
class GanExperimentTest {
    @Test
    void settingsChangeTheDatasetsPresetByGanLabsNames() {
        GanConfig c = GanExperiment.config(Map.of("dataset", "ring", "kD", "1", "dLR", "0.03", "gOpt", "Adam"));
        GanConfig expected = GanConfig.preset("ring").withK(1, GanConfig.preset("ring").kG())
                .withLearningRates(0.03, GanConfig.preset("ring").gLearningRate())
                .withOptimizers(GanConfig.preset("ring").dOptimizer(), org.nnlab.nn.OptimizerKind.ADAM);
        assertThat(c).isEqualTo(expected);
        assertThat(GanExperiment.config(Map.of())).isEqualTo(GanConfig.preset("gaussians"));
        assertThatThrownBy(() -> GanExperiment.config(Map.of("kd", "1"))).hasMessageContaining("unknown key \"kd\"");
        assertThatThrownBy(() -> GanExperiment.config(Map.of("dLR", "fast"))).hasMessageContaining("\"dLR\" must be a number, got \"fast\"");
        assertThatThrownBy(() -> Sweep.of("ganlab", Space.parse("dataset={ring|donut}"), List.of(1L), 1,
                Sweep.Objective.of(null))).hasMessageContaining("donut");
    }

    @Test
    void aRunIsTheSessionItsSettingsDescribeReadEveryFewEpochs() {
        Sweep sweep = Sweep.of("ganlab", Space.parse("dataset=ring&kD={1|2}"), List.of(7L), 30,
                new Sweep.Objective(null, Double.NaN, false, 10));
        for (long t = 0; t < 2; t++) {
            SweepRecord r = sweep.run(t);
            GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring").withK((int) t + 1,
                    GanConfig.preset("ring").kG()), Rng.seeded(7));
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            GanSession.EpochLosses last = null;
            for (int e = 1; e <= 30; e++) {
                last = s.epoch();
                if (e % 10 == 0) {
                    double kl = s.frame().kl();
                    if (kl < best) {
                        best = kl;
                        bestEpoch = e;
                    }
                }
            }
            assertThat(r.last()).isEqualTo(s.frame().kl());
            assertThat(r.metrics().get("js")).isEqualTo(s.frame().js());
            assertThat(r.metrics().get("gLoss")).isEqualTo(last.gLoss());
            assertThat(r.best()).isEqualTo(best);
            assertThat(r.bestEpoch()).isEqualTo(bestEpoch);
        }
    }
}
