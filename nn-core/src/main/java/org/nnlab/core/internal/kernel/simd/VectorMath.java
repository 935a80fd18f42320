package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static org.nnlab.core.internal.kernel.FloatMath.C2;
import static org.nnlab.core.internal.kernel.FloatMath.C3;
import static org.nnlab.core.internal.kernel.FloatMath.C4;
import static org.nnlab.core.internal.kernel.FloatMath.C5;
import static org.nnlab.core.internal.kernel.FloatMath.C6;
import static org.nnlab.core.internal.kernel.FloatMath.C7;
import static org.nnlab.core.internal.kernel.FloatMath.EXPM1_LOW;
import static org.nnlab.core.internal.kernel.FloatMath.EXP_HIGH;
import static org.nnlab.core.internal.kernel.FloatMath.EXP_LOW;
import static org.nnlab.core.internal.kernel.FloatMath.LN2_HI;
import static org.nnlab.core.internal.kernel.FloatMath.LN2_LO;
import static org.nnlab.core.internal.kernel.FloatMath.LOG2E;
import static org.nnlab.core.internal.kernel.FloatMath.ROUND;
import static org.nnlab.core.internal.kernel.FloatMath.TANH_ONE;

/**
 * {@link org.nnlab.core.internal.kernel.FloatMath}'s exp, expm1, tanh and sigmoid on float vectors: the same
 * operations in the same order on every lane, so each lane gives bitwise the scalar method's result, in the
 * interpreter, C1 and C2 alike. The Vector API's own {@code EXP}, {@code EXPM1} and {@code TANH} do not: C2
 * calls native math stubs while the interpreter and C1 run Java fallbacks that round differently, so a run's
 * numbers changed as the JIT warmed up (23 of 1,961 tanh values at the 562nd call). The algorithms and their
 * accuracy are on {@code FloatMath}.
 */
final class VectorMath {
    private VectorMath() {
    }

    private static FloatVector c(float v) {
        return FloatVector.broadcast(VectorForms.S, v);
    }

    /** e^x per lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector cx = x.max(EXP_LOW - 1).min(EXP_HIGH + 1);    // NaN lanes are restored at the end
        FloatVector k = cx.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = k.fma(c(-LN2_HI), cx);
        r = k.fma(c(-LN2_LO), r);
        // e^r = 1 + r + r²/2! + ... + r⁷/7!
        FloatVector p = r.fma(C7, C6);
        p = p.fma(r, c(C5));
        p = p.fma(r, c(C4));
        p = p.fma(r, c(C3));
        p = p.fma(r, c(C2));
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
        FloatVector q = r.fma(C7, C6);
        q = q.fma(r, c(C5));
        q = q.fma(r, c(C4));
        q = q.fma(r, c(C3));
        q = q.fma(r, c(C2));
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
