package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * FloatMath's functions against StrictMath, in ulps of the float result (|error| over the ulp of the exact
 * value rounded to float; a correctly rounded function scores at most 0.5), over the ranges that matter,
 * every 9,973rd float. Both kernels compute these functions bit for bit ({@code KernelParityTest}), so the
 * bounds hold for the vector kernels too.
 */
class FloatMathTest {
    /** The largest error in ulps of {@code f} against the float of {@code exact}, over [lo, hi] every step floats. */
    static double maxUlps(FloatUnaryOperator f, DoubleUnaryOperator exact, float lo, float hi, int step) {
        double worst = 0;
        for (float x = lo; x <= hi; x = next(x, step)) {
            worst = Math.max(worst, ulps(f.apply(x), exact.applyAsDouble(x)));
        }
        return worst;
    }

    /** A float function. */
    interface FloatUnaryOperator {
        float apply(float x);
    }

    /** The float step floats above x, walking the floats in order across zero (-0 and +0 count as one). */
    private static float next(float x, int step) {
        int bits = Float.floatToRawIntBits(x);
        int ordinal = bits >= 0 ? bits : -(bits & 0x7fff_ffff);
        int o = ordinal + step;
        return Float.intBitsToFloat(o >= 0 ? o : (-o) | 0x8000_0000);
    }

    /** |got - exact| in ulps of the correctly rounded float (0 when both are the same infinity or NaN). */
    static double ulps(float got, double exact) {
        float want = (float) exact;
        if (Float.isNaN(want) || Float.isInfinite(want)) {
            return Float.compare(got, want) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - exact) / Math.ulp(want == 0 ? Float.MIN_VALUE : want);
    }

    @Test
    void expIsWithinOneUlp() {
        double e = maxUlps(FloatMath::exp, StrictMath::exp, -103.9f, 88.7f, 9973);
        System.out.println("exp max ulps " + e);
        assertThat(e).isLessThanOrEqualTo(1.0);
    }

    @Test
    void expm1IsWithinTwoUlps() {
        double e = maxUlps(FloatMath::expm1, StrictMath::expm1, -20f, 88.7f, 9973);
        System.out.println("expm1 max ulps " + e);
        assertThat(e).isLessThanOrEqualTo(2.0);
    }

    @Test
    void tanhIsWithinThreeUlps() {
        double e = maxUlps(FloatMath::tanh, StrictMath::tanh, -12f, 12f, 9973);
        System.out.println("tanh max ulps " + e);
        assertThat(e).isLessThanOrEqualTo(3.0);
    }

    @Test
    void sigmoidIsWithinThreeUlps() {
        double e = maxUlps(FloatMath::sigmoid, x -> 1 / (1 + StrictMath.exp(-x)), -103f, 30f, 9973);
        System.out.println("sigmoid max ulps " + e);
        assertThat(e).isLessThanOrEqualTo(3.0);
    }

    @Test
    void specialValuesGiveTheLimits() {
        assertThat(FloatMath.exp(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FloatMath.exp(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
        assertThat(FloatMath.exp(0f)).isEqualTo(1f);
        assertThat(FloatMath.exp(89f)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FloatMath.expm1(-0f)).isEqualTo(-0f);
        assertThat(FloatMath.expm1(Float.NEGATIVE_INFINITY)).isEqualTo(-1f);
        assertThat(FloatMath.tanh(-0f)).isEqualTo(-0f);
        assertThat(FloatMath.tanh(Float.NEGATIVE_INFINITY)).isEqualTo(-1f);
        assertThat(FloatMath.tanh(1e-30f)).isEqualTo(1e-30f);
        assertThat(FloatMath.sigmoid(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
        assertThat(FloatMath.sigmoid(Float.POSITIVE_INFINITY)).isEqualTo(1f);
        assertThat(FloatMath.sigmoid(0f)).isEqualTo(0.5f);
        for (FloatUnaryOperator f : new FloatUnaryOperator[] {FloatMath::exp, FloatMath::expm1, FloatMath::tanh,
            FloatMath::sigmoid}) {
            assertThat(f.apply(Float.NaN)).isNaN();
        }
    }
}
