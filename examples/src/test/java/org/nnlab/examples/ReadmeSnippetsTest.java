package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet in the README runs as a reader copies it: pasted into a plain {@code jshell} (only JShell's
 * default imports, the library on the class path), in an empty folder. A snippet passes if jshell reports no error
 * or exception; so each snippet carries its own imports and defines what it uses.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    static Stream<String> snippets() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Matcher m = JAVA.matcher(readme);
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).as("the README's Java snippets").hasSizeGreaterThanOrEqualTo(7);
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void snippetRunsInAPlainJShell(String snippet, @TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("scalar".equals(System.getProperty("nn.kernels")),
                "runs in the default execution only");
        Path script = dir.resolve("snippet.jsh");
        Files.writeString(script, snippet + "\n/exit\n");
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        List<String> command = List.of(jshell.toString(), "--add-modules=jdk.incubator.vector",
                "-R-Djava.awt.headless=true", "-R--add-modules=jdk.incubator.vector", "--class-path",
                System.getProperty("java.class.path"), "--startup", "DEFAULT", script.toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String stderr = new String(err, StandardCharsets.UTF_8);
        String stdout = new String(out, StandardCharsets.UTF_8);
        String first = snippet.lines().filter(l -> !l.startsWith("import") && !l.isBlank()).findFirst().orElse("");
        assertThat(p.exitValue()).as(first + "\n" + stdout + stderr).isZero();
        assertThat(stderr.lines().filter(l -> l.startsWith("Error:") || l.startsWith("Exception ")
                || l.contains("|  Error") || l.contains("cannot find symbol") || l.contains("|  Exception")))
                .as(first + "\n" + stderr).isEmpty();
    }
}
