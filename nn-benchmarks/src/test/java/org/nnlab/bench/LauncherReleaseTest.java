package org.nnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every class of the launcher's source folder is compiled for Java 17 (class file 61), so that
 * {@code java -jar benchmarks.jar} and its {@code report} and {@code peers} commands load on a machine whose
 * default Java is 17. A launcher class renamed without the pom's include list following it was compiled for 21
 * and made {@code report} fail there with {@code UnsupportedClassVersionError}.
 */
class LauncherReleaseTest {
    @Test
    void launcherClassesLoadOnJava17() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of("src/launcher/java/org/nnlab/bench"))) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        assertThat(names).contains("BenchMain", "BenchReport", "ResultsJson", "PeerHarness");
        for (String name : names) {
            try (InputStream in = LauncherReleaseTest.class.getResourceAsStream(name + ".class")) {
                assertThat(in).as(name + ".class").isNotNull();
                DataInputStream data = new DataInputStream(in);
                assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
                data.readUnsignedShort();                           // minor version
                assertThat(data.readUnsignedShort()).as("%s's class file version", name).isEqualTo(61);
            }
        }
    }
}
