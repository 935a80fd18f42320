package org.nnlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times the peers a user would pick instead of nnlab, on this machine, for the report's ratios: GAN Lab's model
 * restated on TensorFlow.js 4.22 ({@code ganlab-tfjs.js}, packed in this jar) on its WASM and CPU backends,
 * driven by Node: a training epoch of the built-in default and of the ring preset, and the default model's
 * visualisation frame; and Playground's own engine, its {@code nn.ts} restated in JavaScript
 * ({@code playground-nn.js}), a training epoch of {@code PlaygroundBenchmark}'s configurations. The Playground peer
 * trains on what {@code PlaygroundPeerConfig} writes (run on a JDK >= 21) and is timed only after its weights equal
 * nnlab's, bit for bit, after a few epochs. The harness installs TensorFlow.js from npm into
 * a cache folder the first time ({@code npm install}; Node and npm must be on the PATH), runs each case in a
 * fresh Node process for a fixed time after a warm-up, and writes one JSON file that
 * {@code benchmarks.jar report jmh-result.json peers.json} reads beside the JMH results of the same session.
 *
 * <p>Each round runs nnlab's side of every ratio ({@link #NNLAB_GAN}, {@link #NNLAB_PLAYGROUND}: JMH in a child process)
 * just before the peers it is compared with, so that the report can pair each peer with nnlab's figure of the same
 * round: this machine has slow phases minutes long, and two halves of a ratio measured far apart can fall in
 * different ones.
 *
 * <pre>{@code java -jar benchmarks.jar peers [--seconds 10] [--warmup 3] [--rounds 3] [--out peers.json] [--dir FOLDER] [--no-nnlab]}</pre>
 */
public final class PeerHarness {
    /** The TensorFlow.js version every figure is measured with. */
    static final String TFJS = "4.22.0";

    private PeerHarness() {
    }

    /** Runs the peers; exit status 2 for bad usage or a missing Node, 1 when a peer fails. */
    public static void main(String[] args) throws Exception {
        double seconds = 10;
        double warmup = 3;
        int rounds = 3;
        Path out = Path.of("peers.json");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "nnlab-peers-tfjs-" + TFJS);
        boolean withNnlab = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                System.out.println("Installs TensorFlow.js " + TFJS + " (and its WASM backend) from npm into --dir once, then, in"
                        + " each round, runs nnlab's side of every ratio (JMH, one fork: " + String.join(" ", NNLAB_JMH) + ") just before its peers:"
                        + " GAN Lab's model on TensorFlow.js's WASM and CPU backends under Node, one thread, and Playground's"
                        + " nn.ts (restated, checked bit for bit against nnlab first). Writes the timings to --out for"
                        + " 'benchmarks.jar report jmh-result.json peers.json', which pairs each peer with nnlab's figure of"
                        + " the same round. --no-nnlab leaves nnlab out (the report then uses the JMH file). Needs node and"
                        + " npm on the PATH.");
                System.exit(0);
            }
            if (a.equals("--no-nnlab")) {
                withNnlab = false;
                continue;
            }
            if (i + 1 >= args.length) {
                usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--seconds" -> seconds = positive(a, v);
                case "--warmup" -> warmup = positive(a, v);
                case "--out" -> out = Path.of(v);
                case "--dir" -> dir = Path.of(v);
                case "--rounds" -> rounds = rounds(v);
                default -> usage("unknown option " + a);
            }
        }
        require("node", "--version");
        require("npm", "--version");
        Path script = install(dir, "ganlab-tfjs.js");
        Path playground = install(dir, "playground-nn.js");
        Path playgroundConfig = dir.resolve("playground-peer.json");
        writePlaygroundConfig(playgroundConfig);
        List<String> lines = new ArrayList<>();
        // training epochs of both models, and the default model's visualisation frame; every case once a round,
        // so that a machine whose speed drifts (other tenants) slows all of them alike, and the report takes the
        // median of the rounds
        List<String[]> cases = List.of(new String[] {"epoch", "default"}, new String[] {"epoch", "ring"},
                new String[] {"frame", "default"});
        for (int round = 1; round <= rounds; round++) {
            if (withNnlab) {
                lines.addAll(nnlab(dir, round, rounds, NNLAB_GAN));
            }
            for (String[] c : cases) {
                for (String backend : List.of("wasm", "cpu")) {
                    System.err.printf(Locale.ROOT, "peers: round %d/%d, TensorFlow.js %s %s, %s model, %s, %.0f s ...%n",
                            round, rounds, TFJS, backend, c[1], c[0], warmup + seconds);
                    String line = run(dir, List.of("node", script.toString(), "--backend", backend, "--model", c[1],
                            "--what", c[0], "--seconds", Double.toString(seconds), "--warmup", Double.toString(warmup)),
                            (long) (warmup + seconds) + 120);
                    lines.add(inRound(line, round));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> r = (Map<String, Object>) ResultsJson.parse(line);
                    System.err.printf(Locale.ROOT, "peers:   %.1f us a%s %s%n", (Double) r.get("usPer" + capital(c[0])),
                            c[0].equals("epoch") ? "n" : "", c[0]);
                }
            }
            if (withNnlab) {
                lines.addAll(nnlab(dir, round, rounds, NNLAB_PLAYGROUND));
            }
            for (String config : PLAYGROUND_CONFIGS) {
                System.err.printf(Locale.ROOT, "peers: round %d/%d, Playground's nn.ts restated, %s, epoch, %.0f s ...%n",
                        round, rounds, config, warmup + seconds);
                String line = run(dir, List.of("node", playground.toString(), "--config", playgroundConfig.toString(),
                        "--name", config, "--seconds", Double.toString(seconds), "--warmup", Double.toString(warmup)),
                        (long) (warmup + seconds) + 120);
                lines.add(inRound(line, round));
                System.err.printf(Locale.ROOT, "peers:   %.1f us an epoch%n",
                        (Double) ((Map<?, ?>) ResultsJson.parse(line)).get("usPerEpoch"));
            }
        }
        String json = "{\"machine\": \"" + machine() + "\", \"peers\": [\n  " + String.join(",\n  ", lines) + "\n]}\n";
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.err.println("peers: -> " + out);
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static double positive(String option, String value) {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && v <= 3600) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(option + " must be a number of seconds in (0, 3600], got " + value);
        return 0;
    }

    private static int rounds(String value) {
        try {
            int v = Integer.parseInt(value);
            if (v >= 1 && v <= 20) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--rounds must be a whole number from 1 to 20, got " + value);
        return 0;
    }

    private static final String USAGE = "usage: java -jar benchmarks.jar peers [--seconds 10] [--warmup 3] [--rounds 3] "
            + "[--out peers.json] [--dir FOLDER] [--no-nnlab]";

    private static void usage(String message) {
        System.err.println("benchmarks peers: " + message + "; " + USAGE);
        System.exit(2);
    }

    private static void require(String tool, String flag) {
        try {
            run(Path.of("."), List.of(tool, flag), 60);
        } catch (IOException | InterruptedException e) {
            System.err.println("benchmarks peers: " + tool + " is needed on the PATH to run the TensorFlow.js peers ("
                    + e.getMessage() + ")");
            System.exit(2);
        }
    }

    /**
     * nnlab's side of the peers' ratios, run in every round just before the peers it is compared with: GAN Lab's
     * epoch and frame, Playground's training epoch; and JMH's settings for them.
     */
    static final String NNLAB_GAN = "GanBenchmark\\.(epoch|frame)$";
    static final String NNLAB_PLAYGROUND = "PlaygroundBenchmark\\.trainingEpoch$";
    static final List<String> NNLAB_JMH = List.of("-f", "1", "-wi", "3", "-w", "2", "-i", "5", "-r", "2", "-p",
            "model=default,ring");

    /** A peer's line with the round it was measured in. */
    static String inRound(String line, int round) {
        return "{\"round\": " + round + ", " + line.strip().substring(1);
    }

    /**
     * nnlab's figures for one round: the benchmarks matching {@code pattern} under JMH ({@link #NNLAB_JMH}) through this
     * jar's own launcher, one line per result: {"round", "peer": "nnlab", "benchmark", "model", "usPerOp"} (the model
     * is the benchmark's {@code model} or {@code config} parameter).
     */
    private static List<String> nnlab(Path dir, int round, int rounds, String pattern) throws IOException,
            InterruptedException {
        System.err.printf(Locale.ROOT, "peers: round %d/%d, nnlab %s (JMH, one fork) ...%n", round, rounds, pattern);
        Path json = dir.resolve("nnlab-round-" + round + ".json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), pattern));
        command.addAll(NNLAB_JMH);
        command.addAll(List.of("-rf", "json", "-rff", json.toString()));
        run(dir, command, 1800);
        List<String> lines = new ArrayList<>();
        for (BenchReport.Row r : BenchReport.read(Files.readString(json, StandardCharsets.UTF_8))) {
            String model = r.params().getOrDefault("model", r.param("config"));
            lines.add(String.format(Locale.ROOT, "{\"round\": %d, \"peer\": \"nnlab\", \"benchmark\": \"%s\", "
                    + "\"model\": \"%s\", \"usPerOp\": %s}", round, r.benchmark(), model, r.score()));
            System.err.printf(Locale.ROOT, "peers:   nnlab %s %s: %.1f us%n", r.benchmark(), model, r.score());
        }
        Files.deleteIfExists(json);
        return lines;
    }

    /** This benchmarks.jar. */
    private static Path jar() throws IOException {
        try {
            return Path.of(PeerHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate benchmarks.jar: " + e.getMessage(), e);
        }
    }

    /** {@code PlaygroundBenchmark}'s configurations (the launcher cannot load that class on Java 17). */
    static final List<String> PLAYGROUND_CONFIGS = List.of("default", "spiral6x8");

    /**
     * Writes the Playground peer's configurations: {@code PlaygroundPeerConfig}, from this jar, on a JDK >= 21 (this
     * one, or the newest found as for the forks).
     */
    private static void writePlaygroundConfig(Path out) throws IOException, InterruptedException {
        Path java = BenchMain.javaForForks().orElseThrow(() -> new IOException(
                "no JDK >= 21 found in JAVA_HOME or /usr/lib/jvm to write the Playground peer's configurations"));
        run(out.getParent(), List.of(java.toString(), "--add-modules=jdk.incubator.vector", "-cp", jar().toString(),
                "org.nnlab.bench.PlaygroundPeerConfig", out.toString()), 300);
    }

    /** TensorFlow.js and its WASM backend in {@code dir} (installed once), and the named script beside them. */
    private static Path install(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve(name);
        try (InputStream in = PeerHarness.class.getResourceAsStream("peers/" + name)) {
            if (in == null) {
                throw new IOException(name + " is missing from benchmarks.jar");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@tensorflow/tfjs-backend-wasm"))) {
            System.err.println("peers: installing TensorFlow.js " + TFJS + " from npm into " + dir);
            run(dir, List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", dir.toString(),
                    "@tensorflow/tfjs@" + TFJS, "@tensorflow/tfjs-backend-wasm@" + TFJS), 600);
        }
        return script;
    }

    /**
     * Runs a process in {@code dir}; returns the last line it printed on standard output. A failure names the command,
     * its exit status and the last line it printed on standard error (a peer's reason, such as a failed check).
     */
    private static String run(Path dir, List<String> command, long timeoutSeconds) throws IOException,
            InterruptedException {
        Path errors = Files.createTempFile("nnlab-peer", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
            p.getOutputStream().close();
            byte[] stdout = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took more than " + timeoutSeconds + " s");
            }
            String text = new String(stdout, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                List<String> err = Files.readAllLines(errors, StandardCharsets.UTF_8);
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue()
                        + (err.isEmpty() ? "" : ": " + err.get(err.size() - 1).strip()));
            }
            String[] lines = text.split("\n");
            return lines[lines.length - 1];
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The CPU model and core count, as the report prints them. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: the core count alone
        }
        return (cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores").replace("\"", "'");
    }
}
