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
 * stated in, all from the same run: GFLOP/s as a fraction of {@code FmaPeak}, matmul against EJML (and ND4J, when
 * the {@code nd4j} profile's benchmark ran) on the same shape, vector tanh against the {@code Math.tanh} loop.
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
     * The GAN Lab tables against TensorFlow.js ({@link PeerHarness}'s file): nnlab's {@code GanBenchmark.epoch} per
     * model beside the peers' epochs a second on the same machine, the frames likewise, and the ratios; then the
     * Playground table, nnlab's {@code PlaygroundBenchmark.trainingEpoch} per configuration beside Playground's own
     * engine. When the file holds nnlab's own figures per round (the harness's default), each ratio is the median of
     * the rounds' ratios, nnlab and the peer of the same round, and nnlab's column the median of its rounds;
     * otherwise nnlab's figures come from the JMH file and the peers' from the median of their rounds.
     */
    @SuppressWarnings("unchecked")
    static String peers(List<Row> rows, String peersJson) {
        Map<String, Object> doc = (Map<String, Object>) ResultsJson.parse(peersJson);
        Peers peers = new Peers((List<Map<String, Object>>) doc.get("peers"), rows);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nGAN Lab, nnlab against TensorFlow.js (measured on %s; %s)%n%n",
                doc.get("machine"), peers.paired() ? "each ratio the median of the rounds' ratios, nnlab and the peer "
                        + "measured in the same round" : "the peers' figures the median of their rounds"));
        double peak = fmaPeak(rows);
        sb.append("| model | nnlab epoch | nnlab epochs/s | TF.js WASM epochs/s | vs WASM | TF.js CPU epochs/s | vs CPU |"
                + " vs arithmetic |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String model : peers.models("GanBenchmark.epoch")) {
            double us = peers.nnlabUs("GanBenchmark.epoch", model);
            double wasm = peers.rate("epoch", "wasm", model);
            double cpu = peers.rate("epoch", "cpu", model);
            sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %,.0f | %s | %s | %s | %s | %s |%n", model, us, 1e6 / us,
                    number(wasm, "%,.0f"), number(peers.ratio("GanBenchmark.epoch", "epoch", "wasm", model), "**%.1f×**"),
                    number(cpu, "%,.0f"), number(peers.ratio("GanBenchmark.epoch", "epoch", "cpu", model), "%.1f×"),
                    ganArithmetic(model, us, peak)));
        }
        List<String> frameModels = peers.models("GanBenchmark.frame");
        if (!frameModels.isEmpty()) {
            sb.append("\n| model | nnlab frame | TF.js WASM frame | vs WASM | TF.js CPU frame | vs CPU |\n");
            sb.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (String model : frameModels) {
                sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %s | %s | %s | %s |%n", model,
                        peers.nnlabUs("GanBenchmark.frame", model), number(1e6 / peers.rate("frame", "wasm", model), "%.1f µs"),
                        number(peers.ratio("GanBenchmark.frame", "frame", "wasm", model), "**%.1f×**"),
                        number(1e6 / peers.rate("frame", "cpu", model), "%.1f µs"),
                        number(peers.ratio("GanBenchmark.frame", "frame", "cpu", model), "%.1f×")));
            }
        }
        List<String> configs = peers.models("PlaygroundBenchmark.trainingEpoch");
        if (!configs.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nPlayground, nnlab against Playground's own engine (its nn.ts restated, "
                    + "checked bit for bit against nnlab, under Node)%n%n"));
            sb.append("| configuration | nnlab epoch | Playground epoch | vs Playground |\n| --- | ---: | ---: | ---: |\n");
            for (String config : configs) {
                sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %s | %s |%n", config,
                        peers.nnlabUs("PlaygroundBenchmark.trainingEpoch", config),
                        number(1e6 / peers.rate("epoch", PLAYGROUND_PEER, config), "%.1f µs"),
                        number(peers.ratio("PlaygroundBenchmark.trainingEpoch", "epoch", PLAYGROUND_PEER, config),
                                "**%.1f×**")));
            }
        }
        return sb.toString();
    }

    /** The Playground peer's name in the peers' file ({@code playground-nn.js}). */
    static final String PLAYGROUND_PEER = "playground-nn";

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    /** The peers' file, with nnlab's figures from its rounds (paired) or from the JMH file. */
    private record Peers(List<Map<String, Object>> lines, List<Row> jmh) {
        boolean paired() {
            return lines.stream().anyMatch(p -> "nnlab".equals(p.get("peer")));
        }

        /** The models (or configurations) nnlab has figures for in that benchmark, in first-seen order. */
        List<String> models(String benchmark) {
            List<String> models = new ArrayList<>();
            if (paired()) {
                for (Map<String, Object> p : lines) {
                    if ("nnlab".equals(p.get("peer")) && benchmark.equals(p.get("benchmark"))
                            && !models.contains((String) p.get("model"))) {
                        models.add((String) p.get("model"));
                    }
                }
            } else {
                for (Row r : jmh) {
                    String model = r.params().getOrDefault("model", r.param("config"));
                    if (r.benchmark().equals(benchmark) && r.unit().equals("us/op") && !models.contains(model)) {
                        models.add(model);
                    }
                }
            }
            return models;
        }

        /** nnlab's microseconds per operation: the median of its rounds, or the JMH file's score. */
        double nnlabUs(String benchmark, String model) {
            if (paired()) {
                return median(byRound(p -> "nnlab".equals(p.get("peer")) && benchmark.equals(p.get("benchmark"))
                        && model.equals(p.get("model")), p -> (Double) p.get("usPerOp")).values());
            }
            return jmh.stream().filter(r -> r.benchmark().equals(benchmark) && r.unit().equals("us/op")
                    && r.params().getOrDefault("model", r.param("config")).equals(model))
                    .mapToDouble(Row::score).findFirst().orElse(Double.NaN);
        }

        /**
         * The peer's units a second (epochs or frames): the median of its rounds (the lower middle one for an even
         * count), NaN when the file has no such peer. {@code backend} is a TensorFlow.js backend, or
         * {@link #PLAYGROUND_PEER} for Playground's engine.
         */
        double rate(String what, String backend, String model) {
            return median(byRound(p -> isPeer(p, what, backend, model), p -> (Double) p.get(what + "sPerSecond")).values());
        }

        /** nnlab's speed over the peer's: the median of the rounds' ratios when paired, else of the medians. */
        double ratio(String benchmark, String what, String backend, String model) {
            if (!paired()) {
                return rate(what, backend, model) > 0 ? 1e6 / nnlabUs(benchmark, model) / rate(what, backend, model)
                        : Double.NaN;
            }
            Map<Integer, Double> ours = byRound(p -> "nnlab".equals(p.get("peer")) && benchmark.equals(p.get("benchmark"))
                    && model.equals(p.get("model")), p -> (Double) p.get("usPerOp"));
            Map<Integer, Double> theirs = byRound(p -> isPeer(p, what, backend, model),
                    p -> (Double) p.get(what + "sPerSecond"));
            List<Double> ratios = new ArrayList<>();
            ours.forEach((round, us) -> {
                if (theirs.containsKey(round)) {
                    ratios.add(1e6 / us / theirs.get(round));
                }
            });
            return median(ratios);
        }

        private static boolean isPeer(Map<String, Object> p, String what, String backend, String model) {
            boolean named = backend.equals(PLAYGROUND_PEER) ? backend.equals(p.get("peer")) : backend.equals(p.get("backend"))
                    && !"nnlab".equals(p.get("peer"));
            return named && model.equals(p.get("model")) && what.equals(p.getOrDefault("what", "epoch"));
        }

        /** The matching lines' values by round (a line without a round counts as a round of its own). */
        private Map<Integer, Double> byRound(java.util.function.Predicate<Map<String, Object>> match,
                                             java.util.function.Function<Map<String, Object>, Double> value) {
            Map<Integer, Double> values = new TreeMap<>();
            int unnumbered = -1;
            for (Map<String, Object> p : lines) {
                if (match.test(p)) {
                    Object round = p.get("round");
                    values.put(round instanceof Double d ? d.intValue() : unnumbered--, value.apply(p));
                }
            }
            return values;
        }

        /** The median (the lower middle one for an even count); NaN for none. */
        private static double median(java.util.Collection<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            sorted.sort(null);
            return sorted.get((sorted.size() - 1) / 2);
        }
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

    /**
     * The multiply-adds of one ShapeShop training example with six classes, counted from the layer shapes: every
     * layer's forward pass and weight gradient, and the activations' gradients below every layer but the first (the
     * images need none). CNN: two convolutions, 26²·32·9 and 24²·32·288 per pass, dense 4,608·128 and 128·6; MLP:
     * dense 784·128, 128·128 and 128·6.
     */
    static final Map<String, Long> SHAPESHOP_MACS_PER_EXAMPLE = Map.of(
            "cnn", 2L * 26 * 26 * 32 * 9 + 3L * 24 * 24 * 32 * 288 + 3L * 4608 * 128 + 3L * 128 * 6,
            "mlp", 2L * 784 * 128 + 3L * 128 * 128 + 3L * 128 * 6);
    /**
     * Training examples in a {@code ShapeShopBenchmark} round: 1,200 updates on batches of 4. Its arithmetic is a lower
     * bound: activation maximization (a few hundred forward and backward passes of one image) is left out.
     */
    static final long SHAPESHOP_EXAMPLES = 1_200L * 4;

    /**
     * The multiply-adds of one GAN Lab training epoch, counted from the layer shapes: with W a network's weights
     * (Σ_l s_{l-1}·s_l) and F its first layer's, a D update is G's forward pass on the batch, then D's forward pass,
     * weight gradients and activation gradients below its first layer on the 2·batch real and fake rows; a G update is
     * G's and D's forward passes, D's activation gradients down to its input, and G's weight gradients and activation
     * gradients below its first layer, each on the batch. Biases, activations, the loss and the update are left out,
     * so the limit is a lower bound.
     *
     * @param g  G's layer sizes, noise to the 2 outputs
     * @param d  D's layer sizes, 2 inputs to the 1 output
     */
    static long ganMacsPerEpoch(int[] g, int[] d, int kD, int kG, int batch) {
        long wg = weights(g);
        long wd = weights(d);
        long fg = (long) g[0] * g[1];
        long fd = (long) d[0] * d[1];
        long dUpdate = batch * wg + 2L * batch * (wd + wd + (wd - fd));
        long gUpdate = batch * (wg + wd + wd + wg + (wg - fg));
        return kD * dUpdate + kG * gUpdate;
    }

    private static long weights(int[] sizes) {
        long w = 0;
        for (int l = 1; l < sizes.length; l++) {
            w += (long) sizes[l - 1] * sizes[l];
        }
        return w;
    }

    /** {@link #ganMacsPerEpoch} of {@code GanBenchmark}'s models (batch 150, kG 1). */
    static final Map<String, Long> GAN_MACS_PER_EPOCH = Map.of(
            "default", ganMacsPerEpoch(new int[] {2, 8, 8, 2}, new int[] {2, 8, 8, 1}, 2, 1, 150),
            "ring", ganMacsPerEpoch(new int[] {2, 10, 10, 2}, new int[] {2, 9, 9, 9, 1}, 3, 1, 150),
            "wide", ganMacsPerEpoch(new int[] {2, 20, 20, 2}, new int[] {2, 20, 20, 1}, 2, 1, 150),
            "large", ganMacsPerEpoch(new int[] {2, 64, 64, 64, 64, 2}, new int[] {2, 64, 64, 64, 64, 1}, 2, 1, 150));

    /** A GAN Lab epoch's time against its arithmetic at the run's FmaPeak, e.g. "19.8× its arithmetic (2.1 µs)". */
    static String ganArithmetic(String model, double us, double peak) {
        Long macs = GAN_MACS_PER_EPOCH.get(model);
        if (macs == null || !(peak > 0) || Double.isNaN(us)) {
            return "";
        }
        double limitUs = 2.0 * macs / peak / 1e3;
        return String.format(Locale.ROOT, "%.1f× its arithmetic (%.2f µs at FmaPeak)", us / limitUs, limitUs);
    }

    /** The run's FmaPeak in GFLOP/s, NaN if it did not run. */
    static double fmaPeak(List<Row> rows) {
        return rows.stream().filter(r -> r.benchmark().startsWith("FmaPeak")).flatMap(r -> r.gflops().stream())
                .findFirst().orElse(Double.NaN);
    }

    static String report(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        double peak = fmaPeak(rows);
        sb.append(String.format(Locale.ROOT, "| benchmark | params | GFLOP/s | %% of FmaPeak (%.1f) | vs baseline |%n", peak));
        sb.append("| --- | --- | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            if (r.gflops().isEmpty()) {
                continue;
            }
            double g = r.gflops().get();
            String baseline = "";
            if (r.benchmark().startsWith("MatmulBenchmark") && !r.param("impl").equals("ejml")) {
                List<String> against = new ArrayList<>();
                rows.stream()
                        .filter(o -> o.benchmark().equals(r.benchmark()) && o.param("impl").equals("ejml")
                                && o.param("shape").equals(r.param("shape")))
                        .flatMap(o -> o.gflops().stream()).findFirst()
                        .ifPresent(e -> against.add(String.format(Locale.ROOT, "%.1f× EJML", g / e)));
                rows.stream()                                   // the nd4j profile's Nd4jMatmulBenchmark, if it ran
                        .filter(o -> o.benchmark().equals("Nd4jMatmulBenchmark.matmul")
                                && o.param("shape").equals(r.param("shape")))
                        .flatMap(o -> o.gflops().stream()).findFirst()
                        .ifPresent(e -> against.add(String.format(Locale.ROOT, "%.1f× ND4J", g / e)));
                baseline = String.join(", ", against);
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
            if (r.benchmark().equals("ShapeShopBenchmark.round") && SHAPESHOP_MACS_PER_EXAMPLE.containsKey(r.param("model"))
                    && r.unit().equals("ms/op") && peak > 0) {
                double limitMs = 2.0 * SHAPESHOP_MACS_PER_EXAMPLE.get(r.param("model")) * SHAPESHOP_EXAMPLES / peak / 1e6;
                baseline = String.format(Locale.ROOT, "%.1f× its arithmetic (%.0f ms at FmaPeak)", r.score() / limitMs,
                        limitMs);
            }
            if (r.benchmark().equals("GanBenchmark.epoch") && r.unit().equals("us/op")) {
                baseline = ganArithmetic(r.param("model"), r.score(), peak);
            }
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
