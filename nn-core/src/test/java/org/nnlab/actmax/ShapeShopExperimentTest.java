package org.nnlab.actmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nnlab.sweep.Space;
import org.nnlab.sweep.Sweep;
import org.nnlab.sweep.SweepRecord;

/** ShapeShop in a sweep is exactly the round its settings describe. */
class ShapeShopExperimentTest {
    @Test
    void aRunIsTheRoundItsSettingsDescribe() {
        Sweep sweep = Sweep.of("shapeshop", Space.parse("classes=box,circle&model={mlp|cnn}&step=0.01&maxSteps=300"),
                List.of(5L), 2, Sweep.Objective.of(null));
        for (long t = 0; t < 2; t++) {
            SweepRecord r = sweep.run(t);
            ShapeShop.Round round = ShapeShop.run(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.CIRCLE),
                    t == 0 ? Architecture.MLP : Architecture.CNN, 2, InitialImage.ZEROS, 0.01, 5, 300));
            double r0 = round.classes().get(0).r();
            double r1 = round.classes().get(1).r();
            assertThat(r.metric()).isEqualTo("meanR");
            assertThat(r.last()).isEqualTo((r0 + r1) / 2);
            assertThat(r.metrics().get("minR")).isEqualTo(Math.min(r0, r1));
            assertThat(r.metrics().get("validationAccuracy")).isEqualTo(round.training().validationAccuracy());
            double[] losses = round.training().epochLosses();
            assertThat(r.metrics().get("trainLoss")).isEqualTo(losses[losses.length - 1]);
            assertThat(r.epochs()).isEqualTo(2);
        }
    }

    @Test
    void badSettingsAreRefusedBeforeAnyRun() {
        assertThatThrownBy(() -> ShapeShopExperiment.config(Map.of("classes", "box,blob"), 1, 1)).hasMessageContaining("blob");
        assertThatThrownBy(() -> ShapeShopExperiment.config(Map.of("modle", "cnn"), 1, 1))
                .hasMessageContaining("unknown key 'modle'");
        assertThatThrownBy(() -> ShapeShopExperiment.config(Map.of("step", "fast"), 1, 1))
                .hasMessageContaining("step must be a number, got 'fast'");
        assertThatThrownBy(() -> ShapeShopExperiment.config(Map.of("maxSteps", "2.5"), 1, 1))
                .hasMessageContaining("maxSteps must be an integer");
        assertThatThrownBy(() -> Sweep.of("shapeshop", Space.parse("model={mlp|rnn}"), List.of(1L), 1,
                Sweep.Objective.of(null))).hasMessageContaining("rnn");
    }
}
