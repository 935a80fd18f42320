package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The same bits whatever the JIT has done: every kernel repeated thousands of times on one input gives one
 * result, a child JVM in the interpreter ({@code -Xint}) or on C1 only gives the digest of this warmed-up
 * one, on the same kernels and vector width, and that digest is the scalar kernels'.
 */
class KernelDeterminismTest {
    private static final int REPEATS = 3000;

    @Test
    void repeatedCallsGiveOneResult() {
        Kernels k = KernelDigest.kernels();
        String first = KernelDigest.digest(k);
        for (int i = 1; i < REPEATS; i++) {
            String again = KernelDigest.digest(k);
            if (!again.equals(first)) {
                throw new AssertionError(k.name() + ": repeat " + i + " gave " + again + ", the first " + first);
            }
        }
    }

    @Test
    void theInterpreterAndC1GiveTheBitsOfWarmC2() throws Exception {
        Kernels k = KernelDigest.kernels();
        for (int i = 0; i < REPEATS; i++) {
            KernelDigest.digest(k);            // warm: C2 has compiled the kernels by now
        }
        String warm = k.name() + " " + KernelDigest.digest(k);
        assertThat(KernelDigest.digest(k)).as("%s against the scalar kernels", k.name())
                .isEqualTo(KernelDigest.digest(KernelSelection.scalar()));
        for (String mode : List.of("-Xint", "-XX:TieredStopAtLevel=1")) {
            assertThat(child(mode)).as(mode).isEqualTo(warm);
        }
    }

    private static String child(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = Path.of("target", "classes") + File.pathSeparator + Path.of("target", "test-classes");
        List<String> command = new ArrayList<>(List.of(java, mode, "--add-modules=jdk.incubator.vector"));
        for (String p : List.of(KernelSelection.PROPERTY, KernelSelection.BITS_PROPERTY)) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.addAll(List.of("-cp", classPath, KernelDigest.class.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
