package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/**
 * A fully connected layer, y = x·W + b, with W stored [in, out] (GAN Lab's and TensorFlow's layout).
 * Keras calls it Dense.
 */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Tensor weight;   // [in, out]
    private final Tensor bias;     // [out]

    private Linear(int in, int out, Tensor weight, Tensor bias) {
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
    }

    /** Glorot-uniform weights and zero biases (Keras' defaults). */
    public static Linear of(int in, int out, Rng rng) {
        return of(in, out, rng, Initializer.glorotUniform(), Initializer.zeros());
    }

    /**
     * A layer with the given initializers; weights are drawn before biases.
     *
     * @throws IllegalArgumentException if {@code in} or {@code out} is below 1
     */
    public static Linear of(int in, int out, Rng rng, Initializer weightInit, Initializer biasInit) {
        Checks.requireArgument(in >= 1, "Linear: in must be >= 1, got %d", in);
        Checks.requireArgument(out >= 1, "Linear: out must be >= 1, got %d", out);
        Tensor w = Tensor.of(weightInit.draw(rng, in * out, in, out), in, out).trainable();
        Tensor b = Tensor.of(biasInit.draw(rng, out, in, out), out).trainable();
        return new Linear(in, out, w, b);
    }

    /** The weight, [in, out], a trainable leaf. */
    public Tensor weight() {
        return weight;
    }

    /** The bias, [out], a trainable leaf. */
    public Tensor bias() {
        return bias;
    }

    /** x [batch, in] -> x·W + b [batch, out]. */
    @Override
    public Tensor forward(Tensor x, Pass pass) {
        Checks.requireArgument(x.rank() == 2 && x.dim(1) == in, "Linear: expects input [batch, %d], got %s", in, x.shape());
        return x.matmul(weight).add(bias);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape input) {
        Checks.requireArgument(input.equals(Shape.of(in)), "Linear: expects per-sample input [%d], got %s", in, input);
        return Shape.of(out);
    }

    @Override
    public long macs(Shape input) {
        return (long) in * out;
    }

    @Override
    public String describe() {
        return "Dense " + out;
    }
}
