package org.nnlab.core.internal.kernel;

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

    /**
     * f(x) in float32, as both kernels compute it: exp, expm1 (in ELU), tanh and the sigmoid from
     * {@link FloatMath}, so that the scalar and the vector kernels give the same bits; log and sin from
     * {@link Math}, whose results are the same in every JIT tier. ReLU passes a NaN through.
     */
    public float apply(float x, float alpha) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> FloatMath.exp(x);
            case LOG -> (float) Math.log(x);
            case SQRT -> (float) Math.sqrt(x);
            case SQUARE -> x * x;
            case ABS -> Math.abs(x);
            case RELU -> Math.max(x, 0f);
            case LEAKY_RELU -> x > 0 ? x : x * alpha;
            case ELU -> x > 0 ? x : FloatMath.expm1(x) * alpha;
            case TANH -> FloatMath.tanh(x);
            case SIGMOID -> FloatMath.sigmoid(x);
            case SIN -> (float) Math.sin(x);
        };
    }

    /**
     * gx + f'(x)·g, given x and y = f(x) (whichever is cheaper and more accurate: tanh' = 1 - y², sigmoid' =
     * y(1 - y), exp' = y, sqrt' = 1/(2y)), rounded as both kernels round it: one fused multiply-add where the
     * vector kernels use one (tanh, sigmoid, exp, square), a product then a sum elsewhere.
     */
    public float accumulateGradient(float x, float y, float g, float gx, float alpha) {
        return switch (this) {
            case NEG -> gx + -g;
            case EXP -> Math.fma(y, g, gx);
            case LOG -> gx + g / x;
            case SQRT -> gx + g / (2 * y);
            case SQUARE -> Math.fma(x * 2, g, gx);
            case ABS -> gx + (x > 0 ? g : (x < 0 ? -g : 0f));
            case RELU -> gx + (x > 0 ? g : 0f);
            case LEAKY_RELU -> gx + (x > 0 ? g : alpha * g);
            case ELU -> gx + (x > 0 ? g : (y + alpha) * g);
            case TANH -> Math.fma(Math.fma(y, -y, 1f), g, gx);
            case SIGMOID -> Math.fma(y * (1 - y), g, gx);
            case SIN -> gx + (float) Math.cos(x) * g;
        };
    }

    /** The lower-case name used as an op label, for example {@code leaky_relu}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
