package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagram subcommand for each kind of model, and its errors. */
class DiagramCliTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void everyKindOfModelGivesAPictureAndItsTextTwin() throws IOException {
        String[] models = {"shapeshop:cnn", "shapeshop:mlp", "ganlab:ring", "playground:seed=1&networkShape=4,2"};
        for (String m : models) {
            Path png = dir.resolve(m.replaceAll("[^a-z]", "") + ".png");
            Path txt = dir.resolve(m.replaceAll("[^a-z]", "") + ".txt");
            assertThat(run("diagram", "--model", m, "--classes", "10", "--png", png.toString(), "--txt", txt.toString()))
                    .as(m + ": " + cli.err()).isZero();
            assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(300);
            assertThat(Files.readString(txt)).startsWith("Model: ");
        }
        assertThat(Files.readString(dir.resolve("shapeshopcnn.txt"))).contains("Params: 600,810 total",
                "MACs per sample: 6,094,208", "Dense  XXXXX");
        assertThat(Files.readString(dir.resolve("ganlabring.txt"))).contains("G subtotal", "D subtotal");
    }

    @Test
    void badModelsGiveOneLineAndExitCode2() {
        assertThat(run("diagram", "--model", "keras:vgg", "--png", "x.png")).isEqualTo(2);
        assertThat(cli.err()).contains("--model must be playground:STATE, ganlab:DATASET");
        cli.reset();
        assertThat(run("diagram", "--model", "shapeshop:rnn", "--png", "x.png")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown model \"rnn\"");
        cli.reset();
        assertThat(run("diagram", "--model", "ganlab:spiral", "--png", "x.png")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown dataset \"spiral\"");
    }
}
