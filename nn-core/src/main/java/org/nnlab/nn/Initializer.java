package org.nnlab.nn;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;

/**
 * How a parameter's initial values are drawn. Values are drawn in row-major order from the given
 * generator, so the same seed gives the same parameters.
 */
@FunctionalInterface
public interface Initializer {
    /**
     * Fills {@code values}.
     *
     * @param fanIn  inputs per output unit (in for Linear, c·kh·kw for Conv2d)
     * @param fanOut outputs per input unit (out for Linear, f·kh·kw for Conv2d)
     */
    void fill(Rng rng, float[] values, int fanIn, int fanOut);

    /** {@code count} fresh values drawn by {@link #fill}. */
    default float[] draw(Rng rng, int count, int fanIn, int fanOut) {
        float[] values = new float[count];
        fill(rng, values, fanIn, fanOut);
        return values;
    }

    /** U[lo, hi). */
    static Initializer uniform(float lo, float hi) {
        Checks.requireArgument(lo <= hi, "Initializer.uniform: lo must be <= hi, got lo=%s hi=%s", lo, hi);
        return (rng, v, fanIn, fanOut) -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.uniform(lo, hi);
            }
        };
    }

    /**
     * Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio,
     * AISTATS 2010); Keras' default.
     */
    static Initializer glorotUniform() {
        return (rng, v, fanIn, fanOut) -> {
            float l = (float) Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.uniform(-l, l);
            }
        };
    }

    /** N(0, sigma^2). */
    static Initializer normal(float sigma) {
        Checks.requireArgument(sigma >= 0, "Initializer.normal: sigma must be >= 0, got %s", sigma);
        return (rng, v, fanIn, fanOut) -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (sigma * rng.nextGaussian());
            }
        };
    }

    /** All zeros; draws nothing. */
    static Initializer zeros() {
        return constant(0f);
    }

    /** All equal to {@code value}; draws nothing. */
    static Initializer constant(float value) {
        return (rng, v, fanIn, fanOut) -> java.util.Arrays.fill(v, value);
    }
}
