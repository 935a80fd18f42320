package org.nnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.io.JsonWriter;

/**
 * The Playground peer, Playground's {@code nn.ts} restated in JavaScript ({@code playground-nn.js} as packed in
 * benchmarks.jar), run by Node on {@link PlaygroundPeerConfig}'s file: its weights equal nnlab's bit for bit after
 * the check epochs on both benchmark configurations, and one weight off by one unit in the last place makes it refuse
 * to time anything, naming the weight. Needs {@code node} on the PATH (CI installs Debian's nodejs).
 */
class PlaygroundPeerTest {
    @TempDir
    static Path dir;
    private static Path script;
    private static String config;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        assumeThat(onPath("node")).as("node on the PATH").isTrue();
        script = dir.resolve("playground-nn.js");
        try (InputStream in = PlaygroundPeerTest.class.getResourceAsStream("peers/playground-nn.js")) {
            assertThat(in).as("playground-nn.js packed beside the classes").isNotNull();
            Files.copy(in, script);
        }
        config = PlaygroundPeerConfig.json();
    }

    @Test
    void thePeerTrainsBitForBitAsNnlabOnEveryBenchmarkConfiguration() throws Exception {
        Path file = dir.resolve("peer.json");
        Files.writeString(file, config);
        for (String name : PlaygroundBenchmark.CONFIGS) {
            Run r = node(file, name);
            assertThat(r.exit()).as("%s: %s", name, r.err()).isZero();
            @SuppressWarnings("unchecked")
            Map<String, Object> line = (Map<String, Object>) ResultsJson.parse(r.out().strip());
            assertThat(line).containsEntry("peer", BenchReport.PLAYGROUND_PEER).containsEntry("model", name)
                    .containsEntry("checked", PlaygroundPeerConfig.CHECK_EPOCHS + " epochs bit for bit against nnlab");
            assertThat((Double) line.get("usPerEpoch")).isPositive();
        }
        assertThat(PeerHarness.PLAYGROUND_CONFIGS).isEqualTo(PlaygroundBenchmark.CONFIGS);
    }

    @Test
    void oneWeightOffInTheLastBitAndThePeerRefusesToBeTimed() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) ((Map<String, Object>) ResultsJson.parse(config))
                .get("configs")).get(0);
        @SuppressWarnings("unchecked")
        double w = ((List<Double>) ((Map<String, Object>) first.get("expected")).get("weights")).get(5);
        int at = config.indexOf(JsonWriter.number(w), config.indexOf("\"expected\""));
        assertThat(at).isPositive();
        String off = config.substring(0, at) + JsonWriter.number(Math.nextUp(w))
                + config.substring(at + JsonWriter.number(w).length());
        Path file = dir.resolve("off.json");
        Files.writeString(file, off);
        Run r = node(file, (String) first.get("name"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("after 3 epochs of default, weight").contains(JsonWriter.number(Math.nextUp(w)));
    }

    private static Run node(Path file, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", script.toString(), "--config", file.toString(), "--name", name,
                "--seconds", "0.2", "--warmup", "0.1").start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
