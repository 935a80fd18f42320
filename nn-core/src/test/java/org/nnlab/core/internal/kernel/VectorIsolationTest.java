package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No compiled class outside {@code org.nnlab.core.internal.kernel.simd} references {@code jdk/incubator/vector}:
 * the library must load and run without the incubator module.
 */
class VectorIsolationTest {

    @Test
    void onlyTheSimdPackageReferencesTheVectorApi() throws IOException {
        Path classes = Path.of("target", "classes");
        assertThat(classes).isDirectory();
        List<Path> all;
        try (Stream<Path> files = Files.walk(classes)) {
            all = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(all).hasSizeGreaterThan(30);
        List<String> offenders = all.stream()
                .filter(p -> !classes.relativize(p).toString().replace('\\', '/').startsWith("org/nnlab/core/internal/kernel/simd/"))
                .filter(VectorIsolationTest::referencesVectorApi)
                .map(Path::toString)
                .toList();
        assertThat(offenders).as("classes outside kernel.simd that reference jdk/incubator/vector").isEmpty();
        assertThat(all.stream().filter(VectorIsolationTest::referencesVectorApi)).as("the simd classes do reference it").isNotEmpty();
    }

    private static boolean referencesVectorApi(Path classFile) {
        try {
            // constant-pool strings are modified UTF-8; the ASCII name appears verbatim
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("jdk/incubator/vector");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
