package org.nnlab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The optimizers nnlab has, by name: what a configuration (GAN Lab's, Playground's options) chooses from. */
public enum OptimizerKind {
    /** Plain stochastic gradient descent, w ← w − η·g ({@link Sgd}). */
    SGD("SGD"),
    /** Adam ({@link Adam}). */
    ADAM("Adam"),
    /** SGD with momentum, v ← μ·v + g; w ← w − η·v ({@link Sgd#momentum(float)}). */
    MOMENTUM("Momentum"),
    /** Adadelta, Keras 1.2's form ({@link Adadelta}). */
    ADADELTA("Adadelta");

    private final String label;

    OptimizerKind(String label) {
        this.label = label;
    }

    /** The display name, as GAN Lab writes its two: "SGD", "Adam", "Momentum", "Adadelta". */
    public String label() {
        return label;
    }

    /**
     * The kind with this label, ignoring case.
     *
     * @throws IllegalArgumentException naming the label and the valid ones
     */
    public static OptimizerKind ofLabel(String label) {
        for (OptimizerKind k : values()) {
            if (k.label.equalsIgnoreCase(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("OptimizerKind: unknown optimizer \"" + label + "\"; expected one of "
                + Arrays.stream(values()).map(k -> "\"" + k.label + "\"").collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
