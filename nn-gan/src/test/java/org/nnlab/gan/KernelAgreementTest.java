package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.core.kernel.Kernels;

/**
 * Vector and scalar kernels agree on a GAN run within a stated tolerance: this JVM's run (vector) against
 * the same run in a child JVM with {@code -Dnn.kernels=scalar}. Matrix products sum in different orders,
 * so weights differ by float rounding that training then carries: after 30 epochs of GAN Lab's default
 * every weight agrees within 1e-3 absolute plus 1e-3 relative, and the two losses within 1e-3.
 */
class KernelAgreementTest {
    /** The run both JVMs make: prints the final losses and every weight, one number per line. */
    public static void main(String[] args) {
        for (double v : run()) {
            System.out.println(v);
        }
    }

    static double[] run() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults(), Rng.seeded(3));
        GanSession.EpochStats e = s.train(30);
        float[] g = s.generator().parameters();
        float[] d = s.discriminator().parameters();
        double[] out = new double[2 + g.length + d.length];
        out[0] = e.dLoss();
        out[1] = e.gLoss();
        for (int i = 0; i < g.length; i++) {
            out[2 + i] = g[i];
        }
        for (int i = 0; i < d.length; i++) {
            out[2 + g.length + i] = d[i];
        }
        return out;
    }

    @Test
    void vectorAndScalarRunsAgree() throws Exception {
        Assumptions.assumeTrue(Kernels.get().name().startsWith("vector"), "compares this JVM's vector run with scalar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Dnn.kernels=scalar", "-cp",
                System.getProperty("java.class.path"), KernelAgreementTest.class.getName())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        double[] scalar = out.lines().mapToDouble(Double::parseDouble).toArray();
        double[] vector = run();
        assertThat(scalar).hasSameSizeAs(vector);
        assertThat(scalar[0]).isCloseTo(vector[0], org.assertj.core.api.Assertions.within(1e-3));
        assertThat(scalar[1]).isCloseTo(vector[1], org.assertj.core.api.Assertions.within(1e-3));
        int exact = 0;
        for (int i = 2; i < vector.length; i++) {
            assertThat(Math.abs(scalar[i] - vector[i])).as("weight %d", i - 2)
                    .isLessThanOrEqualTo(1e-3 + 1e-3 * Math.abs(vector[i]));
            exact += scalar[i] == vector[i] ? 1 : 0;
        }
        System.out.printf("kernel agreement: %d of %d weights bitwise equal, the rest within tolerance%n", exact,
                vector.length - 2);
    }
}
