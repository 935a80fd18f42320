package org.nnlab.core.internal.kernel;

/**
 * exp, expm1, tanh and the sigmoid in float32, built from add, multiply, fused multiply-add, division and
 * bit operations only: the definition that both kernels compute. The scalar kernels call these methods;
 * the vector kernels ({@code simd.VectorMath}) run the same operations in the same order on every lane, so
 * the two give bitwise the same results, in the interpreter, C1 and C2 alike. ({@link Math#exp} and
 * {@link Math#tanh} could not be that definition: the Vector API's own {@code EXP} and {@code TANH} round
 * differently, and differently again before and after C2 compiles them.)
 *
 * <p>exp: x = k·ln2 + r with k = round(x/ln2) and r reduced in two steps (Cody and Waite), |r| &lt;= ln2/2;
 * e^r by its Taylor polynomial of degree 7 (truncation below 2^-27 relative), Horner with fma; then
 * 2^k as two powers of two (so that k = 128 and the subnormal range need no special case). expm1 uses the
 * same reduction and 2^k·expm1(r) + (2^k - 1) as one fma, with expm1(r) = r + r²·(1/2 + r/6 + ...), so that
 * it stays accurate near 0. tanh(x) = sign(x)·e/(e + 2) with e = expm1(2|x|), and ±1 beyond |x| = 9.1.
 * sigmoid(x) = 1/(1 + e^-|x|) for x &gt;= 0 and e^-|x|/(1 + e^-|x|) below.
 *
 * <p>Accuracy against {@link StrictMath}, as |error| over the ulp of the exact value rounded to float (a
 * correctly rounded function scores at most 0.5), over every 9,973rd float of the ranges that matter
 * (exp [-103.9, 88.7], expm1 [-20, 88.7], tanh [-12, 12], sigmoid [-103, 30]): exp 0.80 ulp, expm1 1.45,
 * tanh 2.03, sigmoid 1.94; {@code FloatMathTest} holds them to 1, 2, 3 and 3. NaN gives the same NaN,
 * ±infinity the limits.
 */
public final class FloatMath {
    /** 1/ln 2. */
    public static final float LOG2E = 1.44269504088896341f;
    /** ln 2's high part, 16 significant bits: k·LN2_HI is exact for every k here. */
    public static final float LN2_HI = 0.693145751953125f;
    /** ln 2 - LN2_HI. */
    public static final float LN2_LO = 1.42860682030941723212e-6f;
    /** Adding and subtracting 1.5·2^23 rounds a float of magnitude below 2^22 to an integer (to nearest even). */
    public static final float ROUND = 12582912f;
    /** exp overflows above this. */
    public static final float EXP_HIGH = 88.72283935546875f;
    /** exp underflows to 0 below this. */
    public static final float EXP_LOW = -103.97208404541015625f;
    /** expm1 is -1 (as a float) below this. */
    public static final float EXPM1_LOW = -17.32868f;
    /** tanh is ±1 (as a float) beyond this. */
    public static final float TANH_ONE = 9.1f;
    /** The coefficients 1/n! of the Taylor polynomials, from n = 7 down to n = 2. */
    public static final float C7 = 1f / 5040;
    /** 1/6!. */
    public static final float C6 = 1f / 720;
    /** 1/5!. */
    public static final float C5 = 1f / 120;
    /** 1/4!. */
    public static final float C4 = 1f / 24;
    /** 1/3!. */
    public static final float C3 = 1f / 6;
    /** 1/2!. */
    public static final float C2 = 0.5f;

    private FloatMath() {
    }

    /** e^x. */
    public static float exp(float x) {
        float cx = Math.min(Math.max(x, EXP_LOW - 1), EXP_HIGH + 1);       // a NaN is restored at the end
        float k = cx * LOG2E + ROUND - ROUND;
        float r = Math.fma(k, -LN2_HI, cx);
        r = Math.fma(k, -LN2_LO, r);
        float p = Math.fma(r, C7, C6);                                     // e^r = 1 + r + r²/2! + ... + r⁷/7!
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int ki = (int) k;
        int k1 = ki >> 1;
        float y = p * powerOfTwo(k1) * powerOfTwo(ki - k1);
        y = x > EXP_HIGH ? Float.POSITIVE_INFINITY : y;
        y = x < EXP_LOW ? 0f : y;
        return Float.isNaN(x) ? x : y;
    }

    /** e^x - 1, accurate near 0. */
    public static float expm1(float x) {
        float y = expm1InRange(Math.min(Math.max(x, EXPM1_LOW - 1), EXP_HIGH + 1));
        y = x > EXP_HIGH ? Float.POSITIVE_INFINITY : y;
        y = x < EXPM1_LOW ? -1f : y;
        return Float.isNaN(x) ? x : y;
    }

    /** expm1 for x in [EXPM1_LOW - 1, EXP_HIGH + 1]: the reduction and the polynomial only. */
    private static float expm1InRange(float x) {
        float k = x * LOG2E + ROUND - ROUND;
        float r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        float q = Math.fma(r, C7, C6);                      // expm1(r) = r + r²·(1/2 + r/6 + r²/24 + ... + r⁵/7!)
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        float em = Math.fma(r * r, q, r);
        // 2^k·expm1(r) + (2^k - 1) = 2·(h·expm1(r) + (h - 1/2)) with h = 2^(k-1), a normal float for every k here
        float h = powerOfTwo((int) k - 1);
        return Math.fma(h, em, h - 0.5f) * 2f;
    }

    /** tanh x. */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float e = expm1InRange(Math.min(a + a, 2 * TANH_ONE));               // a NaN is restored at the end
        float t = e / (e + 2f);
        t = a > TANH_ONE ? 1f : t;
        // x's sign: tanh is odd (and -0 stays -0)
        float y = Float.intBitsToFloat(Float.floatToRawIntBits(t) | (Float.floatToRawIntBits(x) & 0x8000_0000));
        return Float.isNaN(x) ? x : y;
    }

    /** 1/(1 + e^-x): e = e^-|x|, then 1/(1 + e) for x &gt;= 0 and e/(1 + e) below, so nothing overflows. */
    public static float sigmoid(float x) {
        float e = exp(-Math.abs(x));
        float d = e + 1f;
        float y = (x < 0f ? e : 1f) / d;
        return Float.isNaN(x) ? x : y;
    }

    /** 2^k for k in [-126, 127], from its exponent bits. */
    private static float powerOfTwo(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }
}
