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
 * Every vector form compiles: a method C1 refuses (a large one runs out of its register allocator's virtual
 * registers) is never profiled into C2 either, so its vectors stay heap objects and the kernel runs tens of times
 * slower, with the right bits and no other sign. A child JVM works the kernels under {@code -XX:+PrintCompilation}
 * and no compilation of ours may be skipped.
 */
class VectorFormsCompileTest {
    @Test
    void noVectorFormIsTooLargeForTheJit() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = Path.of("target", "classes") + File.pathSeparator + Path.of("target", "test-classes");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+PrintCompilation", "--add-modules=jdk.incubator.vector"));
        if (System.getProperty(KernelSelection.BITS_PROPERTY) != null) {
            command.add("-D" + KernelSelection.BITS_PROPERTY + "=" + System.getProperty(KernelSelection.BITS_PROPERTY));
        }
        command.addAll(List.of("-cp", classPath, Workout.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out.lines().filter(l -> !l.contains("::")).toList().toString()).isZero();
        assertThat(out).contains("ColumnLayers::eight", "ColumnLayers::accumulate8", "StrictTanh::apply");
        assertThat(out.lines().filter(l -> l.contains("COMPILE SKIPPED") && l.contains("org.nnlab")))
                .as("compilations of ours the JIT gave up").isEmpty();
    }

    /**
     * Works every kernel (the digest's) and the dense column layers at GAN Lab's shapes, and at the widest that
     * {@code DenseStack} runs feature-major, until the JIT has them.
     */
    public static final class Workout {
        private Workout() {
        }

        public static void main(String[] args) {
            Kernels k = KernelDigest.kernels();
            for (int i = 0; i < 200; i++) {
                KernelDigest.digest(k);
            }
            int[][] shapes = {{2, 8}, {8, 8}, {8, 1}, {8, 2}, {1, 8}, {9, 9}, {10, 10}, {12, 12}, {2, 3}, {20, 20}, {32, 32}};
            for (int i = 0; i < 3000; i++) {
                for (int[] s : shapes) {
                    layer(k, s[0], s[1], i % 2 == 0 ? 300 : 150);
                }
            }
            System.out.println("done");
        }

        private static void layer(Kernels k, int in, int out, int n) {
            double[] x = new double[in * n + 8];
            double[] y = new double[out * n + 8];
            double[] below = new double[in * n + 8];
            float[] w = new float[in * out + out];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i);
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) Math.cos(i);
            }
            k.denseColumns(x, in, w, 0, in * out, y, out, n, true);
            k.denseColumnsBack(y, out, w, 0, x, below, in, n);
            k.denseColumnsGradients(x, in, y, out, n, new float[w.length], 0, in * out);
        }
    }
}
