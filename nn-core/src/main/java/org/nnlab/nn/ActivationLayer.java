package org.nnlab.nn;

import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/** An activation function as a layer of a {@link Sequential}. */
public final class ActivationLayer implements Layer {
    private final Activation activation;

    private ActivationLayer(Activation activation) {
        this.activation = activation;
    }

    /** The layer applying {@code activation}. */
    public static ActivationLayer of(Activation activation) {
        return new ActivationLayer(activation);
    }

    /** The activation this layer applies. */
    public Activation activation() {
        return activation;
    }

    @Override
    public Tensor forward(Tensor x, Pass pass) {
        return activation.apply(x);
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String describe() {
        return "Activation " + activation.label();
    }
}
