package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Page-load semantics, stepping, divergence, reset and regenerate, and a spiral a good configuration solves. */
class PlaygroundSessionTest {

    @Test
    void loadsDataThenWeightsFromTheSeedLikeThePage() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.defaults("0.12345"));
        assertThat(s.trainData()).hasSize(250);
        assertThat(s.testData()).hasSize(250);
        SeedRandom replay = SeedRandom.of("0.12345");
        List<Example> data = new ArrayList<>(Datasets.circle(replay, 500, 0));
        Datasets.shuffle(data, replay);
        assertThat(s.trainData()).isEqualTo(data.subList(0, 250));
        assertThat(s.network().weight(1, 0, 0)).isEqualTo(replay.nextDouble() - 0.5);
        assertThat(s.history()).hasSize(1);
        assertThat(s.last().epoch()).isZero();
        assertThat(s.last().trainLoss()).isEqualTo(PlaygroundEngine.loss(s.network(), s.state().inputs(), s.trainData()));
    }

    @Test
    void aGoodConfigurationSolvesTheSpiral() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("dataset=spiral&x=true&y=true&xSquared=true"
                + "&ySquared=true&xTimesY=true&sinX=true&sinY=true&networkShape=8,8,8&learningRate=0.03&batchSize=10"
                + "&seed=0.12345"));
        EpochStats last = s.step(300);
        assertThat(last.epoch()).isEqualTo(300);
        assertThat(last.testLoss()).isLessThan(0.05);
        assertThat(s.history()).hasSize(301);
        assertThat(s.diverged()).isFalse();
    }

    @Test
    void stepsUntilAConditionAndRecordsTheRun() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.defaults("0.12345"));
        EpochStats reached = s.stepUntil(st -> st.testLoss() < 0.05, 1000);
        assertThat(reached.testLoss()).isLessThan(0.05);
        assertThat(s.history().get(s.history().size() - 2).testLoss()).isGreaterThanOrEqualTo(0.05);   // stopped at once
        assertThat(s.accuracy()[1]).isGreaterThan(0.95);
        org.nnlab.nn.RunRecord r = s.record();
        assertThat(r.epochs()).isEqualTo(reached.epoch());
        assertThat(r.metrics()).containsKeys("trainLoss", "testLoss", "trainAccuracy", "testAccuracy");
        assertThat(r.toString()).startsWith("RunRecord[playground, epochs=" + reached.epoch() + ", trainLoss=")
                .contains("seed=0.12345", "kernels=" + org.nnlab.core.internal.kernel.Kernels.get().name());
        assertThat(r.toJson()).startsWith("{\"system\":\"playground\",\"config\":\"activation=tanh&")
                .contains("\"seed\":\"0.12345\"", "\"diverged\":false", "\"java\":\"" + Runtime.version());
        assertThat(s.stepUntil(st -> true, 10).epoch()).isEqualTo(reached.epoch());       // already done: no step
    }

    @Test
    void divergenceStopsCleanlyAndIsReported() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(
                "problem=regression&learningRate=10&activation=relu&networkShape=8,8&seed=1"));
        EpochStats stats = s.step(50);
        assertThat(s.diverged()).isTrue();
        int stoppedAt = s.epoch();
        assertThat(stoppedAt).isLessThan(50);
        assertThat(stats.isFinite()).isFalse();
        assertThat(s.step()).isEqualTo(stats);                       // nothing more happens, nothing throws
        assertThat(s.epoch()).isEqualTo(stoppedAt);
        assertThat(s.toString()).contains("diverged");
        assertThat(s.record().diverged()).isTrue();
        assertThat(s.record().toJson()).contains("\"trainLoss\":null");
        s.reset();
        assertThat(s.diverged()).isFalse();
    }

    @Test
    void batchSizeZeroNeverUpdates() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("batchSize=0&seed=2"));
        double w = s.network().weight(1, 0, 0);
        s.step(3);
        assertThat(s.network().weight(1, 0, 0)).isEqualTo(w);
        assertThat(s.last().trainLoss()).isEqualTo(s.history().get(0).trainLoss());
    }

    @Test
    void learningRateAndRegularizationChangeWithoutAReset() {
        PlaygroundSession a = PlaygroundSession.load(PlaygroundState.defaults("3"));
        PlaygroundSession b = PlaygroundSession.load(PlaygroundState.defaults("3"));
        a.step(2);
        b.step(2);
        b.setLearningRate(0.3);
        b.setRegularization(Regularization.L2, 0.01);
        a.step();
        b.step();
        assertThat(b.epoch()).isEqualTo(3);
        assertThat(b.network().weight(1, 0, 0)).isNotEqualTo(a.network().weight(1, 0, 0));
        assertThat(b.state().toHash()).contains("learningRate=0.3", "regularization=L2", "regularizationRate=0.01");
    }

    @Test
    void resetKeepsDataAndRegenerateKeepsWeights() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.defaults("4"));
        List<Example> train = s.trainData();
        double w = s.network().weight(1, 0, 0);
        s.step(2);
        s.reset();
        assertThat(s.trainData()).isEqualTo(train);
        assertThat(s.epoch()).isZero();
        assertThat(s.network().weight(1, 0, 0)).isNotEqualTo(w);    // new draws from the same stream
        double kept = s.network().weight(1, 0, 0);
        s.regenerate();
        assertThat(s.state().seed()).matches("0\\.\\d{5}").isNotEqualTo("4");
        assertThat(s.trainData()).isNotEqualTo(train);
        assertThat(s.network().weight(1, 0, 0)).isEqualTo(kept);
    }

    @Test
    void badStatesAreRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.defaults("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PlaygroundSession: the state has no seed; give one with state.withSeed(...)");
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.parse("networkShape=4,Infinity&seed=1")))
                .hasMessage("PlaygroundSession: networkShape[1] must be finite, got Infinity");
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.parse("networkShape=100000,100000&seed=1")))
                .hasMessage("PlaygroundSession: networkShape [100000.0, 100000.0] needs more than 50000000 links or neurons");
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.parse("percTrainData=0&seed=1")))
                .hasMessage("PlaygroundSession: percTrainData 0 leaves none of the 500 points for training; it must be in "
                        + "(0, 100]");
        // Playground's own edge cases load: no hidden layer, a 0-node layer, no feature at all
        assertThat(PlaygroundSession.load(PlaygroundState.parse("networkShape=&seed=1")).network().layers()).isEqualTo(1);
        assertThat(PlaygroundSession.load(PlaygroundState.parse("networkShape=3,0,2&seed=1")).step().epoch()).isEqualTo(1);
        assertThat(PlaygroundSession.load(PlaygroundState.parse("x=false&y=false&seed=1")).step().isFinite()).isTrue();
    }
}
