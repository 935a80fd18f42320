package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.op.Convolution;
import org.nnlab.core.op.Padding;

/**
 * A 2-D convolution layer, stride 1, NCHW: weight [filters, channels, k, k], bias [filters].
 * A cross-correlation, as in Keras with the TensorFlow backend.
 */
public final class Conv2d implements Layer {
    private final int channels;
    private final int filters;
    private final int kernel;
    private final Padding padding;
    private final Tensor weight;   // [filters, channels, k, k]
    private final Tensor bias;     // [filters]

    private Conv2d(int channels, int filters, int kernel, Padding padding, Tensor weight, Tensor bias) {
        this.channels = channels;
        this.filters = filters;
        this.kernel = kernel;
        this.padding = padding;
        this.weight = weight;
        this.bias = bias;
    }

    /** Glorot-uniform weights (fanIn = c·k·k, fanOut = f·k·k, as Keras) and zero biases. */
    public static Conv2d of(int channels, int filters, int kernel, Padding padding, Rng rng) {
        return of(channels, filters, kernel, padding, rng, Initializer.glorotUniform(), Initializer.zeros());
    }

    /**
     * A layer with the given initializers; weights are drawn before biases.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public static Conv2d of(int channels, int filters, int kernel, Padding padding, Rng rng,
                            Initializer weightInit, Initializer biasInit) {
        Checks.requireArgument(channels >= 1, "Conv2d: channels must be >= 1, got %d", channels);
        Checks.requireArgument(filters >= 1, "Conv2d: filters must be >= 1, got %d", filters);
        Checks.requireArgument(kernel >= 1, "Conv2d: kernel must be >= 1, got %d", kernel);
        int fanIn = channels * kernel * kernel;
        int fanOut = filters * kernel * kernel;
        Tensor w = Tensor.of(weightInit.draw(rng, filters * fanIn, fanIn, fanOut), filters, channels, kernel, kernel);
        Tensor b = Tensor.of(biasInit.draw(rng, filters, fanIn, fanOut), filters);
        return new Conv2d(channels, filters, kernel, padding, w.trainable(), b.trainable());
    }

    /** The weight [filters, channels, k, k]. */
    public Tensor weight() {
        return weight;
    }

    /** The bias [filters]. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor x, Pass pass) {
        return Convolution.conv2d(x, weight, bias, padding);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape input) {
        Checks.requireArgument(input.rank() == 3 && input.dim(0) == channels,
                "Conv2d: expects per-sample input [%d, h, w], got %s", channels, input);
        int h = padding == Padding.SAME ? input.dim(1) : input.dim(1) - kernel + 1;
        int w = padding == Padding.SAME ? input.dim(2) : input.dim(2) - kernel + 1;
        Checks.requireArgument(h > 0 && w > 0, "Conv2d: kernel %d is larger than input %s", kernel, input);
        return Shape.of(filters, h, w);
    }

    @Override
    public long macs(Shape input) {
        Shape o = outputShape(input);
        return (long) channels * kernel * kernel * filters * o.dim(1) * o.dim(2);
    }

    @Override
    public String describe() {
        return "Conv2D " + filters;
    }

    @Override
    public String kernelDescription() {
        return kernel + "×" + kernel + " /1 " + padding.label();
    }
}
