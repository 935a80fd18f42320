package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground subcommand's JSON and its errors. */
class NnlabCliTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesDataSnapshotsAndHeatmap() throws IOException {
        Path json = dir.resolve("run.json");
        Path png = dir.resolve("run.png");
        int rc = run("playground", "--state", "https://playground.tensorflow.org/#regularization=L1&regularizationRate=0.01"
                + "&networkShape=3&seed=0.12345", "--epochs", "12", "--snapshots", "10,0,1", "--json", json.toString(),
                "--heatmap", "--png", png.toString());
        assertThat(rc).as(cli.err()).isZero();
        String doc = Files.readString(json);
        assertThat(doc).startsWith("{\"state\":\"activation=tanh&regularization=L1&")
                .contains("\"epochs\":12", "\"diverged\":false", "\"divergedAt\":null", "\"missingSnapshots\":[]", "\"trainData\":[[", "\"snapshots\":[{\"epoch\":0,",
                        "{\"epoch\":1,", "{\"epoch\":10,", "\"inputs\":[\"x\",\"y\"]", "\"dead\":[", "\"heatmap\":[[");
        assertThat(doc.split("\"neurons\"", -1)).hasSize(1 + 3 * 2);          // 3 snapshots x (hidden + output)
        assertThat(cli.out()).contains("epoch=12", json.toString());
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isGreaterThan(900);                    // the main picture at 1.5x
        assertThat(picture.getHeight()).isGreaterThan(600);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(json, png);           // no temporary file left behind
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {"playground", "ganlab", "shapeshop", "diagram"}) {
            cli.reset();
            assertThat(run(sub, "--help")).isZero();
            assertThat(cli.out()).startsWith("Usage: nnlab " + sub + " ").contains("--help", "--version")
                    .contains("Example: nnlab " + sub);
        }
        cli.reset();
        assertThat(run("--help")).isZero();
        assertThat(cli.out()).startsWith("Usage: nnlab").contains("playground", "ganlab", "shapeshop", "diagram",
                "Exit status");
        cli.reset();
        assertThat(run("--version")).isZero();
        assertThat(cli.out()).startsWith("nnlab ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        assertThat(run("playground", "--epochs", "3", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("nnlab playground: Missing required option: '--state=URL-OR-HASH' "
                + "(see 'nnlab playground --help')");
        cli.reset();
        assertThat(run("playground", "--state", "seed=1", "--epochs", "-3", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("nnlab playground: --epochs must be 0..10000000, got -3 "
                + "(see 'nnlab playground --help')");
        cli.reset();
        assertThat(run("playground", "--state", "x=true", "--epochs", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("--state has no seed");
        cli.reset();
        assertThat(run("playground", "--state", "seed=1&networkShape=4,Infinity", "--epochs", "1", "--json", "x.json"))
                .isEqualTo(2);
        assertThat(cli.err().strip())
                .isEqualTo("nnlab playground: PlaygroundSession: networkShape[1] must be finite, got Infinity");
        cli.reset();
        assertThat(run("train")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("nnlab: unknown subcommand 'train'; choose one of playground, ganlab, "
                + "shapeshop, sweep, diagram, live (see 'nnlab --help')");
    }

    @Test
    void aFailedWriteNamesThePathAndLeavesNothing() {
        Path missing = dir.resolve("no/such/dir/run.json");
        assertThat(run("playground", "--state", "seed=1", "--epochs", "1", "--json", missing.toString())).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("nnlab playground: cannot write " + missing + ": folder "
                + missing.getParent() + " does not exist");
        assertThat(dir.resolve("no")).doesNotExist();
    }
}
