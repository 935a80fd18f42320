package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nnlab.core.Gradients;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.op.Convolution;
import org.nnlab.core.op.Padding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * conv2d forward + backward (gradients for input, weight and bias) of a 32-filter 3x3 valid layer on a
 * batch of 4 images of 28x28, on the selected kernels. {@code channels} 1 is ShapeShop's first layer;
 * 32 is its second (on 26x26 there; 28x28 here for one input size). Flops count the three products:
 * forward, dW and dX, each 2·MACs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class Conv2dBenchmark {
    /** Input channels. */
    @Param({"1", "32"})
    public int channels;

    private Tensor x;
    private Tensor w;
    private Tensor b;
    private long flopsPerCall;

    /** A batch of 4 images and a trainable 32-filter layer. */
    @Setup
    public void setUp() {
        Rng rng = Rng.seeded(5);
        x = Tensor.randn(rng, 4, channels, 28, 28).trainable();
        w = Tensor.randn(rng, 32, channels, 3, 3).mul(0.1f).trainable();
        b = Tensor.zeros(32).trainable();
        long macs = 4L * 32 * channels * 9 * 26 * 26;
        flopsPerCall = 3 * 2 * macs;
    }

    /** Forward, sum, backward to x, w and b. */
    @Benchmark
    public Gradients forwardBackward(FlopCounter counter) {
        counter.flops += flopsPerCall;
        return Convolution.conv2d(x, w, b, Padding.VALID).sum().gradients(x, w, b);
    }
}
