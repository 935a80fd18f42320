package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * fdlibm's exp and log1p (the algorithms of {@link StrictMath#exp} and {@link StrictMath#log1p}) on double vectors,
 * bit for bit, and the two functions built on them: the logistic sigmoid 1/(1 + exp(-x)) and softplus
 * max(x, 0) + log1p(exp(-|x|)). As in {@link StrictTanh}, every lane runs the scalar code's operations in the
 * scalar code's order, without fused multiply-adds, and the branches become blends of the candidate results.
 *
 * <p>fdlibm (Sun, 1993), as ported to Java in {@code java.lang.FdLibm}: exp reduces v = k·ln2 + r with |r| &lt;= ln2/2
 * (r = hi - lo, ln2 split in two), approximates e^r = 1 + 2r/(R(r²) - r) with a degree-5 polynomial, and adds k to
 * the exponent (scaling by 2^-1000 below 2^-1021); log1p takes f = t below 0.41422, else normalises u = 1 + t into
 * [√2/2, √2)·2^k keeping the rounding error c of 1 + t, and evaluates ln(1 + f) = 2s + s·R(s²) with s = f/(2 + f).
 * Softplus only asks log1p for t in [0, 1], so log1p's branches for t &lt; 0, t &gt;= 2^53 and infinity are left
 * out; a NaN in gives a NaN out (its payload is not promised).
 *
 * <p>exp and log1p are each one loop in one method on purpose (see {@link StrictTanh#apply}); the sigmoid and softplus
 * are plain loops around them, through a per-thread scratch array.
 */
final class StrictExp {
    private static final VectorSpecies<Double> D = VectorForms.S.withLanes(double.class);
    private static final VectorSpecies<Long> LONGS = D.withLanes(long.class);

    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double TWO_M1000 = 0x1.0p-1000;
    private static final double O_THRESHOLD = 0x1.62e42fefa39efp9;
    private static final double U_THRESHOLD = -0x1.74910d52d3051p9;
    private static final double P1 = 0x1.555555555553ep-3;
    private static final double P2 = -0x1.6c16c16bebd93p-9;
    private static final double P3 = 0x1.1566aaf25de2cp-14;
    private static final double P4 = -0x1.bbd41c5d26bf1p-20;
    private static final double P5 = 0x1.6376972bea4d0p-25;
    private static final double LP1 = 0x1.5555555555593p-1;
    private static final double LP2 = 0x1.999999997fa04p-2;
    private static final double LP3 = 0x1.2492494229359p-2;
    private static final double LP4 = 0x1.c71c51d8e78afp-3;
    private static final double LP5 = 0x1.7466496cb03dep-3;
    private static final double LP6 = 0x1.39a09d078c69fp-3;
    private static final double LP7 = 0x1.2f112df3e5244p-3;
    private static final double TWO_THIRDS = 0.66666666666666666;

    /** High words (sign cleared) of the thresholds in fdlibm's tests. */
    private static final long HALF_LN2 = 0x3fd6_2e42L;       // exp reduces arguments above 0.5·ln2
    private static final long EXP_TINY = 0x3e30_0000L;       // 2^-28: exp(v) = 1 + v below
    private static final long LOG1P_DIRECT = 0x3FDA_827AL;   // 0.41422: log1p takes f = t below
    private static final long LOG1P_TINY = 0x3e20_0000L;     // 2^-29: log1p(t) = t - t²/2 below
    private static final long LOG1P_TINIER = 0x3c90_0000L;   // 2^-54: log1p(t) = t below

    private StrictExp() {
    }

    /** Per thread: the intermediate e^-x or e^-|x| of {@link #sigmoid} and {@link #softplus} (x and y may alias). */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private static double[] scratch(int n) {
        double[][] holder = SCRATCH.get();
        if (holder[0].length < n) {
            holder[0] = new double[n];
        }
        return holder[0];
    }

    /** y[i] = 1 / (1 + StrictMath.exp(-x[i])) for i in [0, n): exp on the lanes, then one division each. */
    static void sigmoid(double[] x, double[] y, int n) {
        double[] e = scratch(n);
        for (int i = 0; i < n; i++) {
            e[i] = -x[i];
        }
        exp(e, e, n);
        for (int i = 0; i < n; i++) {
            y[i] = 1 / (1 + e[i]);
        }
    }

    /** y[i] = max(x[i], 0) + StrictMath.log1p(StrictMath.exp(-|x[i]|)) for i in [0, n): exp, then log1p, on the lanes. */
    static void softplus(double[] x, double[] y, int n) {
        double[] t = scratch(n);
        for (int i = 0; i < n; i++) {
            t[i] = -Math.abs(x[i]);
        }
        exp(t, t, n);
        log1pOfUnit(t, t, n);
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0) + t[i];
        }
    }

    /** y[i] = StrictMath.exp(x[i]) for i in [0, n) (x and y may be the same array); the tail is scalar. */
    static void exp(double[] xs, double[] y, int n) {
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, xs, i);
            // exp(v) as fdlibm's exp: v = k·ln2 + r (k = 0 when |v| <= ln2/2), a rational approximation of e^r,
            // the exponent bits + k; then |v| < 2^-28, overflow, underflow and NaN
            LongVector eHigh = v.reinterpretAsLongs().and(Long.MAX_VALUE).lanewise(VectorOperators.LSHR, 32);
            VectorMask<Double> eNegative = v.compare(VectorOperators.LT, 0.0);
            VectorMask<Double> eSmall = eHigh.compare(VectorOperators.LE, HALF_LN2).cast(D);
            LongVector ek = ((LongVector) v.mul(INV_LN2).add(DoubleVector.broadcast(D, 0.5).blend(-0.5, eNegative))
                    .convert(VectorOperators.D2L, 0)).blend(0, eSmall.cast(LONGS));
            DoubleVector et = (DoubleVector) ek.convert(VectorOperators.L2D, 0);
            DoubleVector eHi = v.sub(et.mul(LN2_HI));
            DoubleVector eLo = et.mul(LN2_LO);
            DoubleVector er = eHi.sub(eLo).blend(v, eSmall);
            DoubleVector er2 = er.mul(er);
            DoubleVector ep = er2.mul(P5).add(P4);
            ep = er2.mul(ep).add(P3);
            ep = er2.mul(ep).add(P2);
            ep = er2.mul(ep).add(P1);
            DoubleVector ec = er.sub(er2.mul(ep));
            DoubleVector eKZero = er.mul(ec).div(ec.sub(2.0)).sub(er).neg().add(1.0);
            DoubleVector eY = eLo.sub(er.mul(ec).div(ec.neg().add(2.0))).sub(eHi).neg().add(1.0);
            LongVector eYBits = eY.reinterpretAsLongs();
            DoubleVector eScaled = eYBits.add(ek.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles()
                    .blend(eYBits.add(ek.add(1000).lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles().mul(TWO_M1000),
                            ek.compare(VectorOperators.LT, -1021).cast(D));
            DoubleVector ev = eScaled.blend(eKZero, ek.compare(VectorOperators.EQ, 0).cast(D))
                    .blend(v.add(1.0), eHigh.compare(VectorOperators.LT, EXP_TINY).cast(D))
                    .blend(Double.POSITIVE_INFINITY, v.compare(VectorOperators.GT, O_THRESHOLD))
                    .blend(0.0, v.compare(VectorOperators.LT, U_THRESHOLD))
                    .blend(v.add(v), v.compare(VectorOperators.NE, v));
            ev.intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = StrictMath.exp(xs[i]);
        }
    }

    /**
     * y[i] = StrictMath.log1p(t[i]) for t[i] in [0, 1] or NaN, i in [0, n) (t and y may be the same array); the tail is
     * scalar. Other arguments are not promised: log1p's branches for t &lt; 0, t &gt;= 2^53 and infinity are left out.
     */
    static void log1pOfUnit(double[] ts, double[] y, int n) {
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector t = DoubleVector.fromArray(D, ts, i);
            // log1p(t), t = e^-|x| in [0, 1], as fdlibm's log1p: below 0.41422 f = t, k = 0; above, u = 1 + t
            // normalised to [√2/2, √2) with its rounding error c; then fdlibm's polynomial in s = f/(2 + f)
            LongVector lHigh = t.reinterpretAsLongs().lanewise(VectorOperators.LSHR, 32);
            VectorMask<Double> lDirect = lHigh.compare(VectorOperators.LT, LOG1P_DIRECT).cast(D);
            DoubleVector lu = t.add(1.0);
            LongVector luBits = lu.reinterpretAsLongs();
            LongVector lhu = luBits.lanewise(VectorOperators.LSHR, 32);
            LongVector lk = lhu.lanewise(VectorOperators.LSHR, 20).sub(1023);
            DoubleVector lc = t.sub(lu.sub(1.0)).blend(lu.sub(t).neg().add(1.0), lk.compare(VectorOperators.GT, 0).cast(D)).div(lu);
            lhu = lhu.and(0xfffffL);
            VectorMask<Long> lBig = lhu.compare(VectorOperators.GE, 0x6a09eL);
            DoubleVector lNormal = lhu.or(LongVector.broadcast(LONGS, 0x3ff00000L).blend(0x3fe00000L, lBig))
                    .lanewise(VectorOperators.LSHL, 32).or(luBits.and(0xffffffffL)).reinterpretAsDoubles();
            lk = lk.add(LongVector.zero(LONGS).blend(1, lBig));
            lhu = lhu.blend(LongVector.broadcast(LONGS, 0x100000L).sub(lhu).lanewise(VectorOperators.ASHR, 2), lBig);
            DoubleVector lf = lNormal.sub(1.0).blend(t, lDirect);
            lk = lk.blend(0, lDirect.cast(LONGS));
            lhu = lhu.blend(1, lDirect.cast(LONGS));
            lc = lc.blend(0.0, lDirect);
            DoubleVector lkd = (DoubleVector) lk.convert(VectorOperators.L2D, 0);
            VectorMask<Double> lkZero = lk.compare(VectorOperators.EQ, 0).cast(D);
            DoubleVector lHfsq = lf.mul(0.5).mul(lf);
            DoubleVector ls = lf.div(lf.add(2.0));
            DoubleVector lz = ls.mul(ls);
            DoubleVector lp = lz.mul(LP7).add(LP6);
            lp = lz.mul(lp).add(LP5);
            lp = lz.mul(lp).add(LP4);
            lp = lz.mul(lp).add(LP3);
            lp = lz.mul(lp).add(LP2);
            lp = lz.mul(lp).add(LP1);
            DoubleVector lR = lz.mul(lp);
            DoubleVector lMain = lkd.mul(LN2_HI).sub(lHfsq.sub(ls.mul(lHfsq.add(lR)).add(lkd.mul(LN2_LO).add(lc))).sub(lf))
                    .blend(lf.sub(lHfsq.sub(ls.mul(lHfsq.add(lR)))), lkZero);
            DoubleVector lRs = lHfsq.mul(lf.mul(TWO_THIRDS).neg().add(1.0));
            DoubleVector lSmall = lkd.mul(LN2_HI).sub(lRs.sub(lkd.mul(LN2_LO).add(lc)).sub(lf)).blend(lf.sub(lRs), lkZero);
            DoubleVector lExact = lkd.mul(LN2_HI).add(lc.add(lkd.mul(LN2_LO))).blend(0.0, lkZero);
            DoubleVector log1p = lMain
                    .blend(lSmall.blend(lExact, lf.compare(VectorOperators.EQ, 0.0)), lhu.compare(VectorOperators.EQ, 0).cast(D))
                    .blend(t.sub(t.mul(t).mul(0.5)), lHigh.compare(VectorOperators.LT, LOG1P_TINY).cast(D))
                    .blend(t, lHigh.compare(VectorOperators.LT, LOG1P_TINIER).cast(D));
            log1p.blend(t.add(t), t.compare(VectorOperators.NE, t)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = StrictMath.log1p(ts[i]);
        }
    }
}
