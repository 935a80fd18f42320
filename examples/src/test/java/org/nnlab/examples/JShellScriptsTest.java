package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code examples/jshell/*.jsh} scenario non-interactively with the running JDK's jshell, the
 * library on the class path and the Vector API enabled. jshell exits 0 even when a snippet fails, so a
 * script passes only if it exits 0 and jshell reported no error or exception on standard error.
 */
class JShellScriptsTest {
    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jshell"))) {
            return files.filter(p -> p.toString().endsWith(".jsh") && !p.getFileName().toString().equals("nnlab.jsh"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void scriptRunsCleanly(Path script) throws Exception {
        // the scripts run in their own JVM on the vector kernels; once per build is enough
        org.junit.jupiter.api.Assumptions.assumeFalse("scalar".equals(System.getProperty("nn.kernels")),
                "runs in the default execution only");
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        List<String> command = new ArrayList<>(List.of(jshell.toString(), "--add-modules=jdk.incubator.vector",
                "-R-Djava.awt.headless=true", "--class-path", System.getProperty("java.class.path"), "--startup", "DEFAULT",
                "--startup", Path.of("jshell", "nnlab.jsh").toString(), script.toString()));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String stderr = new String(err, StandardCharsets.UTF_8);
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(script + "\n" + stdout + stderr).isZero();
        assertThat(stderr.lines().filter(l -> l.startsWith("Error:") || l.startsWith("Exception ")
                || l.contains("|  Error") || l.contains("cannot find symbol"))).as(script + "\n" + stderr).isEmpty();
        assertThat(stdout).as(script.toString()).isNotBlank();
    }
}
