package org.nnlab.core.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * exp, expm1, tanh and the sigmoid on float vectors, built from add, multiply, fused multiply-add, division
 * and bit operations only, so that every lane gives bitwise the same result in the interpreter, C1 and C2.
 * The Vector API's own {@code EXP}, {@code EXPM1} and {@code TANH} do not: C2 calls native math stubs while the
 * interpreter and C1 run Java fallbacks that round differently, so a run's numbers changed as the JIT warmed
 * up (23 of 1,961 tanh values at the 562nd call).
 *
 * <p>exp: x = k·ln2 + r with k = round(x/ln2) and r reduced in two steps (Cody and Waite), |r| &lt;= ln2/2;
 * e^r by its Taylor polynomial of degree 7 (truncation below 2^-27 relative), Horner with fma; then
 * 2^k as two powers of two (so that k = 128 and the subnormal range need no special case). expm1 uses the
 * same reduction and 2^k·expm1(r) + (2^k - 1) as one fma, with expm1(r) = r + r²·(1/2 + r/6 + ...), so that
 * it stays accurate near 0. tanh(x) = sign(x)·e/(e + 2) with e = expm1(2|x|), and ±1 beyond |x| = 9.1.
 * sigmoid(x) = 1/(1 + e^-x) for x &gt;= 0 and e^x/(1 + e^x) below.
 *
 * <p>Accuracy against {@link StrictMath}, as |error| over the ulp of the exact value rounded to float (a
 * correctly rounded function scores at most 0.5), measured over every 997th float of the ranges that
 * matter (exp [-103.9, 88.7], expm1 [-20, 88.7], tanh [-12, 12], sigmoid [-103, 30]): exp 0.94 ulp, expm1
 * 1.59, tanh 2.27, sigmoid 2.08; {@code VectorMathTest} holds them to 1, 2, 3 and 3. NaN gives NaN,
 * ±infinity the limits.
 */
final class VectorMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693145751953125f;          // 16 significant bits: k·LN2_HI is exact
    private static final float LN2_LO = 1.42860682030941723212e-6f;
    /** Adding and subtracting 1.5·2^23 rounds a float of magnitude below 2^22 to an integer (to nearest even). */
    private static final float ROUND = 12582912f;
    /** exp overflows above this and underflows to 0 below {@link #EXP_LOW}. */
    private static final float EXP_HIGH = 88.72283935546875f;
    private static final float EXP_LOW = -103.97208404541015625f;
    /** expm1 is -1 (as a float) below this. */
    private static final float EXPM1_LOW = -17.32868f;
    /** tanh is ±1 (as a float) beyond this. */
    private static final float TANH_ONE = 9.1f;

    private VectorMath() {
    }

    private static FloatVector c(float v) {
        return FloatVector.broadcast(VectorKernels.S, v);
    }

    /** e^x per lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector cx = x.max(EXP_LOW - 1).min(EXP_HIGH + 1);    // NaN lanes are restored at the end
        FloatVector k = cx.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = k.fma(c(-LN2_HI), cx);
        r = k.fma(c(-LN2_LO), r);
        // e^r = 1 + r + r²/2! + ... + r⁷/7!
        FloatVector p = r.fma(1f / 5040, 1f / 720);
        p = p.fma(r, c(1f / 120));
        p = p.fma(r, c(1f / 24));
        p = p.fma(r, c(1f / 6));
        p = p.fma(r, c(0.5f));
        p = p.fma(r, c(1f));
        p = p.fma(r, c(1f));
        IntVector ki = (IntVector) k.convert(VectorOperators.F2I, 0);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        FloatVector y = p.mul(powerOfTwo(k1)).mul(powerOfTwo(ki.sub(k1)));
        y = y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_HIGH));
        y = y.blend(0f, x.compare(VectorOperators.LT, EXP_LOW));
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** e^x - 1 per lane, accurate near 0. */
    static FloatVector expm1(FloatVector x) {
        FloatVector y = expm1InRange(x.max(EXPM1_LOW - 1).min(EXP_HIGH + 1));
        y = y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_HIGH));
        y = y.blend(-1f, x.compare(VectorOperators.LT, EXPM1_LOW));
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** expm1 for x in [EXPM1_LOW - 1, EXP_HIGH + 1], no NaN: the reduction and the polynomial only. */
    private static FloatVector expm1InRange(FloatVector x) {
        FloatVector k = x.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = k.fma(c(-LN2_HI), x);
        r = k.fma(c(-LN2_LO), r);
        // expm1(r) = r + r²·(1/2 + r/6 + r²/24 + ... + r⁵/7!)
        FloatVector q = r.fma(1f / 5040, 1f / 720);
        q = q.fma(r, c(1f / 120));
        q = q.fma(r, c(1f / 24));
        q = q.fma(r, c(1f / 6));
        q = q.fma(r, c(0.5f));
        FloatVector em = r.mul(r).fma(q, r);
        // 2^k·expm1(r) + (2^k - 1) = 2·(h·expm1(r) + (h - 1/2)) with h = 2^(k-1), a normal float for every k here
        IntVector ki = (IntVector) k.convert(VectorOperators.F2I, 0);
        FloatVector h = powerOfTwo(ki.sub(1));
        return h.fma(em, h.sub(0.5f)).mul(2f);
    }

    /** tanh(x) per lane. */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector e = expm1InRange(a.add(a).min(2 * TANH_ONE));      // NaN lanes are restored at the end
        FloatVector t = e.div(e.add(2f));
        t = t.blend(1f, a.compare(VectorOperators.GT, TANH_ONE));
        // copy x's sign: tanh is odd (and -0 stays -0)
        IntVector sign = x.reinterpretAsInts().and(0x8000_0000);
        FloatVector y = t.reinterpretAsInts().or(sign).reinterpretAsFloats();
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** 1/(1 + e^-x) per lane: e = e^-|x|, then 1/(1 + e) for x >= 0 and e/(1 + e) below. */
    static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector d = e.add(1f);
        VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
        FloatVector y = c(1f).blend(e, negative).div(d);
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** 2^k for k in [-126, 127], from its exponent bits. */
    private static FloatVector powerOfTwo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }
}
