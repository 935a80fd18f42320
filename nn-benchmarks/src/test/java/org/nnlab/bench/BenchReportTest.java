package org.nnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchReportTest {
    static final String RESULT = """
            [ { "benchmark" : "org.nnlab.bench.FmaPeakBenchmark.fmaPeak", "params" : null,
                "primaryMetric" : { "score" : 1.0E-4, "scoreError" : "NaN", "scoreUnit" : "ops/ns" },
                "secondaryMetrics" : { "flops" : { "score" : 200.0, "scoreUnit" : "ops/ns" } } },
              { "benchmark" : "org.nnlab.bench.MatmulBenchmark.matmul", "params" : { "impl" : "vector", "shape" : "8x8x8" },
                "primaryMetric" : { "score" : 2.0, "scoreUnit" : "ops/ns" },
                "secondaryMetrics" : { "flops" : { "score" : 150.0 } } },
              { "benchmark" : "org.nnlab.bench.MatmulBenchmark.matmul", "params" : { "impl" : "ejml", "shape" : "8x8x8" },
                "primaryMetric" : { "score" : 0.1, "scoreUnit" : "ops/ns" },
                "secondaryMetrics" : { "flops" : { "score" : 5.0 } } },
              { "benchmark" : "org.nnlab.bench.TanhBenchmark.vectorKernel", "params" : { "size" : "10" },
                "primaryMetric" : { "score" : 2.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } },
              { "benchmark" : "org.nnlab.bench.TanhBenchmark.mathTanhLoop", "params" : { "size" : "10" },
                "primaryMetric" : { "score" : 40.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } } ]
            """;

    @Test
    void ratiosComeFromTheSameRun() {
        String report = BenchReport.report(BenchReport.read(RESULT));
        assertThat(report).contains("% of FmaPeak (200.0)",
                "| MatmulBenchmark.matmul | {impl=vector, shape=8x8x8} | 150.0 | 75.0% | 30.0× EJML |",
                "| TanhBenchmark.vectorKernel | {size=10} | 2.000 | us/op | 20.0× Math.tanh |");
    }

    /**
     * A ShapeShop round against its arithmetic: the CNN's 18,086,400 multiply-adds per example times 4,800 examples
     * is 173.6 GFLOP, 868 ms at the file's FmaPeak of 200 GFLOP/s; a round of 4,340 ms is 5.0 times that.
     */
    @Test
    void shapeShopRoundsAreSetAgainstTheirArithmeticAtTheRunsPeak() {
        assertThat(BenchReport.SHAPESHOP_MACS_PER_EXAMPLE.get("cnn")).isEqualTo(18_086_400L);
        String withRound = RESULT.replace(" ]\n", """
                ,
                  { "benchmark" : "org.nnlab.bench.ShapeShopBenchmark.round", "params" : { "model" : "cnn" },
                    "primaryMetric" : { "score" : 4340.736, "scoreUnit" : "ms/op" }, "secondaryMetrics" : { } } ]
                """);
        assertThat(BenchReport.report(BenchReport.read(withRound)))
                .contains("| ShapeShopBenchmark.round | {model=cnn} | 4340.736 | ms/op | 5.0× its arithmetic (868 ms at FmaPeak) |");
    }

    /**
     * A GAN Lab epoch against its arithmetic, counted by hand. Default (G 2-8-8-2, D 2-8-8-1, kD 2, batch 150): G's
     * weights 96, D's 88. A D update is G forward 150·96 = 14,400, then on 300 rows D forward 26,400, its weight
     * gradients 26,400 and its activation gradients below the first layer 300·72 = 21,600: 88,800. A G update is G
     * forward 14,400, D forward 13,200, D's gradients to its input 13,200, G's weight gradients 14,400 and activation
     * gradients below its first layer 150·80 = 12,000: 67,200. The epoch: 2·88,800 + 67,200 = 244,800 multiply-adds,
     * 2.448 µs at 200 GFLOP/s, so 48.96 µs is 20.0 times it. Ring (G 2-10-10-2, D 2-9-9-9-1, kD 3): weights 140 and
     * 189; a D update 21,000 + 300·(189 + 189 + 171) = 185,700, a G update 150·(140 + 189 + 189 + 140 + 120) = 116,700.
     * Wide (G 2-20-20-2, D 2-20-20-1, kD 2): weights 480 and 460; a D update 72,000 + 300·(460 + 460 + 420) = 474,000,
     * a G update 150·(480 + 460 + 460 + 480 + 440) = 348,000.
     */
    @Test
    void ganLabEpochsAreSetAgainstTheirArithmeticAtTheRunsPeak() {
        assertThat(BenchReport.GAN_MACS_PER_EPOCH.get("default")).isEqualTo(244_800L);
        assertThat(BenchReport.GAN_MACS_PER_EPOCH.get("ring")).isEqualTo(3 * 185_700L + 116_700L);
        assertThat(BenchReport.GAN_MACS_PER_EPOCH.get("wide")).isEqualTo(2 * 474_000L + 348_000L);
        String withEpoch = RESULT.replace(" ]\n", """
                ,
                  { "benchmark" : "org.nnlab.bench.GanBenchmark.epoch", "params" : { "model" : "default" },
                    "primaryMetric" : { "score" : 48.96, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } } ]
                """);
        List<BenchReport.Row> rows = BenchReport.read(withEpoch);
        assertThat(BenchReport.report(rows))
                .contains("| GanBenchmark.epoch | {model=default} | 48.960 | us/op | 20.0× its arithmetic (2.45 µs at FmaPeak) |");
        String peers = """
                {"machine": "Test CPU, 2 cores", "peers": [
                  {"round": 1, "peer": "nnlab", "benchmark": "GanBenchmark.epoch", "model": "default", "usPerOp": 24.48},
                  {"round": 1, "peer": "tfjs-wasm", "backend": "wasm", "model": "default", "what": "epoch", "epochsPerSecond": 1000.0}]}
                """;
        assertThat(BenchReport.peers(rows, peers)).contains("| **40.8×** |  |  | 10.0× its arithmetic (2.45 µs at FmaPeak) |");
        assertThat(BenchReport.peers(List.of(), peers)).contains("| **40.8×** |  |  |  |");    // no FmaPeak, no limit
    }

    /**
     * The README's peer tables are the reports of the runs kept in the repository: every row the report prints for
     * a kept run's files (after its first cell, which the README may spell out) is in the README as printed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07-xeon", "2026-12-07-epyc", "2026-12-08-zen4"})
    void theReadmesPeerTablesAreTheReportsOfTheKeptRuns(String kept) throws Exception {
        Path run = Path.of("results", kept);
        String report = BenchReport.peers(BenchReport.read(Files.readString(run.resolve("jmh.json"))),
                Files.readString(run.resolve("peers.json")));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("nn-benchmarks/results/" + kept + "/jmh.json nn-benchmarks/results/" + kept
                + "/peers.json");
        List<String> rows = report.lines().filter(l -> l.matches("\\| (default|ring|spiral6x8) \\|.*")).toList();
        assertThat(rows).hasSize(6);
        for (String row : rows) {
            assertThat(readme).as(row).contains(row.substring(row.indexOf('|', 1)));
        }
    }

    @Test
    void nd4jJoinsEjmlAsABaselineWhenItsProfileRan() {
        String withNd4j = RESULT.replace(" ]\n", """
                ,
                  { "benchmark" : "org.nnlab.bench.Nd4jMatmulBenchmark.matmul", "params" : { "shape" : "8x8x8" },
                    "primaryMetric" : { "score" : 1.0, "scoreUnit" : "ops/ns" },
                    "secondaryMetrics" : { "flops" : { "score" : 100.0 } } } ]
                """);
        String report = BenchReport.report(BenchReport.read(withNd4j));
        assertThat(report).contains("| MatmulBenchmark.matmul | {impl=vector, shape=8x8x8} | 150.0 | 75.0% | 30.0× EJML, 1.5× ND4J |",
                "| Nd4jMatmulBenchmark.matmul | {shape=8x8x8} | 100.0 | 50.0% |  |");
    }

    @Test
    void jsonReaderHandlesJmhValuesAndReportsPositions() {
        assertThat(ResultsJson.parse("{\"a\": [1, -2.5e3, true, null, \"x\\\"y\\u0041\"], \"b\": NaN}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -2500.0, true, null, "x\"yA"), "b", Double.NaN));
        assertThat(ResultsJson.parse("[]")).isEqualTo(List.of());
        assertThatThrownBy(() -> ResultsJson.parse("{\"a\" 1}")).hasMessage("JSON: expected ':' at character 5");
        assertThatThrownBy(() -> ResultsJson.parse("[1] x")).hasMessage("JSON: trailing characters at character 4");
    }

    @Test
    void ganLabRatiosAgainstThePeersComeFromTheirFile() {
        String jmh = """
                [ { "benchmark" : "org.nnlab.bench.GanBenchmark.epoch", "params" : { "model" : "default" },
                    "primaryMetric" : { "score" : 100.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } },
                  { "benchmark" : "org.nnlab.bench.GanBenchmark.epoch", "params" : { "model" : "ring" },
                    "primaryMetric" : { "score" : 250.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } },
                  { "benchmark" : "org.nnlab.bench.GanBenchmark.frame", "params" : { "model" : "default" },
                    "primaryMetric" : { "score" : 50.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } },
                  { "benchmark" : "org.nnlab.bench.PlaygroundBenchmark.trainingEpoch", "params" : { "config" : "default" },
                    "primaryMetric" : { "score" : 20.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } },
                  { "benchmark" : "org.nnlab.bench.PlaygroundBenchmark.trainingEpoch", "params" : { "config" : "spiral6x8" },
                    "primaryMetric" : { "score" : 150.0, "scoreUnit" : "us/op" }, "secondaryMetrics" : { } } ]
                """;
        String peers = """
                {"machine": "Test CPU, 2 cores", "peers": [
                  {"peer": "tfjs-wasm", "backend": "wasm", "model": "default", "epochsPerSecond": 500.0},
                  {"peer": "tfjs-cpu", "backend": "cpu", "model": "default", "epochsPerSecond": 200.0},
                  {"peer": "tfjs-wasm", "backend": "wasm", "model": "default", "epochsPerSecond": 400.0},
                  {"peer": "tfjs-wasm", "backend": "wasm", "model": "default", "epochsPerSecond": 900.0},
                  {"peer": "tfjs-wasm", "backend": "wasm", "model": "ring", "epochsPerSecond": 250.0},
                  {"peer": "tfjs-wasm", "backend": "wasm", "model": "default", "what": "frame", "framesPerSecond": 1000.0},
                  {"peer": "playground-nn", "backend": "node v20", "model": "default", "what": "epoch", "epochsPerSecond": 5000.0},
                  {"peer": "playground-nn", "backend": "node v20", "model": "default", "what": "epoch", "epochsPerSecond": 4000.0},
                  {"peer": "playground-nn", "backend": "node v20", "model": "default", "what": "epoch", "epochsPerSecond": 8000.0}]}
                """;
        String table = BenchReport.peers(BenchReport.read(jmh), peers);
        assertThat(table).contains("measured on Test CPU, 2 cores; the peers' figures the median of their rounds",
                "| default | 100.0 µs | 10,000 | 500 | **20.0×** | 200 | 50.0× |",
                "| ring | 250.0 µs | 4,000 | 250 | **16.0×** |  |  |",
                "| default | 50.0 µs | 1000.0 µs | **20.0×** |  |  |",
                "Playground, nnlab against Playground's own engine",
                "| default | 20.0 µs | 200.0 µs | **10.0×** |",
                "| spiral6x8 | 150.0 µs |  |  |");
    }

    @Test
    void nnlabsRoundsPairWithThePeersOfTheSameRound() {
        // round 1 fast for both sides (ratio 10), round 2 slow for both (ratio 10), round 3 nnlab fast and the peer
        // slow (ratio 20): the median of the paired ratios is 10, where the ratio of the medians would be 12.5
        String peers = """
                {"machine": "Test CPU, 2 cores", "peers": [
                  {"round": 1, "peer": "nnlab", "benchmark": "GanBenchmark.epoch", "model": "default", "usPerOp": 50.0},
                  {"round": 1, "peer": "tfjs-wasm", "backend": "wasm", "model": "default", "what": "epoch", "epochsPerSecond": 2000.0},
                  {"round": 2, "peer": "nnlab", "benchmark": "GanBenchmark.epoch", "model": "default", "usPerOp": 100.0},
                  {"round": 2, "peer": "tfjs-wasm", "backend": "wasm", "model": "default", "what": "epoch", "epochsPerSecond": 1000.0},
                  {"round": 3, "peer": "nnlab", "benchmark": "GanBenchmark.epoch", "model": "default", "usPerOp": 50.0},
                  {"round": 3, "peer": "tfjs-wasm", "backend": "wasm", "model": "default", "what": "epoch", "epochsPerSecond": 1000.0},
                  {"round": 1, "peer": "nnlab", "benchmark": "PlaygroundBenchmark.trainingEpoch", "model": "default", "usPerOp": 10.0},
                  {"round": 1, "peer": "playground-nn", "backend": "node v20", "model": "default", "what": "epoch", "epochsPerSecond": 8000.0},
                  {"round": 2, "peer": "nnlab", "benchmark": "PlaygroundBenchmark.trainingEpoch", "model": "default", "usPerOp": 20.0},
                  {"round": 2, "peer": "playground-nn", "backend": "node v20", "model": "default", "what": "epoch", "epochsPerSecond": 5000.0}]}
                """;
        String table = BenchReport.peers(List.of(), peers);
        assertThat(table).contains("each ratio the median of the rounds' ratios, nnlab and the peer measured in the same round",
                "| default | 50.0 µs | 20,000 | 1,000 | **10.0×** |  |  |",
                "| default | 10.0 µs | 200.0 µs | **10.0×** |");
        assertThat(table).doesNotContain("nnlab frame");
    }
}
