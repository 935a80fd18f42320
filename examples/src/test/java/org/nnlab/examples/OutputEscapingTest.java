package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.nn.RunRecord;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/**
 * Fuzzed strings (quotes, backslashes, control characters, non-ASCII, lone surrogates) through every output
 * that carries a user's text: Playground's "state" (its seed), ShapeShop's freeform class names (file
 * names), and run records. Jackson, an independent parser, must read each back as written.
 */
class OutputEscapingTest {
    private static final String HOSTILE = "\"\\\u0001\u001f\t\n\u007f\u2028é漢😀'<>/";

    private static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

    @TempDir
    Path dir;

    static String hostile(SplittableRandom rng, boolean forFileName) {
        StringBuilder b = new StringBuilder("s");
        for (int i = rng.nextInt(1, 10); i > 0; i--) {
            char c = HOSTILE.charAt(rng.nextInt(HOSTILE.length()));
            if (rng.nextInt(8) == 0 && !forFileName) {
                c = (char) rng.nextInt(0xD800, 0xE000);                 // a lone surrogate
            }
            // file names: no '/', no control characters, and non-ASCII only where the JVM encodes names as UTF-8
            boolean nameOk = c != '/' && c >= 0x20 && !Character.isSurrogate(c) && (c < 0x80 || UTF8_NAMES);
            if (forFileName ? nameOk : c != '\n' && c != '\t') {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    void playgroundSeedsSurviveTheJson() throws Exception {
        SplittableRandom rng = new SplittableRandom(41);
        for (int i = 0; i < 40; i++) {
            String seed = hostile(rng, false).replace("&", "").replace("=", "").replace("#", "");
            Path json = dir.resolve("p" + i + ".json");
            CliRun cli = new CliRun();
            assertThat(cli.run("playground", "--state", "seed=" + seed, "--epochs", "1", "--json", json.toString()))
                    .as(cli.err()).isZero();
            JsonNode doc = CliProcessIT.JACKSON.readTree(json.toFile());
            String expected = PlaygroundState.parse("seed=" + seed).toHash();
            assertThat(doc.get("state").asText()).isEqualTo(withoutLoneSurrogates(expected));
        }
    }

    @Test
    void freeformNamesSurviveTheJson() throws Exception {
        SplittableRandom rng = new SplittableRandom(42);
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xffffff);
        List<String> names = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("shapeshop", "--classes", "box", "--model", "mlp", "--epochs", "1",
                "--init", "zeros", "--step", "0.01", "--seed", "1", "--max-steps", "3", "--json",
                dir.resolve("s.json").toString()));
        for (int i = 0; i < 6; i++) {
            String name = hostile(rng, true) + i;
            Path png = dir.resolve(name + ".png");
            javax.imageio.ImageIO.write(image, "png", png.toFile());
            names.add(png.getFileName().toString().replaceFirst("\\.png$", ""));
            args.add("--freeform");
            args.add(png.toString());
        }
        CliRun cli = new CliRun();
        assertThat(cli.run(args.toArray(String[]::new))).as(cli.err()).isZero();
        JsonNode classes = CliProcessIT.JACKSON.readTree(dir.resolve("s.json").toFile()).get("classes");
        assertThat(classes).hasSize(7);
        for (int i = 0; i < names.size(); i++) {
            assertThat(classes.get(i + 1).get("name").asText()).isEqualTo(names.get(i));
        }
    }

    @Test
    void runRecordsSurviveTheJson() throws Exception {
        SplittableRandom rng = new SplittableRandom(43);
        for (int i = 0; i < 200; i++) {
            String config = hostile(rng, false);
            String seed = hostile(rng, false);
            RunRecord r = RunRecord.of("sys", config, seed, 3, java.util.Map.of("loss", 0.5, "nan", Double.NaN), false);
            JsonNode doc = CliProcessIT.JACKSON.readTree(r.toJson());
            assertThat(doc.get("config").asText()).isEqualTo(withoutLoneSurrogates(config));
            assertThat(doc.get("seed").asText()).isEqualTo(withoutLoneSurrogates(seed));
            assertThat(doc.get("metrics").get("nan").isNull()).isTrue();
        }
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("seed=\"q\\"));
        assertThat(CliProcessIT.JACKSON.readTree(s.record().toJson()).get("seed").asText()).isEqualTo("\"q\\");
    }

    static String withoutLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.appendCodePoint(cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp));
        return b.toString();
    }
}
