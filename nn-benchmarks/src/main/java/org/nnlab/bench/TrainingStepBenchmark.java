package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.nn.Activation;
import org.nnlab.nn.ActivationLayer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Losses;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sgd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of Playground's default network, [2-8-8-1] with tanh, on a batch of 10: forward,
 * square-error loss, gradients over all 6 parameter tensors, SGD update. Per-op overhead dominates at
 * this size; run with {@code -prof gc} for the bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TrainingStepBenchmark {
    private Sequential model;
    private Sgd sgd;
    private Tensor x;
    private Tensor y;

    /** The network, a batch of 10 points and their labels. */
    @Setup
    public void setUp() {
        Rng rng = Rng.seeded(1);
        model = Sequential.of(Linear.of(2, 8, rng), ActivationLayer.of(Activation.TANH), Linear.of(8, 8, rng),
                ActivationLayer.of(Activation.TANH), Linear.of(8, 1, rng), ActivationLayer.of(Activation.TANH));
        sgd = Sgd.over(model.parameters()).learningRate(0.03f);
        x = Tensor.uniform(rng, -6, 6, 10, 2);
        y = Tensor.uniform(rng, -1, 1, 10, 1);
    }

    /** One step. */
    @Benchmark
    public Tensor step() {
        Tensor loss = Losses.mse(model.forward(x), y);
        sgd.step(loss);
        return loss;
    }
}
