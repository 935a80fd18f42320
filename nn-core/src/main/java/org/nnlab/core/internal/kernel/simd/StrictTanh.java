package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * fdlibm's tanh (the algorithm of {@link StrictMath#tanh}, with its {@code expm1}) on double vectors,
 * bit for bit: every lane runs the scalar code's operations in the scalar code's order, without fused
 * multiply-adds, and the scalar code's branches become blends of the candidate results.
 *
 * <p>fdlibm (Sun, 1993), as ported to Java in {@code java.lang.FdLibm}:
 * <pre>
 *   tanh(x) = sign(x)·(1 - 2/(expm1(2|x|) + 2))      for 1 &lt;= |x| &lt; 22
 *           = sign(x)·(-t/(t + 2)), t = expm1(-2|x|)  for 2^-55 &lt;= |x| &lt; 1
 *           = x·(1 + x) for |x| &lt; 2^-55,  sign(x) for |x| &gt;= 22 (and ±inf),  NaN for NaN
 * </pre>
 * and expm1 reduces its argument u = k·ln2 + r (|r| &lt;= ln2/2, k = ±1 directly below 1.5·ln2), evaluates
 * a rational approximation of expm1(r) and rebuilds the result by one of six formulas chosen by k. tanh
 * only ever asks for u in (-2, -2^-54] or [2, 44), so expm1's overflow and tiny-argument branches are never
 * taken, nor is its k = 1 formula (positive u starts at 2, beyond 1.5·ln2, so k &gt;= 3); they are left out.
 */
final class StrictTanh {
    private static final VectorSpecies<Double> D = VectorForms.S.withLanes(double.class);
    private static final VectorSpecies<Long> LONGS = D.withLanes(long.class);

    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double Q1 = -0x1.11111111110f4p-5;
    private static final double Q2 = 0x1.a01a019fe5585p-10;
    private static final double Q3 = -0x1.4ce199eaadbb7p-14;
    private static final double Q4 = 0x1.0cfca86e65239p-18;
    private static final double Q5 = -0x1.afdb76e09c32dp-23;

    /** High words (sign cleared) of the thresholds in fdlibm's tests. */
    private static final long TINY = 0x3c80_0000L;       // 2^-55: tanh(x) = x(1 + x) below
    private static final long ONE = 0x3ff0_0000L;        // 1: which expm1 formula tanh uses
    private static final long SATURATED = 0x4036_0000L;  // 22: tanh(x) = ±1 from here (and inf, NaN)
    private static final long HALF_LN2 = 0x3fd6_2e42L;   // expm1 reduces arguments above 0.5·ln2
    private static final long ONE_HALF_LN2 = 0x3FF0_A2B2L; // and below 1.5·ln2 takes k = ±1 directly

    private StrictTanh() {
    }

    /**
     * y[i] = StrictMath.tanh(x[i]) for i in [0, n); the tail after the last full vector is scalar.
     *
     * <p>The whole vector computation sits in this one loop on purpose. The Vector API's own calls nest
     * deeply; with helper methods of ours, or with this method inlined into a deep caller, C2 ran out of
     * inlining depth, and the vectors it could not inline were boxed on the heap (allocation per call,
     * speed no better than the scalar loop). As one large method, it is compiled on its own.
     */
    static void apply(double[] xs, double[] y, int n) {
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, xs, i);
            LongVector bits = x.reinterpretAsLongs();
            LongVector highAbs = bits.and(Long.MAX_VALUE).lanewise(VectorOperators.LSHR, 32);
            VectorMask<Double> negative = bits.compare(VectorOperators.LT, 0).cast(D);
            VectorMask<Double> below1 = highAbs.compare(VectorOperators.LT, ONE).cast(D);

            // u = 2|x| for |x| >= 1, else -2.0*|x| (the same bits as -(2|x|)); tanh needs expm1(u)
            DoubleVector twice = x.abs().mul(2.0);
            DoubleVector u = twice.blend(twice.neg(), below1);

            // expm1's argument reduction u = k·ln2 + r, r = hi - lo, with the rounding error c of hi - lo
            LongVector uHighAbs = u.reinterpretAsLongs().and(Long.MAX_VALUE).lanewise(VectorOperators.LSHR, 32);
            VectorMask<Double> notReduced = uHighAbs.compare(VectorOperators.LE, HALF_LN2).cast(D);
            VectorMask<Double> nearLn2 = uHighAbs.compare(VectorOperators.LT, ONE_HALF_LN2).cast(D).andNot(notReduced);
            // here u < 0 exactly when |x| < 1: near ln2 (and u < 0) k = -1, hi = u + ln2_hi, lo = -ln2_lo
            DoubleVector half = DoubleVector.broadcast(D, 0.5).blend(-0.5, below1);
            LongVector kFar = (LongVector) u.mul(INV_LN2).add(half).convert(VectorOperators.D2L, 0);
            DoubleVector kFarD = (DoubleVector) kFar.convert(VectorOperators.L2D, 0);
            DoubleVector hi = u.sub(kFarD.mul(LN2_HI)).blend(u.add(LN2_HI), nearLn2);
            DoubleVector lo = kFarD.mul(LN2_LO).blend(-LN2_LO, nearLn2);
            LongVector k = kFar.blend(-1, nearLn2.cast(LONGS)).blend(0, notReduced.cast(LONGS));
            DoubleVector r = hi.sub(lo);
            DoubleVector c = hi.sub(r).sub(lo).blend(0.0, notReduced);
            r = r.blend(u, notReduced);

            // expm1(r) by fdlibm's rational approximation
            DoubleVector hfx = r.mul(0.5);
            DoubleVector hxs = r.mul(hfx);
            DoubleVector r1 = hxs.mul(Q5).add(Q4).mul(hxs).add(Q3).mul(hxs).add(Q2).mul(hxs).add(Q1).mul(hxs).add(1.0);
            DoubleVector t = r1.mul(hfx).neg().add(3.0);
            DoubleVector e = hxs.mul(r1.sub(t).div(r.mul(t).neg().add(6.0)));

            // expm1(u) = 2^k·(1 + expm1(r)) - 1, rebuilt as fdlibm does for each k (k = 1 never occurs here);
            // 2^±k and the scaling by 2^k go through the exponent bits
            LongVector kBits = k.lanewise(VectorOperators.LSHL, 52);
            DoubleVector pow2MinusK = LongVector.broadcast(LONGS, 1023L << 52).sub(kBits).reinterpretAsDoubles();
            DoubleVector e2 = r.mul(e.sub(c)).sub(c).sub(hxs);
            DoubleVector eMinusR = e2.sub(r);
            DoubleVector kZero = r.sub(r.mul(e).sub(hxs));
            DoubleVector kMinusOne = r.sub(e2).mul(0.5).sub(0.5);
            DoubleVector outside = eMinusR.neg().add(1.0);                     // then scaled, then - 1
            DoubleVector below20 = pow2MinusK.neg().add(1.0).sub(eMinusR);     // (1 - 2^-k) - (e - r), then scaled
            DoubleVector from20 = r.sub(e2.add(pow2MinusK)).add(1.0);          // then scaled
            VectorMask<Double> isOutside = k.compare(VectorOperators.LE, -2)
                    .or(k.compare(VectorOperators.GT, 56)).cast(D);
            DoubleVector scaled = from20.blend(below20, k.compare(VectorOperators.LT, 20).cast(D))
                    .blend(outside, isOutside)
                    .reinterpretAsLongs().add(kBits).reinterpretAsDoubles();
            DoubleVector expm1 = scaled.blend(scaled.sub(1.0), isOutside)
                    .blend(kMinusOne, k.compare(VectorOperators.EQ, -1).cast(D))
                    .blend(kZero, k.compare(VectorOperators.EQ, 0).cast(D));

            // tanh from expm1, then the sign, |x| >= 22 (and ±inf), |x| < 2^-55, NaN
            // 1 - 2/(t + 2) for |x| >= 1, -t/(t + 2) below: one division serves both
            DoubleVector quotient = DoubleVector.broadcast(D, 2.0).blend(expm1.neg(), below1).div(expm1.add(2.0));
            DoubleVector z = quotient.neg().add(1.0).blend(quotient, below1);
            z = z.blend(1.0, highAbs.compare(VectorOperators.GE, SATURATED).cast(D));
            z = z.blend(z.neg(), negative);
            z = z.blend(x.mul(x.add(1.0)), highAbs.compare(VectorOperators.LT, TINY).cast(D));
            z.blend(x, x.compare(VectorOperators.NE, x)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = StrictMath.tanh(xs[i]);
        }
    }
}
