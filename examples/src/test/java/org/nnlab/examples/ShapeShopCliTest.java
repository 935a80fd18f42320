package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.io.Json;

/** The shapeshop subcommand: its JSON, a freeform class from a PNG, and its errors. */
class ShapeShopCliTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesAccuraciesAndEveryClass() throws IOException {
        java.awt.image.BufferedImage cross = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 4; i < 24; i++) {
            cross.setRGB(i, i, 0xffffff);
            cross.setRGB(27 - i, i, 0xffffff);
        }
        Path crossPng = dir.resolve("cross.png");
        javax.imageio.ImageIO.write(cross, "png", crossPng.toFile());
        Path json = dir.resolve("run.json");
        Path png = dir.resolve("run.png");
        assertThat(run("shapeshop", "--classes", "box,line,noise", "--model", "mlp", "--epochs", "30", "--init", "zeros",
                "--step", "0.005", "--seed", "7", "--json", json.toString(), "--png", png.toString(), "--freeform",
                crossPng.toString())).as(cli.err()).isZero();
        Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readString(json));
        assertThat(doc.keySet()).containsExactly("trainAccuracy", "validationAccuracy", "diverged", "classes");
        assertThat(doc.get("diverged")).isEqualTo(false);
        List<Object> classes = (List<Object>) doc.get("classes");
        assertThat(classes).hasSize(4);
        Map<String, Object> line = (Map<String, Object>) classes.get(1);
        assertThat(line.keySet()).containsExactly("name", "r", "steps", "reached", "probability", "diverged");
        assertThat(line.get("name")).isEqualTo("line");
        assertThat(line.get("reached")).isEqualTo(true);
        assertThat((Double) line.get("probability")).isGreaterThan(0.99);
        assertThat((Double) line.get("r")).isBetween(0.0, 1.0);
        assertThat(((Map<String, Object>) classes.get(3)).get("name")).isEqualTo("cross");
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(600);
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        assertThat(run("shapeshop", "--classes", "box,line", "--model", "mlp")).isEqualTo(2);
        assertThat(cli.err().strip()).startsWith("nnlab shapeshop: Missing required options: '--epochs=N'")
                .endsWith("(see 'nnlab shapeshop --help')").doesNotContain("\n");
        cli.reset();
        assertThat(run("shapeshop", "--classes", "box,house", "--model", "mlp", "--epochs", "5", "--init", "zeros",
                "--step", "0.005", "--seed", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown shape \"house\"");
        cli.reset();
        assertThat(run("shapeshop", "--classes", "box,line", "--model", "rnn", "--epochs", "5", "--init", "zeros",
                "--step", "0.005", "--seed", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown model \"rnn\"; expected mlp or cnn");
        cli.reset();
        assertThat(run("shapeshop", "--classes", "box,line", "--model", "mlp", "--epochs", "0", "--init", "zeros",
                "--step", "0.005", "--seed", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("--epochs must be 1..100000, got 0");
    }
}
