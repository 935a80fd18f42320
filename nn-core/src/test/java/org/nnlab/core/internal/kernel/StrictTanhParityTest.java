package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/**
 * {@link Kernels#strictTanh} against {@link StrictMath#tanh} itself, bit for bit, on both kernel sets:
 * random arguments over every range fdlibm treats differently, and the neighbours of every threshold in
 * tanh and in expm1 (where the reduction picks k, where k crosses -1, 0, 1, 20 and 56).
 */
class StrictTanhParityTest {
    private static final double LN2 = Math.log(2);

    @Test
    void scalarKernelsAreStrictMath() {
        assertBitwiseStrictMath(KernelSelection.scalar(), arguments());
    }

    @Test
    void vectorKernelsAreStrictMathBitForBit() {
        Kernels vector = KernelSelection.vector().orElse(null);
        assumeThat(vector).as("jdk.incubator.vector is not available").isNotNull();
        assertBitwiseStrictMath(vector, arguments());
    }

    @Test
    void arraysMayAliasAndTailsAreCovered() {
        Kernels kernels = Kernels.get();
        for (int n = 0; n <= 19; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (i - 9) * 0.37;
            }
            kernels.strictTanh(x, x, n);
            for (int i = 0; i < n; i++) {
                assertThat(x[i]).as("n=%d i=%d", n, i).isEqualTo(StrictMath.tanh((i - 9) * 0.37));
            }
        }
    }

    private static void assertBitwiseStrictMath(Kernels kernels, double[] x) {
        double[] y = new double[x.length];
        kernels.strictTanh(x, y, x.length);
        int mismatches = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            double expected = StrictMath.tanh(x[i]);
            if (Double.doubleToLongBits(y[i]) != Double.doubleToLongBits(expected)) {
                if (mismatches++ < 5) {
                    first.append(String.format("%n  tanh(%s) = %s, StrictMath %s", Double.toHexString(x[i]),
                            Double.toHexString(y[i]), Double.toHexString(expected)));
                }
            }
        }
        assertThat(mismatches).as("%s: %d of %d differ from StrictMath.tanh:%s", kernels.name(), mismatches,
                x.length, first).isZero();
    }

    /** Random arguments per range, every threshold's neighbours, and the special values, both signs. */
    static double[] arguments() {
        List<Double> values = new ArrayList<>();
        Rng rng = Rng.seeded(20261122);
        double[][] ranges = {{0, 0x1p-55}, {0x1p-55, 1e-8}, {1e-8, 0.1}, {0.1, 0.5}, {0.5, 1}, {1, 3},
            {3, 10}, {10, 22}, {22, 40}, {0, 6}};
        for (double[] range : ranges) {
            for (int i = 0; i < 20_000; i++) {
                values.add(range[0] + (range[1] - range[0]) * rng.nextDouble());
            }
        }
        for (int i = 0; i < 20_000; i++) {      // log-uniform over 2^-60 .. 2^6
            values.add(Math.scalb(1 + rng.nextDouble(), (int) (rng.nextDouble() * 66) - 60));
        }
        List<Double> thresholds = new ArrayList<>(List.of(0x1p-55, 1.0, 22.0, 0.25 * LN2, 0.75 * LN2, 0.125));
        for (int k = -4; k <= 64; k++) {        // expm1(u), u = ±2|x|: k changes at u = (k ± 0.5)·ln2
            thresholds.add(Math.abs((k + 0.5) * LN2 / 2));
        }
        return bothSigns(values, thresholds, List.of(0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0x1p-54, 21.999999,
                700.0, 1e308, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN));
    }

    /**
     * The values, each threshold with its four neighbours on either side (where fdlibm's branches change), and the
     * special values, every one with both signs: the arguments of the strict functions' parity tests.
     */
    static double[] bothSigns(List<Double> values, List<Double> thresholds, List<Double> specials) {
        for (double t : thresholds) {
            double v = t;
            double w = t;
            for (int step = 0; step < 4; step++) {
                values.add(v);
                values.add(w);
                v = Math.nextUp(v);
                w = Math.nextDown(w);
            }
        }
        values.addAll(specials);
        double[] x = new double[2 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            x[2 * i] = values.get(i);
            x[2 * i + 1] = -values.get(i);
        }
        return x;
    }
}
