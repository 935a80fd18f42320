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
    void aSweepCancelledDuringAnAscentStopsThere() throws Exception {
        // a step this small never reaches p > 0.99: each class would ascend for ten million steps
        Sweep sweep = Sweep.of("shapeshop", Space.parse("classes=box,circle&step=1e-12&maxSteps=10000000"),
                List.of(1L, 2L), 1, Sweep.Objective.of(null));
        java.util.List<SweepRecord> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        Throwable[] thrown = {null};
        Thread caller = new Thread(() -> {
            try {
                org.nnlab.sweep.LocalSweep.run(sweep, 2, i -> false, got::add);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        caller.start();
        Thread.sleep(1500);                     // training (1 epoch) is over; the ascents are running
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(InterruptedException.class);
        assertThat(got).isEmpty();
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
