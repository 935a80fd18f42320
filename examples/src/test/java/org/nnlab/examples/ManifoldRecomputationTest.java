package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reported manifold cell areas and opacities follow from the reported corners: {@code nnlab ganlab
 * --json} on a collapsed, a nearly collapsed and a folded generator, read back with Jackson, and every
 * area recomputed from the corners as parsed (doubles) by the shoelace formula in exact BigDecimal
 * arithmetic, then normalised and turned into GAN Lab's uniform-noise opacity.
 */
class ManifoldRecomputationTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /**
     * G 2-4-2 (gLayers 0, 4 neurons): W1 [2, 4], b1 [4], W2 [4, 2], b2 [2], layer-major. D 2-3-1 (13 parameters), zero. At
     * learning rate 1e-12 the one epoch leaves G as given to float precision.
     */
    private static String generator(String shape) {
        return switch (shape) {
            // every corner on one point: all weights 0, only the output bias moves the point
            case "collapsed" -> "[0,0,0,0, 0,0,0,0, 0,0,0,0, 0,0,0,0,0,0,0,0, 0.3,-0.2]";
            // a spread of about 1e-4 around (0.29, -0.2): cells of about 2.5e-11, a few hundred ulps wide
            case "nearly-collapsed" -> "[1e-2,0,0,0, 0,1e-2,0,0, 0,0,0,0, 1e-2,0,0,1e-2,0,0,0,0, 0.3,-0.2]";
            // x' = tanh(relu(x - 0.5) + relu(0.5 - x)) folds the square at x = 0.5, y' = tanh(y)
            case "folded" -> "[1,-1,0,0, 0,0,1,0, -0.5,0.5,0,0, 1,0,1,0,0,1,0,0, 0,0]";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"collapsed", "nearly-collapsed", "folded"})
    void areasAndOpacitiesAreRecomputedFromTheCorners(String shape) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"noiseSize\": 2, \"noiseType\": \"2D Uniform\", \"gLayers\": 0, \"gNeurons\": 4,"
                + " \"dLayers\": 0, \"dNeurons\": 3, \"dLR\": 1e-12, \"gLR\": 1e-12, \"dOpt\": \"SGD\", \"gOpt\": \"SGD\","
                + " \"loss\": \"Log loss\", \"kD\": 1, \"kG\": 1, \"batch\": 150}");
        Path weights = dir.resolve("w.json");
        Files.writeString(weights, "{\"g\": " + generator(shape) + ", \"d\": [0,0,0, 0,0,0, 0,0,0, 0,0,0, 0]}");
        Path json = dir.resolve("out.json");
        assertThat(cli.run("ganlab", "--config", config.toString(), "--weights", weights.toString(), "--epochs", "1",
                "--json", json.toString())).as(cli.err()).isZero();
        JsonNode vis = new ObjectMapper().readTree(json.toFile()).get("visualization");
        JsonNode corners = vis.get("manifoldG");
        JsonNode areas = vis.get("manifoldCellAreaNormalized");
        JsonNode opacity = vis.get("manifoldCellOpacity");
        assertThat(corners).hasSize(441);

        BigDecimal[] exact = new BigDecimal[400];
        BigDecimal sum = BigDecimal.ZERO;
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                int idx = x + 21 * y;
                int[] quad = {idx, idx + 1, idx + 22, idx + 21};
                BigDecimal twice = BigDecimal.ZERO;
                for (int k = 0; k < 4; k++) {
                    JsonNode p = corners.get(quad[k]);
                    JsonNode q = corners.get(quad[(k + 1) % 4]);
                    twice = twice.add(new BigDecimal(p.get(0).doubleValue()).multiply(new BigDecimal(q.get(1).doubleValue())))
                            .subtract(new BigDecimal(q.get(0).doubleValue()).multiply(new BigDecimal(p.get(1).doubleValue())));
                }
                exact[x + 20 * y] = twice.abs().divide(BigDecimal.valueOf(2));
                sum = sum.add(exact[x + 20 * y]);
            }
        }
        int zero = 0;
        int folded = 0;
        for (int c = 0; c < 400; c++) {
            double expected = sum.signum() == 0 ? 0 : exact[c].divide(sum, MathContext.DECIMAL128).doubleValue();
            double reported = areas.get(c).doubleValue();
            assertThat(reported).as("%s: cell %d's normalised area", shape, c)
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12 + 1e-9 * expected));
            double expectedOpacity = Math.max(0.9 - 0.4 * 400 * expected, 0.1);     // GAN Lab's, uniform noise
            assertThat(opacity.get(c).doubleValue()).as("%s: cell %d's opacity", shape, c)
                    .isCloseTo(expectedOpacity, org.assertj.core.api.Assertions.within(1e-9));
            zero += reported == 0 ? 1 : 0;
        }
        for (int y = 0; y < 21; y++) {
            double left = corners.get(y).get(0).doubleValue();                     // noise x = 0 and 1
            double right = corners.get(21 * 20 + y).get(0).doubleValue();
            folded += left == right ? 1 : 0;
        }
        switch (shape) {
            case "collapsed" -> assertThat(zero).as("every cell of a collapsed manifold has area 0").isEqualTo(400);
            case "nearly-collapsed" -> assertThat(zero).as("tiny but non-zero areas survive").isZero();
            default -> assertThat(folded).as("the fold maps x = 0 and x = 1 onto one line").isEqualTo(21);
        }
    }
}
