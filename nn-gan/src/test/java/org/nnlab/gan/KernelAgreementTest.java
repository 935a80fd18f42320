package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.Rng;
import org.nnlab.nn.dense.DenseStack;

/**
 * A GAN run gives bitwise the same losses and weights whatever the kernels and the JIT: this JVM's run
 * against the same run in child JVMs with {@code -Dnn.kernels=scalar}, with {@code -Xint} (the interpreter
 * only) and with {@code -XX:TieredStopAtLevel=1} (C1 only). DenseStack sums in double in one fixed order in plain
 * loops, so nothing depends on the kernels' summation order or on what the JIT has compiled.
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
        GanSession.EpochLosses e = s.train(30);
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

    @ParameterizedTest
    @ValueSource(strings = {"-Dnn.kernels=scalar", "-Xint", "-XX:TieredStopAtLevel=1"})
    void everyKernelAndJitGivesTheSameBits(String flag) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), flag, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), KernelAgreementTest.class.getName())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        double[] child = out.lines().mapToDouble(Double::parseDouble).toArray();
        double[] here = run();
        assertThat(child).as("losses and weights with %s", flag).containsExactly(here);
    }
}
