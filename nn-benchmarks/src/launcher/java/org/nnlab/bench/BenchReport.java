package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prints a JMH result file (from {@code -rf json}) as the README's tables, with the ratios the targets are
 * stated in, all from the same run: GFLOP/s as a fraction of {@code FmaPeak}, matmul against EJML on
 * the same shape, vector tanh against the {@code Math.tanh} loop.
 *
 * <pre>{@code java -jar nn-benchmarks/target/benchmarks.jar report jmh-result.json}</pre>
 */
public final class BenchReport {
    private BenchReport() {
    }

    /** One result: benchmark name, parameters, primary score and unit, and GFLOP/s if counted. */
    record Row(String benchmark, Map<String, String> params, double score, String unit, Optional<Double> gflops) {
        String param(String key) {
            return params.getOrDefault(key, "");
        }
    }

    /**
     * Prints the tables for the JMH JSON file given as the only argument.
     *
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 2) {
            System.err.println("usage: java -jar benchmarks.jar report jmh-result.json [peers.json]");
            System.exit(2);
        }
        List<Row> rows = read(Files.readString(Path.of(args[0])));
        System.out.print(report(rows));
        if (args.length == 2) {
            System.out.print(peers(rows, Files.readString(Path.of(args[1]))));
        }
    }

    /**
     * The GAN Lab table against TensorFlow.js ({@link PeerHarness}'s file): nnlab's {@code GanBenchmark.epoch} per
     * model beside the peers' epochs a second on the same machine, and the ratios; then the Playground table, nnlab's
     * {@code PlaygroundBenchmark.trainingEpoch} per configuration beside Playground's own engine.
     */
    @SuppressWarnings("unchecked")
    static String peers(List<Row> rows, String peersJson) {
        Map<String, Object> doc = (Map<String, Object>) ResultsJson.parse(peersJson);
        List<Map<String, Object>> peers = (List<Map<String, Object>>) doc.get("peers");
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nGAN Lab, nnlab against TensorFlow.js (peers measured on %s; the median of "
                + "their rounds)%n%n", doc.get("machine")));
        sb.append("| model | nnlab epoch | nnlab epochs/s | TF.js WASM epochs/s | vs WASM | TF.js CPU epochs/s | vs CPU |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            if (!r.benchmark().equals("GanBenchmark.epoch") || !r.unit().equals("us/op")) {
                continue;
            }
            String model = r.param("model");
            double ours = 1e6 / r.score();
            double wasm = peerRate(peers, "epoch", "wasm", model);
            double cpu = peerRate(peers, "epoch", "cpu", model);
            sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %,.0f | %s | %s | %s | %s |%n", model, r.score(), ours,
                    Double.isNaN(wasm) ? "" : String.format(Locale.ROOT, "%,.0f", wasm),
                    Double.isNaN(wasm) ? "" : String.format(Locale.ROOT, "**%.1f×**", ours / wasm),
                    Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%,.0f", cpu),
                    Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%.1f×", ours / cpu)));
        }
        StringBuilder frames = new StringBuilder();
        for (Row r : rows) {
            if (!r.benchmark().equals("GanBenchmark.frame") || !r.unit().equals("us/op")) {
                continue;
            }
            double wasm = 1e6 / peerRate(peers, "frame", "wasm", r.param("model"));
            double cpu = 1e6 / peerRate(peers, "frame", "cpu", r.param("model"));
            frames.append(String.format(Locale.ROOT, "| %s | %.1f µs | %s | %s | %s | %s |%n", r.param("model"), r.score(),
                    Double.isNaN(wasm) ? "" : String.format(Locale.ROOT, "%.1f µs", wasm),
                    Double.isNaN(wasm) ? "" : String.format(Locale.ROOT, "**%.1f×**", wasm / r.score()),
                    Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%.1f µs", cpu),
                    Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%.1f×", cpu / r.score())));
        }
        if (frames.length() > 0) {
            sb.append("\n| model | nnlab frame | TF.js WASM frame | vs WASM | TF.js CPU frame | vs CPU |\n");
            sb.append("| --- | ---: | ---: | ---: | ---: | ---: |\n").append(frames);
        }
        StringBuilder playground = new StringBuilder();
        for (Row r : rows) {
            if (!r.benchmark().equals("PlaygroundBenchmark.trainingEpoch") || !r.unit().equals("us/op")) {
                continue;
            }
            double theirs = 1e6 / peerRate(peers, "epoch", PLAYGROUND_PEER, r.param("config"));
            playground.append(String.format(Locale.ROOT, "| %s | %.1f µs | %s | %s |%n", r.param("config"), r.score(),
                    Double.isNaN(theirs) ? "" : String.format(Locale.ROOT, "%.1f µs", theirs),
                    Double.isNaN(theirs) ? "" : String.format(Locale.ROOT, "**%.1f×**", theirs / r.score())));
        }
        if (playground.length() > 0) {
            sb.append(String.format(Locale.ROOT, "%nPlayground, nnlab against Playground's own engine (its nn.ts restated, "
                    + "checked bit for bit against nnlab, under Node; the median of its rounds)%n%n"));
            sb.append("| configuration | nnlab epoch | Playground epoch | vs Playground |\n| --- | ---: | ---: | ---: |\n")
                    .append(playground);
        }
        return sb.toString();
    }

    /** The Playground peer's name in the peers' file ({@code playground-nn.js}). */
    static final String PLAYGROUND_PEER = "playground-nn";

    /**
     * The peer's units a second (epochs or frames): the median of its rounds (the lower middle one for an even
     * count), NaN when the file has no such peer. {@code backend} is a TensorFlow.js backend, or
     * {@link #PLAYGROUND_PEER} for Playground's engine.
     */
    private static double peerRate(List<Map<String, Object>> peers, String what, String backend, String model) {
        List<Double> rates = new ArrayList<>();
        for (Map<String, Object> p : peers) {
            boolean ours = backend.equals(PLAYGROUND_PEER) ? backend.equals(p.get("peer")) : backend.equals(p.get("backend"));
            if (ours && model.equals(p.get("model"))
                    && what.equals(p.getOrDefault("what", "epoch"))) {
                rates.add((Double) p.get(what + "sPerSecond"));
            }
        }
        if (rates.isEmpty()) {
            return Double.NaN;
        }
        rates.sort(null);
        return rates.get((rates.size() - 1) / 2);
    }

    @SuppressWarnings("unchecked")
    static List<Row> read(String json) {
        List<Row> rows = new ArrayList<>();
        for (Object o : (List<Object>) ResultsJson.parse(json)) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = (String) r.get("benchmark");
            Map<String, String> params = new TreeMap<>();
            if (r.get("params") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
            }
            Map<String, Object> primary = (Map<String, Object>) r.get("primaryMetric");
            Optional<Double> gflops = Optional.empty();
            if (r.get("secondaryMetrics") instanceof Map<?, ?> sec && sec.get("flops") instanceof Map<?, ?> f) {
                gflops = Optional.of((Double) f.get("score"));
            }
            rows.add(new Row(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), params,
                    (Double) primary.get("score"), (String) primary.get("scoreUnit"), gflops));
        }
        return rows;
    }

    static String report(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        double peak = rows.stream().filter(r -> r.benchmark().startsWith("FmaPeak")).flatMap(r -> r.gflops().stream())
                .findFirst().orElse(Double.NaN);
        sb.append(String.format(Locale.ROOT, "| benchmark | params | GFLOP/s | %% of FmaPeak (%.1f) | vs baseline |%n", peak));
        sb.append("| --- | --- | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            if (r.gflops().isEmpty()) {
                continue;
            }
            double g = r.gflops().get();
            String baseline = "";
            if (r.benchmark().startsWith("MatmulBenchmark") && !r.param("impl").equals("ejml")) {
                baseline = rows.stream()
                        .filter(o -> o.benchmark().equals(r.benchmark()) && o.param("impl").equals("ejml")
                                && o.param("shape").equals(r.param("shape")))
                        .flatMap(o -> o.gflops().stream()).findFirst()
                        .map(e -> String.format(Locale.ROOT, "%.1f× EJML", g / e)).orElse("");
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f%% | %s |%n", r.benchmark(), r.params(), g,
                    100 * g / peak, baseline));
        }
        sb.append("\n| benchmark | params | score | unit | vs baseline |\n| --- | --- | ---: | --- | ---: |\n");
        for (Row r : rows) {
            if (r.gflops().isPresent()) {
                continue;
            }
            String baseline = "";
            if (r.benchmark().equals("TanhBenchmark.vectorKernel")) {
                baseline = rows.stream()
                        .filter(o -> o.benchmark().equals("TanhBenchmark.mathTanhLoop") && o.param("size").equals(r.param("size")))
                        .findFirst().map(o -> String.format(Locale.ROOT, "%.1f× Math.tanh", o.score() / r.score())).orElse("");
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %s |%n", r.benchmark(), r.params(), r.score(),
                    r.unit(), baseline));
        }
        return sb.toString();
    }
}
