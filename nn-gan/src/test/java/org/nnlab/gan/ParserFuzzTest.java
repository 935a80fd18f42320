package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.core.io.Json;
import org.nnlab.playground.ExamplesCsv;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/**
 * Every text reader against mutated and random input (truncated, huge numbers, NaN, wrong counts and
 * types, very long strings): each input either parses or fails with an IllegalArgumentException whose
 * message says where (a line, a column, a key); nothing else escapes.
 */
class ParserFuzzTest {
    private static final String[] TOKENS = {"1e400", "-1e400", "NaN", "Infinity", "-0", "0x1F", "1e-400", "\"", "{", "}",
        "[", "]", ",", ":", "=", "&", "#", "\n", "\t", " ", "null", "true", "abc", "\u00e9", "\u0000", "9".repeat(400),
        "-", ".", "e", "%", "\\", "\\u12"};

    /** A mutation of {@code s}: truncate, delete, duplicate, or insert a token or random characters. */
    static String mutate(String s, Rng rng) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + rng.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : rng.nextInt(b.length() + 1);
            switch (rng.nextInt(6)) {
                case 0 -> b.setLength(at);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> b.insert(at, TOKENS[rng.nextInt(TOKENS.length)]);
                case 3 -> b.insert(at, (char) (32 + rng.nextInt(95)));
                case 4 -> b.insert(at, b.substring(at, Math.min(b.length(), at + rng.nextInt(20))));
                default -> b.insert(at, "x".repeat(rng.nextInt(2) == 0 ? 10 : 20_000));
            }
        }
        return b.toString();
    }

    /** Runs the reader; an IllegalArgumentException must say where; anything else fails the test. */
    private static int feed(String input, Consumer<String> reader, String... where) {
        try {
            reader.accept(input);
            return 0;
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            boolean located = false;
            for (String w : where) {
                located |= m.contains(w);
            }
            if (!located) {
                fail("message does not say where, for input %s: %s", preview(input), m);
            }
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            fail("%s escaped for input %s", e, preview(input));
            return 1;
        }
    }

    private static String preview(String s) {
        String t = s.replace("\n", "\\n");
        return "\"" + (t.length() > 120 ? t.substring(0, 120) + "..." : t) + "\"";
    }

    @Test
    void playgroundUrlsParseAndLoadOrNameTheParameter() {
        Rng rng = Rng.seeded(1);
        String valid = "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane"
                + "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false"
                + "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false"
                + "&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification";
        int tried = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            String input = i % 10 == 0 ? random(rng) : mutate(valid, rng);
            tried++;
            refused += feed(input, s -> {
                PlaygroundState state = PlaygroundState.parse(s);              // parsing itself never throws
                PlaygroundSession.load(state).step(1);
            }, "seed", "networkShape", "percTrainData", "batchSize", "learningRate", "features", "noise");
        }
        System.out.printf("playground URL fuzz: %d inputs, %d refused with a named parameter%n", tried, refused);
        assertThat(refused).isPositive();
    }

    private static String random(Rng rng) {
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(200);
        for (int i = 0; i < n; i++) {
            b.append(rng.nextInt(3) == 0 ? TOKENS[rng.nextInt(TOKENS.length)] : String.valueOf((char) (32 + rng.nextInt(95))));
        }
        return b.toString();
    }

    @Test
    void csvReadersNameTheLine() {
        Rng rng = Rng.seeded(2);
        String points = "x,y\n0.1,0.2\n0.3,0.4\n0.5,0.6\n# note\n0.7,0.8\n";
        String labelled = "x,y,label\n0.1,0.2,1\n-3,4,-1\n2.5,-1,1\n";
        int tried = 0;
        int refused = 0;
        for (int i = 0; i < 2000; i++) {
            String a = i % 10 == 0 ? random(rng) : mutate(points, rng);
            String b = i % 10 == 0 ? random(rng) : mutate(labelled, rng);
            tried += 2;
            refused += feed(a, s -> {
                try {
                    RealData.csv(new StringReader(s), "fuzz.csv").sample(Rng.seeded(3), 5);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }, "fuzz.csv line", "holds no points");
            refused += feed(b, ExamplesCsv::parse, "line", "no examples", "empty");
        }
        System.out.printf("csv fuzz: %d inputs, %d refused with a line%n", tried, refused);
        assertThat(refused).isPositive();
    }

    @Test
    void jsonReadersNameThePositionOrTheKey() {
        Rng rng = Rng.seeded(4);
        GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults(), Rng.seeded(5));
        String weights = s.weightsJson();
        String config = GanConfig.preset("ring").toJson();
        String atlas = "{\"rows\": 3, \"cols\": 2, \"values\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]}";
        int tried = 0;
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            String w = i % 10 == 0 ? random(rng) : mutate(weights, rng);
            String c = i % 10 == 0 ? random(rng) : mutate(config, rng);
            String a = i % 10 == 0 ? random(rng) : mutate(atlas, rng);
            tried += 3;
            refused += feed(w, s::loadWeightsJson, "JSON:", "\"g\"", "\"d\"", "weights");
            refused += feed(c, GanConfig::fromJson, "JSON:", "GanConfig", "NoiseType", "Optimizer", "GanLoss");
            refused += feed(a, t -> Atlas.fromJson(t, "fuzz.json"), "JSON:", "fuzz.json");
        }
        // deep nesting is refused, not a stack overflow
        tried++;
        refused += feed("[".repeat(100_000), Json::parse, "JSON:");
        System.out.printf("json fuzz: %d inputs, %d refused with a position or key%n", tried, refused);
        assertThat(refused).isPositive();
    }
}
