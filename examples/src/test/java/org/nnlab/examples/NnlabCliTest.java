package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground subcommand's JSON and its errors. */
class NnlabCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Nnlab.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesDataSnapshotsAndHeatmap() throws IOException {
        Path json = dir.resolve("run.json");
        Path png = dir.resolve("run.png");
        int rc = run("playground", "--state", "https://playground.tensorflow.org/#regularization=L1&regularizationRate=0.01"
                + "&networkShape=3&seed=0.12345", "--epochs", "12", "--snapshots", "10,0,1", "--json", json.toString(),
                "--heatmap", "--png", png.toString());
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String doc = Files.readString(json);
        assertThat(doc).startsWith("{\"state\":\"activation=tanh&regularization=L1&")
                .contains("\"epochs\":12", "\"diverged\":false", "\"trainData\":[[", "\"snapshots\":[{\"epoch\":0,",
                        "{\"epoch\":1,", "{\"epoch\":10,", "\"inputs\":[\"x\",\"y\"]", "\"dead\":[", "\"heatmap\":[[");
        assertThat(doc.split("\"neurons\"", -1)).hasSize(1 + 3 * 2);          // 3 snapshots x (hidden + output)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("epoch=12", json.toString());
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isGreaterThan(900);                    // the main picture at 1.5x
        assertThat(picture.getHeight()).isGreaterThan(600);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(json, png);           // no temporary file left behind
        }
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        assertThat(run("playground", "--epochs", "3", "--json", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("playground: --state, --epochs and --json are required");
        err.reset();
        assertThat(run("playground", "--state", "seed=1", "--epochs", "-3", "--json", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("playground: --epochs must be an integer >= 0, got '-3'");
        err.reset();
        assertThat(run("playground", "--state", "x=true", "--epochs", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the state has no seed");
        err.reset();
        assertThat(run("playground", "--state", "seed=1&networkShape=4,Infinity", "--epochs", "1", "--json", "x.json"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("playground: PlaygroundSession: networkShape[1] must be finite, got Infinity");
        err.reset();
        assertThat(run("train")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("nnlab: unknown subcommand 'train'; available: playground, ganlab, shapeshop, diagram");
    }

    @Test
    void aFailedWriteNamesThePathAndLeavesNothing() {
        Path missing = dir.resolve("no/such/dir/run.json");
        assertThat(run("playground", "--state", "seed=1", "--epochs", "1", "--json", missing.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("nnlab: cannot write " + missing);
        assertThat(dir.resolve("no")).doesNotExist();
    }
}
