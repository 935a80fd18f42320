package org.nnlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nnlab.playground.Heatmaps;
import org.nnlab.nn.dense.NeuronGrids;
import org.nnlab.playground.PlaygroundEngine;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Playground's three costs, for its default (circle, tanh, [4,2], x and y, batch 10) and for the spiral
 * with 6 hidden layers of 8, tanh, all 7 features, batch 10: one training epoch (250 examples; divide
 * for examples per second), one heatmap frame (every neuron on the 100x100 grid), and a full frame (an
 * epoch, both losses and every heatmap, as one animation frame of the page). {@code benchmarks.jar peers} times
 * Playground's own training on the same configurations ({@code playground-nn.js}, written by
 * {@link PlaygroundPeerConfig}); its heatmap frame takes about 9 / 80 ms (spec 15).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PlaygroundBenchmark {
    /** The configurations, as {@link #CONFIGS}. */
    @Param({"default", "spiral6x8"})
    public String config;

    /** The configurations' names. */
    static final List<String> CONFIGS = List.of("default", "spiral6x8");

    /** The URL state of a configuration: Playground's default, or the spiral with 6 layers of 8 and every feature. */
    static String hash(String config) {
        return switch (config) {
            case "default" -> "seed=0.12345";
            case "spiral6x8" -> "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true"
                    + "&xTimesY=true&sinX=true&sinY=true&batchSize=10&seed=0.12345";
            default -> throw new IllegalArgumentException("PlaygroundBenchmark: unknown config '" + config
                    + "'; valid: " + CONFIGS);
        };
    }

    private PlaygroundSession session;
    private double[][] trainInputs;

    /** A fresh session per iteration, so training does not wander off into divergence or saturation. */
    @Setup(Level.Iteration)
    public void setUp() {
        BenchKernels.vector();
        session = PlaygroundSession.load(PlaygroundState.parse(hash(config)));
        trainInputs = PlaygroundEngine.inputs(session.state().inputs(), session.trainData());
    }

    /** One epoch over the 250 training examples, no losses. */
    @Benchmark
    public Object trainingEpoch() {
        PlaygroundState s = session.state();
        PlaygroundEngine.epoch(session.network(), trainInputs, session.trainData(), s.batchSize(), s.learningRate(),
                s.regularization(), s.regularizationRate());
        return session;
    }

    /** Both reported losses: 500 exact forward passes (250 train, 250 test). */
    @Benchmark
    public double losses() {
        return PlaygroundEngine.loss(session.network(), session.state().inputs(), session.trainData())
                + PlaygroundEngine.loss(session.network(), session.state().inputs(), session.testData());
    }

    /** Every neuron on the 100x100 grid. */
    @Benchmark
    public NeuronGrids heatmapFrame() {
        return Heatmaps.neurons(session.network(), session.state().inputs());
    }

    /** What one animation frame of the page does: an epoch, both losses and every heatmap. */
    @Benchmark
    public NeuronGrids fullFrame() {
        session.step();
        return Heatmaps.neurons(session.network(), session.state().inputs());
    }
}
