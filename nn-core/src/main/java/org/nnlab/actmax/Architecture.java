package org.nnlab.actmax;

import org.nnlab.core.Rng;
import org.nnlab.core.op.Padding;
import org.nnlab.nn.Activation;
import org.nnlab.nn.ActivationLayer;
import org.nnlab.nn.Conv2d;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Flatten;
import org.nnlab.nn.Linear;
import org.nnlab.nn.MaxPool2d;
import org.nnlab.nn.Sequential;

/**
 * ShapeShop's two models (spec A.4), with Keras 1.2's Glorot-uniform weights and zero biases. Both end
 * in the logits; the softmax is applied by the loss and by activation maximization.
 */
public enum Architecture {
    /** Flatten → Dense 128 tanh → Dense 128 tanh → Dense C: 116,992 + 129·C parameters. */
    MLP("MLP"),
    /**
     * Conv 32 3x3 ReLU → Conv 32 3x3 ReLU → max-pool 2x2 → dropout 0.25 → flatten (4,608) → Dense 128 ReLU
     * → dropout 0.5 → Dense C: 599,520 + 129·C parameters.
     */
    CNN("CNN");

    private final String label;

    Architecture(String label) {
        this.label = label;
    }

    /** "MLP" or "CNN", as ShapeShop's header. */
    public String label() {
        return label;
    }

    /** The parameter count for C classes. */
    public long parameters(int classes) {
        return (this == MLP ? 116_992L : 599_520L) + 129L * classes;
    }

    /** A fresh model for C classes, weights drawn from rng in layer order. */
    public Sequential build(int classes, Rng rng) {
        if (this == MLP) {
            return Sequential.of(new Flatten(), Linear.of(784, 128, rng), ActivationLayer.of(Activation.TANH),
                    Linear.of(128, 128, rng), ActivationLayer.of(Activation.TANH), Linear.of(128, classes, rng));
        }
        return Sequential.of(Conv2d.of(1, 32, 3, Padding.VALID, rng), ActivationLayer.of(Activation.RELU),
                Conv2d.of(32, 32, 3, Padding.VALID, rng), ActivationLayer.of(Activation.RELU), new MaxPool2d(),
                new Dropout(0.25f), new Flatten(), Linear.of(4608, 128, rng), ActivationLayer.of(Activation.RELU),
                new Dropout(0.5f), Linear.of(128, classes, rng));
    }

    /**
     * The model's summary for C classes, with the softmax that the loss and activation maximization
     * apply shown on the last layer, as ShapeShop's Keras model has it.
     */
    public org.nnlab.nn.ModelSummary summary(int classes) {
        java.util.List<org.nnlab.nn.Layer> layers = new java.util.ArrayList<>(build(classes, Rng.seeded(0)).layers());
        layers.add(ActivationLayer.of(Activation.SOFTMAX));
        return Sequential.of(layers.toArray(new org.nnlab.nn.Layer[0]))
                .summary("shapeshop-" + name().toLowerCase(java.util.Locale.ROOT), org.nnlab.core.Shape.of(1, 28, 28), true);
    }

    /**
     * The architecture named "mlp" or "cnn" (any case).
     *
     * @throws IllegalArgumentException for other names
     */
    public static Architecture ofName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "mlp" -> MLP;
            case "cnn" -> CNN;
            default -> throw new IllegalArgumentException("Architecture: unknown model \"" + name + "\"; expected mlp or cnn");
        };
    }
}
