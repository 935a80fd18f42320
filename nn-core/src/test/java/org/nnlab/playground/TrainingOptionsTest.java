package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.nnlab.nn.UpdateRule;
import org.junit.jupiter.api.Test;

/** Momentum, Adam and learning-rate schedules: options beyond Playground that leave its default untouched. */
class TrainingOptionsTest {
    static final List<Feature> X_ONLY = List.of(Feature.X);

    @Test
    void momentumZeroIsSgdUpToRounding() {
        PlaygroundSession sgd = PlaygroundSession.load(PlaygroundState.defaults("11"));
        PlaygroundSession mom = PlaygroundSession.load(PlaygroundState.defaults("11"));
        mom.setUpdateRule(UpdateRule.momentum(0));
        sgd.step(5);
        mom.step(5);
        // momentum 0 runs on the shared engine (float32 parameters): SGD up to float rounding
        assertThat(mom.network().weight(1, 2, 1)).isCloseTo(sgd.network().weight(1, 2, 1), offset(1e-5));
        PlaygroundSession heavy = PlaygroundSession.load(PlaygroundState.defaults("11"));
        heavy.setUpdateRule(UpdateRule.momentum(0.9));
        heavy.step(5);
        assertThat(heavy.network().weight(1, 2, 1)).isNotCloseTo(sgd.network().weight(1, 2, 1), offset(1e-6));
        assertThat(heavy.last().trainLoss()).isLessThan(sgd.last().trainLoss());
    }

    @Test
    void adamFirstStepIsTheLearningRateTimesTheSign() {
        PlaygroundNetwork net = PlaygroundEngineTest.chain(0.3, 0.1, -0.4, 0.2);
        OptionsEngine adam = new OptionsEngine(net, UpdateRule.adam(), 0, null, 1);
        List<Example> one = List.of(new Example(2, 0, 1));
        adam.epoch(PlaygroundEngine.inputs(X_ONLY, one), one, 1, 0.01, Regularization.NONE, 0);
        // out = 0.2 - 0.4·0.7 = -0.08 < 1: dE/dw2 = (out - 1)·0.7 < 0, so w2 grows by lr
        assertThat(net.weight(2, 0, 0)).isCloseTo(-0.4 + 0.01, offset(1e-7));
        assertThat(net.bias(2, 0)).isCloseTo(0.2 + 0.01, offset(1e-7));
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.defaults("4"));
        s.setUpdateRule(UpdateRule.adam());
        s.reset();
        assertThat(s.updateRule()).isEqualTo(UpdateRule.adam());                 // it survives resets
    }

    @Test
    void l1DeadLinksStillDieUnderAdam() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(
                "regularization=L1&regularizationRate=0.3&learningRate=0.1&networkShape=6&seed=12"));
        s.setUpdateRule(UpdateRule.adam());
        s.step(20);
        int dead = 0;
        for (int d = 0; d < 6; d++) {
            for (int src = 0; src < 2; src++) {
                dead += s.network().isDead(1, d, src) ? 1 : 0;
            }
        }
        assertThat(dead).isPositive();
        assertThat(s.diverged()).isFalse();
    }

    @Test
    void dropoutIsReproducibleOffByDefaultAndOnlyInTraining() {
        PlaygroundSession plain = PlaygroundSession.load(PlaygroundState.defaults("21"));
        PlaygroundSession zero = PlaygroundSession.load(PlaygroundState.defaults("21"));
        zero.setDropout(0);
        plain.step(3);
        zero.step(3);
        assertThat(zero.network().weight(2, 1, 3)).isEqualTo(plain.network().weight(2, 1, 3));   // p = 0 is exact

        PlaygroundSession a = PlaygroundSession.load(PlaygroundState.parse("networkShape=8,8&seed=21"));
        PlaygroundSession b = PlaygroundSession.load(PlaygroundState.parse("networkShape=8,8&seed=21"));
        a.setDropout(0.3);
        b.setDropout(0.3);
        a.step(5);
        b.step(5);
        assertThat(a.network().weight(2, 4, 5)).isEqualTo(b.network().weight(2, 4, 5));        // same seed, same masks
        PlaygroundSession c = PlaygroundSession.load(PlaygroundState.parse("networkShape=8,8&seed=21"));
        c.step(5);
        assertThat(a.network().weight(2, 4, 5)).isNotEqualTo(c.network().weight(2, 4, 5));
        // evaluation has no dropout: the reported loss equals a fresh deterministic computation
        assertThat(a.last().trainLoss()).isEqualTo(PlaygroundEngine.loss(a.network(), a.state().inputs(), a.trainData()));
        assertThatThrownBy(() -> a.setDropout(1)).hasMessage("PlaygroundSession.setDropout: p must be in [0, 1), got 1.0");
    }

    @Test
    void schedules() {
        assertThat(LearningRateSchedule.constant().rate(99, 0.03)).isEqualTo(0.03);
        LearningRateSchedule step = LearningRateSchedule.step(10, 0.5);
        assertThat(step.rate(10, 0.1)).isEqualTo(0.1);
        assertThat(step.rate(11, 0.1)).isEqualTo(0.05);
        assertThat(LearningRateSchedule.exponential(0.9).rate(3, 1)).isCloseTo(0.81, offset(1e-15));
        LearningRateSchedule cyc = LearningRateSchedule.cyclical(0.3, 10);
        assertThat(cyc.rate(1, 0.01)).isEqualTo(0.01);
        assertThat(cyc.rate(6, 0.01)).isCloseTo(0.3, offset(1e-15));
        assertThat(cyc.rate(11, 0.01)).isEqualTo(0.01);
        assertThatThrownBy(() -> LearningRateSchedule.step(0, 0.5)).hasMessage("LearningRateSchedule.step: every must be >= 1, got 0");
        assertThatThrownBy(() -> UpdateRule.momentum(1)).hasMessage("UpdateRule: momentum must be in [0, 1), got 1.0");

        List<Integer> asked = new ArrayList<>();
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.defaults("13"));
        s.setLearningRateSchedule((epoch, base) -> {
            asked.add(epoch);
            return epoch < 3 ? base : Double.NaN;
        });
        s.step(5);
        assertThat(asked).containsExactly(1, 2, 3);          // epoch 3's NaN rate diverges the session
        assertThat(s.diverged()).isTrue();
    }
}
