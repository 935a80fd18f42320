package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.core.io.Json;
import org.nnlab.core.io.JsonWriter;
import org.nnlab.nn.dense.DenseStack;
import org.nnlab.gan.GanNetworks;
import org.nnlab.nn.Activation;

/** The ganlab subcommand: its JSON layout, given weights and atlases taken in order, and its errors. */
class GanLabCliTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path json) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(json));
    }

    @Test
    @SuppressWarnings("unchecked")
    void presetRunWritesEpochsAndTheVisualization() throws IOException {
        Path json = dir.resolve("ring.json");
        Path png = dir.resolve("ring.png");
        assertThat(run("ganlab", "--dataset", "ring", "--epochs", "4", "--json", json.toString(), "--png", png.toString()))
                .as(cli.err()).isZero();
        Map<String, Object> doc = read(json);
        List<Object> epochs = (List<Object>) doc.get("epochs");
        assertThat(epochs).hasSize(4);
        Map<String, Object> first = (Map<String, Object>) epochs.get(0);
        assertThat(first.keySet()).containsExactly("epoch", "dSteps", "gSteps", "dLoss", "gLoss", "weights");
        assertThat((List<Object>) first.get("dSteps")).hasSize(3);                  // the ring preset's kD
        assertThat(first.get("dLoss")).isEqualTo(((List<Object>) first.get("dSteps")).get(2));
        Map<String, Object> weights = (Map<String, Object>) first.get("weights");
        // G 2-10-10-2: (2·10 + 10) + (10·10 + 10) + (10·2 + 2) parameters
        assertThat((List<Object>) weights.get("g")).hasSize(30 + 110 + 22);
        Map<String, Object> vis = (Map<String, Object>) doc.get("visualization");
        assertThat(vis.keySet()).containsExactly("heatmapD", "manifoldG", "manifoldCellAreaNormalized",
                "manifoldCellOpacity", "fixedFake", "fixedFakeD", "fixedFakeGradDx", "kl", "js");
        assertThat((List<Object>) vis.get("heatmapD")).hasSize(900);
        assertThat((List<Object>) vis.get("manifoldG")).hasSize(441);
        assertThat((List<Object>) ((List<Object>) vis.get("manifoldG")).get(0)).hasSize(2);
        assertThat((List<Object>) vis.get("manifoldCellOpacity")).hasSize(400);
        assertThat((List<Object>) vis.get("fixedFakeGradDx")).hasSize(150);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenWeightsAndAtlasesAreUsedInOrder() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"noiseSize\": 2, \"noiseType\": \"2D Uniform\", \"gLayers\": 0, \"gNeurons\": 4,"
                + " \"dLayers\": 0, \"dNeurons\": 3, \"dLR\": 0.1, \"gLR\": 0.1, \"dOpt\": \"SGD\", \"gOpt\": \"SGD\","
                + " \"loss\": \"Log loss\", \"kD\": 1, \"kG\": 1, \"batch\": 150}");
        Rng rng = Rng.seeded(5);
        DenseStack g = GanNetworks.create(2, 0, 4, 2, Activation.TANH, rng);
        DenseStack d = GanNetworks.create(2, 0, 3, 1, Activation.SIGMOID, rng);
        float[] real = new float[300 * 2];
        float[] noise = new float[450 * 2];
        for (int i = 0; i < real.length; i++) {
            real[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextDouble();
        }
        Path weights = dir.resolve("w.json");
        Files.writeString(weights, "{\"g\":" + JsonWriter.toJson(w -> w.values(g.parameters())) + ",\"d\":" + JsonWriter.toJson(w -> w.values(d.parameters())) + "}");
        Path realFile = dir.resolve("real.json");
        Files.writeString(realFile, "{\"rows\":300,\"cols\":2,\"values\":" + JsonWriter.toJson(w -> w.values(real)) + "}");
        Path noiseFile = dir.resolve("noise.json");
        Files.writeString(noiseFile, "{\"rows\":450,\"cols\":2,\"values\":" + JsonWriter.toJson(w -> w.values(noise)) + "}");
        Path json = dir.resolve("out.json");
        assertThat(run("ganlab", "--config", config.toString(), "--weights", weights.toString(), "--real",
                realFile.toString(), "--noise", noiseFile.toString(), "--epochs", "2", "--json", json.toString()))
                .as(cli.err()).isZero();
        List<Object> epochs = (List<Object>) read(json).get("epochs");
        // epoch 1's D step: real rows 0..149 against G on noise rows 0..149, before the update
        float[] pReal = d.apply(real, 150);
        float[] pFake = d.apply(g.apply(noise, 150), 150);
        double expected = 0;                                                  // GAN Lab's formula, spec 2.e
        for (int i = 0; i < 150; i++) {
            expected -= (0.95 * Math.log(pReal[i]) + Math.log(1 - pFake[i])) / 150;
        }
        double dStep = (Double) ((List<Object>) ((Map<String, Object>) epochs.get(0)).get("dSteps")).get(0);
        assertThat(dStep).isCloseTo(expected, within(1e-5));
        // epoch 1's G step takes noise rows 150..299 (one counter shared by D and G): with D as it was
        // after its update, taken from epoch 1's weights
        Map<String, Object> w1 = (Map<String, Object>) ((Map<String, Object>) epochs.get(0)).get("weights");
        DenseStack dAfter = d.copy();
        dAfter.setParameters(Json.floats(w1.get("d"), "d"));
        float[] noise2 = java.util.Arrays.copyOfRange(noise, 300, 600);
        float[] p2 = dAfter.apply(g.apply(noise2, 150), 150);
        double gExpected = 0;
        for (int i = 0; i < 150; i++) {
            gExpected -= Math.log(p2[i]) / 150;
        }
        double gStep = (Double) ((List<Object>) ((Map<String, Object>) epochs.get(0)).get("gSteps")).get(0);
        assertThat(gStep).isCloseTo(gExpected, within(1e-5));
        assertThat(GanConfig.fromJson(Files.readString(config)).kD()).isEqualTo(1);
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() throws IOException {
        assertThat(run("ganlab", "--epochs", "3", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).startsWith("nnlab ganlab: give --config FILE or --dataset NAME");
        cli.reset();
        assertThat(run("ganlab", "--dataset", "spiral", "--epochs", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown dataset \"spiral\"");
        cli.reset();
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"dLR\": \"fast\"}");
        assertThat(run("ganlab", "--config", config.toString(), "--epochs", "1", "--json", "x.json")).isEqualTo(2);
        assertThat(cli.err()).contains("\"dLR\" must be a number, got \"fast\"");
        cli.reset();
        assertThat(run("ganlab", "--config", dir.resolve("missing.json").toString(), "--epochs", "1", "--json", "x.json"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("missing.json");
    }
}
