package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.nn.OptimizerKind;

/**
 * nnlab's GAN training is never less accurate than GAN Lab's: on a spread of configurations (learning rates
 * up to 1, SGD and Adam, both losses, widths 3 to 100, kD and kG 1 to 3) the weights after 1 and 10 epochs
 * are compared with a float64 restatement of the same epochs ({@link GanRestatement}), and nnlab's largest
 * error must not exceed that of GAN Lab's arithmetic (float32 tensors, double accumulation, each operation
 * rounded) restated on the same epochs.
 */
class GanArithmeticTest {
    record Case(String name, GanConfig config) {
    }

    static List<Case> cases() {
        GanConfig base = GanConfig.defaults();
        List<Case> cases = new ArrayList<>();
        // The two the issue measured: tiny networks at learning rate 1 with kD = kG = 3, and a wide D with Adam.
        cases.add(new Case("tiny lr1 k3 SGD log", base.withNetworks(0, 3, 0, 4).withLearningRates(1, 1).withK(3, 3)));
        cases.add(new Case("tiny lr1 k3 SGD lsq",
                base.withNetworks(0, 3, 0, 4).withLearningRates(1, 1).withK(3, 3).withLoss(GanLoss.LEAST_SQUARES)));
        cases.add(new Case("D 1x100 Adam lsq", base.withNetworks(0, 16, 0, 100).withLearningRates(0.01, 0.01)
                .withOptimizers(OptimizerKind.ADAM, OptimizerKind.ADAM).withLoss(GanLoss.LEAST_SQUARES)));
        cases.add(new Case("D 1x100 Adam log", base.withNetworks(0, 16, 0, 100).withLearningRates(0.01, 0.01)
                .withOptimizers(OptimizerKind.ADAM, OptimizerKind.ADAM)));
        cases.add(new Case("tiny lr1 Adam", base.withNetworks(0, 3, 0, 4).withLearningRates(1, 1).withK(1, 2)
                .withOptimizers(OptimizerKind.ADAM, OptimizerKind.ADAM)));
        cases.add(new Case("defaults", base));
        cases.add(new Case("ring preset", GanConfig.preset("ring")));
        cases.add(new Case("2x32 lr0.5 k2 SGD lsq", base.withNetworks(1, 32, 1, 32).withLearningRates(0.5, 0.5)
                .withK(2, 3).withLoss(GanLoss.LEAST_SQUARES)));
        cases.add(new Case("G 3x100 D 1x3 Adam", base.withNetworks(2, 100, 0, 3).withLearningRates(0.1, 0.1)
                .withOptimizers(OptimizerKind.SGD, OptimizerKind.ADAM).withK(1, 1)));
        cases.add(new Case("1D gaussian noise D 2x50", base.withNoise(NoiseType.GAUSSIAN_1D).withNetworks(0, 8, 1, 50)
                .withLearningRates(1, 0.3).withK(3, 1)));
        return cases;
    }

    /**
     * |nnlab - exact| and |GAN Lab - exact| over both networks' weights: the largest, and the root mean
     * square.
     */
    record Errors(double nnlab, double ganLab, double nnlabRms, double ganLabRms) {
    }

    static Errors errors(GanConfig config, int epochs, GanRestatement.Arithmetic oracle) {
        GanSession s = GanSession.create(RealData.ring(), config, Rng.seeded(11));
        GanRestatement exact = new GanRestatement(s, oracle);
        GanRestatement ganLab = new GanRestatement(s, GanRestatement.Arithmetic.GAN_LAB);
        for (int e = 0; e < epochs; e++) {
            s.epoch();
            exact.epoch();
            ganLab.epoch();
        }
        double[] truth = concat(exact.generatorParameters(), exact.discriminatorParameters());
        double[] mine = concat(doubles(s.generator().parameters()), doubles(s.discriminator().parameters()));
        double[] theirs = concat(ganLab.generatorParameters(), ganLab.discriminatorParameters());
        return new Errors(maxDiff(mine, truth), maxDiff(theirs, truth), rms(mine, truth), rms(theirs, truth));
    }

    private static double[] doubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** max |a - b|, NaN if either holds a value that is not finite. */
    private static double maxDiff(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                return Double.NaN;
            }
        }
        return max;
    }

    private static double rms(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum / a.length);
    }

    /**
     * Two oracles: float64 throughout, and float64 with float32 storage of what persists between steps (the
     * parameters and Adam's moments, which both engines store in float32). Over the spread, nnlab's error
     * is no larger than GAN Lab's against either (the geometric mean of the ratios is at most 1; before the
     * double sums it was 2 to 40 times larger on the hard cases), and in each case it is within 1.25x of
     * GAN Lab's against the storage oracle and 1.5x against pure float64. Both engines round the same stored
     * floats, so where their errors are alike a last bit rounded the other way in one weight, which training
     * then carries chaotically, decides which is ahead; the bound leaves room for that and nothing more.
     */
    @Test
    void neverLessAccurateThanGanLab() {
        StringBuilder table = new StringBuilder("case | epochs | max error against float64: nnlab | GAN Lab | rms: nnlab"
                + " | GAN Lab | max error against float64 with float32 storage: nnlab | GAN Lab\n");
        List<String> worse = new ArrayList<>();
        double logRatios = 0;
        double logStoredRatios = 0;
        int count = 0;
        for (Case c : cases()) {
            for (int epochs : new int[] {1, 10}) {
                Errors e = errors(c.config(), epochs, GanRestatement.Arithmetic.FLOAT64);
                Errors st = errors(c.config(), epochs, GanRestatement.Arithmetic.FLOAT64_STORED_AS_FLOAT32);
                table.append(String.format("%s | %d | %.2e | %.2e | %.2e | %.2e | %.2e | %.2e%n", c.name(), epochs,
                        e.nnlab(), e.ganLab(), e.nnlabRms(), e.ganLabRms(), st.nnlab(), st.ganLab()));
                assertThat(st.ganLab()).as("%s: GAN Lab's arithmetic differs from float64 (the test can fail)", c.name())
                        .isGreaterThan(0);
                if (!(st.nnlab() <= 1.25 * st.ganLab())) {
                    worse.add(c.name() + " after " + epochs + " epochs, against float64 with float32 storage");
                }
                if (!(e.nnlab() <= 1.5 * e.ganLab())) {
                    worse.add(c.name() + " after " + epochs + " epochs, against float64");
                }
                logRatios += Math.log(e.nnlab() / e.ganLab());
                logStoredRatios += Math.log(st.nnlab() / st.ganLab());
                count++;
            }
        }
        System.out.print(table);
        assertThat(worse).as("configurations where nnlab is less accurate than GAN Lab:%n%s", table).isEmpty();
        assertThat(Math.exp(logRatios / count)).as("geometric mean of nnlab's / GAN Lab's error against float64:%n%s",
                table).isLessThanOrEqualTo(1);
        assertThat(Math.exp(logStoredRatios / count)).as("the same against float64 with float32 storage:%n%s", table)
                .isLessThanOrEqualTo(1);
    }

    /** The restatement follows nnlab's algorithm: in float64 it stays within float rounding of nnlab for one epoch. */
    @Test
    void theRestatementIsTheSameAlgorithm() {
        for (Case c : cases()) {
            assertThat(errors(c.config(), 1, GanRestatement.Arithmetic.FLOAT64).nnlab()).as(c.name()).isLessThan(1e-5);
        }
    }
}
