package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Started without {@code --add-modules jdk.incubator.vector}, the library works on the scalar kernels and
 * says once, on the logger, how to enable SIMD.
 */
class WithoutVectorModuleTest {

    @Test
    void fallsBackToScalarWithOneLineNamingTheFix() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = Path.of("target", "classes") + File.pathSeparator + Path.of("target", "test-classes");
        Process p = new ProcessBuilder(java, "-cp", classPath, NoModuleProbe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kernels=scalar size=800");
        List<String> hints = out.lines().filter(l -> l.contains("--add-modules jdk.incubator.vector")).toList();
        assertThat(hints).containsExactly("WARNING: jdk.incubator.vector is not available; using scalar kernels. "
                + "Start java or jshell with --add-modules jdk.incubator.vector to enable SIMD");
    }
}
