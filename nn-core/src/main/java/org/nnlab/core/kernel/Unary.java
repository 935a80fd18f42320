package org.nnlab.core.kernel;

/**
 * Elementwise functions y = f(x) that the kernels evaluate in one pass over memory, with their
 * derivatives. {@code alpha} is the slope of {@link #LEAKY_RELU} and the scale of {@link #ELU}; the
 * others ignore it.
 */
public enum Unary {
    /** y = -x. */
    NEG,
    /** y = e^x. */
    EXP,
    /** y = ln x. */
    LOG,
    /** y = sqrt x. */
    SQRT,
    /** y = x^2. */
    SQUARE,
    /** y = |x|; NOTE: the derivative at 0 is taken as 0. */
    ABS,
    /** y = max(x, 0); NOTE: the derivative at 0 is taken as 0, as in PyTorch and TensorFlow. */
    RELU,
    /** y = x for x > 0, alpha*x otherwise. */
    LEAKY_RELU,
    /** y = x for x > 0, alpha*(e^x - 1) otherwise (Clevert et al., 2016). */
    ELU,
    /** y = tanh x. */
    TANH,
    /** y = 1 / (1 + e^-x), evaluated without overflow for large |x|. */
    SIGMOID,
    /** y = sin x. */
    SIN;

    /** The reference value f(x) in float32, as {@link ScalarKernels} computes it. */
    public float apply(float x, float alpha) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case SQRT -> (float) Math.sqrt(x);
            case SQUARE -> x * x;
            case ABS -> Math.abs(x);
            case RELU -> x > 0 ? x : 0f;
            case LEAKY_RELU -> x > 0 ? x : alpha * x;
            case ELU -> x > 0 ? x : alpha * (float) Math.expm1(x);
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case SIN -> (float) Math.sin(x);
        };
    }

    /**
     * The reference derivative times the upstream gradient, f'(x)*g, given x and y = f(x) (whichever
     * is cheaper and more accurate: tanh' = 1 - y^2, sigmoid' = y(1 - y), exp' = y, sqrt' = 1/(2y)).
     */
    public float derivative(float x, float y, float g, float alpha) {
        return switch (this) {
            case NEG -> -g;
            case EXP -> y * g;
            case LOG -> g / x;
            case SQRT -> g / (2 * y);
            case SQUARE -> 2 * x * g;
            case ABS -> x > 0 ? g : (x < 0 ? -g : 0f);
            case RELU -> x > 0 ? g : 0f;
            case LEAKY_RELU -> x > 0 ? g : alpha * g;
            case ELU -> x > 0 ? g : (y + alpha) * g;
            case TANH -> (1 - y * y) * g;
            case SIGMOID -> y * (1 - y) * g;
            case SIN -> (float) Math.cos(x) * g;
        };
    }

    /** The lower-case name used as an op label, for example {@code leaky_relu}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** sigma(x) = 1/(1+e^-x) for x >= 0 and e^x/(1+e^x) otherwise, so e^|x| never overflows. */
    static float sigmoid(float x) {
        if (x >= 0) {
            return (float) (1 / (1 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1 + e));
    }
}
