package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/**
 * {@link Kernels#strictSigmoid} and {@link Kernels#strictSoftplus} against their formulas on {@link StrictMath}'s exp and
 * log1p, bit for bit, on both kernel sets: random arguments over every range fdlibm's exp and log1p treat differently,
 * the neighbours of every threshold (where exp's reduction picks k, where its scaling leaves the normal range, where
 * log1p's argument e^-|x| crosses 2^-54, 2^-29, 0.41422 and √2 - 1), and the special values.
 */
class StrictExpParityTest {
    private static final double LN2 = Math.log(2);
    private static final DoubleUnaryOperator SIGMOID = x -> 1 / (1 + StrictMath.exp(-x));
    private static final DoubleUnaryOperator SOFTPLUS = x -> Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));

    @Test
    void scalarKernelsAreTheStrictMathFormulas() {
        assertBitwise(KernelSelection.scalar(), arguments());
    }

    @Test
    void vectorKernelsAreTheStrictMathFormulasBitForBit() {
        assumeThat(KernelSelection.vector()).as("jdk.incubator.vector is not available").isPresent();
        assertBitwise(org.nnlab.core.internal.kernel.simd.VectorKernels.eager(), arguments());
    }

    @Test
    void arraysMayAliasAndTailsAreCovered() {
        Kernels kernels = Kernels.get();
        for (int n = 0; n <= 19; n++) {
            double[] x = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (i - 9) * 0.37;
                z[i] = x[i];
            }
            kernels.strictSigmoid(x, x, n);
            kernels.strictSoftplus(z, z, n);
            for (int i = 0; i < n; i++) {
                assertThat(x[i]).as("sigmoid n=%d i=%d", n, i).isEqualTo(SIGMOID.applyAsDouble((i - 9) * 0.37));
                assertThat(z[i]).as("softplus n=%d i=%d", n, i).isEqualTo(SOFTPLUS.applyAsDouble((i - 9) * 0.37));
            }
        }
    }

    private static void assertBitwise(Kernels kernels, double[] x) {
        double[] sigmoid = new double[x.length];
        double[] softplus = new double[x.length];
        kernels.strictSigmoid(x, sigmoid, x.length);
        kernels.strictSoftplus(x, softplus, x.length);
        compare(kernels, "sigmoid", x, sigmoid, SIGMOID);
        compare(kernels, "softplus", x, softplus, SOFTPLUS);
    }

    private static void compare(Kernels kernels, String what, double[] x, double[] y, DoubleUnaryOperator f) {
        int mismatches = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            double expected = f.applyAsDouble(x[i]);
            if (Double.doubleToLongBits(y[i]) != Double.doubleToLongBits(expected)) {
                if (mismatches++ < 5) {
                    first.append(String.format("%n  %s(%s) = %s, StrictMath %s", what, Double.toHexString(x[i]),
                            Double.toHexString(y[i]), Double.toHexString(expected)));
                }
            }
        }
        assertThat(mismatches).as("%s: %d of %d %s values differ:%s", kernels.name(), mismatches, x.length, what, first)
                .isZero();
    }

    /** Random arguments per range, every threshold's neighbours, and the special values, both signs. */
    static double[] arguments() {
        List<Double> values = new ArrayList<>();
        Rng rng = Rng.seeded(20261207);
        double[][] ranges = {{0, 0x1p-28}, {0x1p-28, 0.3}, {0.3, 1.1}, {1.1, 5}, {5, 40}, {40, 710}, {700, 746},
            {0, 0.9}, {0.85, 0.9}, {17, 38}};
        for (double[] range : ranges) {
            for (int i = 0; i < 20_000; i++) {
                values.add(range[0] + (range[1] - range[0]) * rng.nextDouble());
            }
        }
        for (int i = 0; i < 20_000; i++) {      // log-uniform over 2^-60 .. 2^10
            values.add(Math.scalb(1 + rng.nextDouble(), (int) (rng.nextDouble() * 70) - 60));
        }
        List<Double> thresholds = new ArrayList<>(List.of(0x1p-28, 0.5 * LN2, 1.5 * LN2, 0x1.62e42fefa39efp9,
            0x1.74910d52d3051p9, 1021 * LN2, 1022 * LN2, 1074 * LN2, 54 * LN2, 29 * LN2,
            -Math.log(0.41422), -Math.log(Math.sqrt(2) - 1), -Math.log(0x1.6a09ep0 - 1), 1e-20));
        for (int k = 1; k <= 1080; k += k < 64 ? 1 : 37) {       // exp's reduction changes k at (k ± 0.5)·ln2
            thresholds.add((k + 0.5) * LN2);
            thresholds.add((k - 0.5) * LN2);
        }
        return StrictTanhParityTest.bothSigns(values, thresholds, List.of(0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
                0x1p-54, 88.7, 700.0, 1e308, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN));
    }
}
