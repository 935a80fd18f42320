package org.nnlab.playground;

import java.util.Locale;

/** Playground's activations with its derivatives as coded (spec 5.3), in double with {@link StrictMath}. */
public enum PlaygroundActivation {
    /** max(0, z); f'(z) = 0 for z &lt;= 0 (so 0 at z = 0), else 1. */
    RELU("relu"),
    /** tanh z; f'(z) = 1 - tanh(z)², tanh computed again. */
    TANH("tanh"),
    /** 1/(1 + e^-z); f'(z) = s(1 - s), s computed again. */
    SIGMOID("sigmoid"),
    /** z; f'(z) = 1. */
    LINEAR("linear"),
    /**
     * Beyond Playground: z for z &gt; 0, {@link org.nnlab.nn.Activation#LEAKY_RELU_SLOPE}·z otherwise (0.2, the
     * slope of every leaky ReLU in nnlab). Playground reads an unknown id as tanh.
     */
    LEAKY_RELU("leakyRelu"),
    /** Beyond Playground: z for z &gt; 0, e^z - 1 otherwise (Clevert et al., 2016). */
    ELU("elu"),
    /** Beyond Playground: z·σ(z) (Ramachandran et al., "Searching for activation functions", 2017). */
    SWISH("swish"),
    /** Beyond Playground: sin z (Playground PR #138). */
    SINE("sine");

    private final String id;

    PlaygroundActivation(String id) {
        this.id = id;
    }

    /** The id in Playground's URL state. */
    public String id() {
        return id;
    }

    /** f(z). */
    public double output(double z) {
        return switch (this) {
            case RELU -> Math.max(0, z);
            case TANH -> StrictMath.tanh(z);
            case SIGMOID -> 1 / (1 + StrictMath.exp(-z));
            case LINEAR -> z;
            case LEAKY_RELU -> z > 0 ? z : org.nnlab.nn.Activation.LEAKY_RELU_SLOPE * z;
            case ELU -> z > 0 ? z : StrictMath.expm1(z);
            case SWISH -> z / (1 + StrictMath.exp(-z));
            case SINE -> StrictMath.sin(z);
        };
    }

    /** Whether Playground itself has this activation (the others are nnlab's extensions). */
    public boolean isPlaygrounds() {
        return ordinal() <= LINEAR.ordinal();
    }

    /**
     * f'(z) given a = f(z) from the forward pass: the same value {@link #derivative(double)} computes
     * (Playground recomputes tanh(z) and the sigmoid; the function of the same z gives the same bits),
     * without the second transcendental call.
     */
    public double derivative(double z, double a) {
        return switch (this) {
            case RELU -> z <= 0 ? 0 : 1;
            case TANH -> 1 - a * a;
            case SIGMOID -> a * (1 - a);
            case LINEAR -> 1;
            default -> derivative(z);
        };
    }

    /** f'(z) as Playground computes it. */
    public double derivative(double z) {
        return switch (this) {
            case RELU -> z <= 0 ? 0 : 1;
            case TANH -> {
                double t = StrictMath.tanh(z);
                yield 1 - t * t;
            }
            case SIGMOID -> {
                double s = output(z);
                yield s * (1 - s);
            }
            case LINEAR -> 1;
            case LEAKY_RELU -> z > 0 ? 1 : org.nnlab.nn.Activation.LEAKY_RELU_SLOPE;
            case ELU -> z > 0 ? 1 : StrictMath.exp(z);
            case SWISH -> {
                double s = 1 / (1 + StrictMath.exp(-z));
                yield s + z * s * (1 - s);
            }
            case SINE -> StrictMath.cos(z);
        };
    }

    /**
     * The activation with that id.
     *
     * @throws IllegalArgumentException naming the id and the valid ones
     */
    public static PlaygroundActivation ofId(String id) {
        for (PlaygroundActivation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "PlaygroundActivation: unknown id '%s'; valid ids are relu, tanh, sigmoid, linear, leakyRelu, elu, swish, sine",
                id));
    }

    /** The same function in the library's shared set (for the float32 grid evaluation and the shared engine). */
    public org.nnlab.nn.Activation shared() {
        return switch (this) {
            case RELU -> org.nnlab.nn.Activation.RELU;
            case TANH -> org.nnlab.nn.Activation.TANH;
            case SIGMOID -> org.nnlab.nn.Activation.SIGMOID;
            case LINEAR -> org.nnlab.nn.Activation.LINEAR;
            case LEAKY_RELU -> org.nnlab.nn.Activation.LEAKY_RELU;
            case ELU -> org.nnlab.nn.Activation.ELU;
            case SWISH -> org.nnlab.nn.Activation.SWISH;
            case SINE -> org.nnlab.nn.Activation.SINE;
        };
    }
}
