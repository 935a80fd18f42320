package org.nnlab.nn;

import org.nnlab.core.Tensor;

/** The activation functions of the seed systems, each one primitive op. */
public enum Activation {
    /** The identity. */
    LINEAR,
    /** max(x, 0). */
    RELU,
    /** tanh x. */
    TANH,
    /** 1 / (1 + e^-x). */
    SIGMOID,
    /** x for x &gt; 0, {@value #LEAKY_RELU_SLOPE}·x otherwise (GAN Lab's leaky relu slope). */
    LEAKY_RELU,
    /** x for x &gt; 0, e^x - 1 otherwise. */
    ELU,
    /** x·σ(x) (Ramachandran et al., "Searching for activation functions", 2017). */
    SWISH,
    /** sin x (Playground PR #138). */
    SINE,
    /** softmax over the last axis. */
    SOFTMAX;

    /** Leaky ReLU's slope below 0, GAN Lab's (TensorFlow.js's {@code leakyRelu} default). */
    public static final double LEAKY_RELU_SLOPE = 0.2;

    /** Applies the function. */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> x.relu();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case LEAKY_RELU -> x.leakyRelu((float) LEAKY_RELU_SLOPE);
            case ELU -> x.elu(1f);
            case SWISH -> x.mul(x.sigmoid());
            case SINE -> x.sin();
            case SOFTMAX -> x.softmax();
        };
    }

    /** The lower-case name used in summaries, as in {@code relu}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
