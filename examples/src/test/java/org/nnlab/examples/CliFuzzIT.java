package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several hundred generated argument lists per subcommand (fixed seed), each run as a user runs it: a child
 * JVM on the packaged jar, in a folder of its own with good and hostile files (a valid config, duplicate keys,
 * bad UTF-8, a folder, a file in place of a folder, a symlink, pictures good and huge). For every run: exit
 * 0, 1 or 2 only; exactly one line on stderr for 1 and 2; no stack trace; finished within its time limit;
 * valid JSON when it exits 0; no temporary file left; a good file at an output survives a failed write.
 */
class CliFuzzIT {
    static final int RUNS_PER_SUBCOMMAND = Integer.getInteger("nnlab.fuzz.runs", 200);
    static final int LIMIT_SECONDS = 90;

    @TempDir
    Path root;

    private record Case(int id, String sub, List<String> jvm, List<String> args, List<String[]> outputs) {
    }

    @Test
    void generatedCommandLinesKeepEveryPromise() throws Exception {
        SplittableRandom rng = new SplittableRandom(1414);
        List<Case> cases = new ArrayList<>();
        for (String sub : List.of("playground", "ganlab", "shapeshop", "diagram", "sweep")) {
            // a sweep runs several trainings: a quarter as many cases keeps the test's minutes in bounds
            int runs = sub.equals("sweep") ? Math.max(1, RUNS_PER_SUBCOMMAND / 4) : RUNS_PER_SUBCOMMAND;
            for (int i = 0; i < runs; i++) {
                cases.add(generate(cases.size(), sub, rng.split()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> verdicts = new ArrayList<>();
        Map<String, int[]> statuses = Collections.synchronizedMap(new TreeMap<>());
        for (Case c : cases) {
            verdicts.add(pool.submit(() -> check(c, statuses)));
        }
        List<String> failures = new ArrayList<>();
        for (Future<String> v : verdicts) {
            String f = v.get();
            if (f != null) {
                failures.add(f);
            }
        }
        pool.shutdown();
        StringBuilder summary = new StringBuilder("cli fuzz: " + cases.size() + " runs;");
        statuses.forEach((sub, n) -> summary.append(String.format(" %s exit 0/1/2: %d/%d/%d;", sub, n[0], n[1], n[2])));
        System.out.println(summary);
        assertThat(failures).as(summary.toString()).isEmpty();
        // the generator reaches every outcome for every subcommand
        statuses.forEach((sub, n) -> assertThat(n).as(sub).doesNotContain(0));
    }

    /** Runs one case; returns null if every promise held, else what broke. */
    private String check(Case c, Map<String, int[]> statuses) throws Exception {
        Path dir = Files.createDirectories(root.resolve("run" + c.id()));
        furnish(dir);
        boolean seed = c.id() % 2 == 0;
        for (String[] o : c.outputs()) {
            Path p = dir.resolve(o[1]);
            if (seed && !Files.exists(p) && Files.isDirectory(p.toAbsolutePath().getParent())) {
                Files.writeString(p, "GOOD");
            }
        }
        ChildCli.Result r = ChildCli.run(dir, c.jvm(), LIMIT_SECONDS, c.args().toArray(String[]::new));
        String what = "case " + c.id() + ": " + String.join(" ", c.jvm()) + " nnlab " + String.join(" ", c.args())
                + "\n  " + r.toString().replace("\n", "\n  ");
        if (r.timedOut()) {
            return "timed out: " + what;
        }
        if (r.status() < 0 || r.status() > 2) {
            return "exit status: " + what;
        }
        statuses.computeIfAbsent(c.sub(), k -> new int[3])[r.status()]++;
        if (r.err().contains("\tat ") || r.err().contains("Exception in thread") || r.out().contains("\tat ")) {
            return "stack trace: " + what;
        }
        if (r.status() != 0 && r.errLines().size() != 1) {
            return "not one line on stderr: " + what;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> temps = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
            if (!temps.isEmpty()) {
                return "temporary files " + temps + ": " + what;
            }
        }
        boolean onlyHelp = c.args().stream().anyMatch(a -> List.of("--help", "-h", "--version", "-V").contains(a));
        for (String[] o : c.outputs()) {
            String out = o[1];
            Path p = dir.resolve(out);
            if (!Files.isRegularFile(p) || out.startsWith("/dev/")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(p);
            boolean good = new String(bytes, StandardCharsets.UTF_8).equals("GOOD");
            boolean sweep = c.sub().equals("sweep");
            boolean valid = o[0].equals("--json") ? validJson(p) : o[0].equals("--png") ? validPng(p)
                    : o[0].equals("--out") ? validJsonLines(p)
                    : o[0].equals("--csv") ? (sweep ? new String(bytes, StandardCharsets.UTF_8).startsWith("trial,seed,")
                    : validCsv(p)) : bytes.length > 0;
            if (r.status() == 0 && !onlyHelp && !valid) {
                return "invalid " + o[0] + " output " + out + ": " + what;
            }
            if (r.status() == 0 && o[0].equals("--json") && !onlyHelp && !valid) {
                return "invalid JSON in " + out + ": " + what;
            }
            if (r.status() != 0 && !good && !valid) {
                return "damaged " + out + " after a failure: " + what;
            }
        }
        return null;
    }

    /**
     * A history CSV: a header of names, then rows of as many cells, each an integer epoch first and then numbers
     * (Java's parser, or NaN, inf and -inf as pandas reads them).
     */
    private static boolean validCsv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("epoch,")) {
            return false;
        }
        int columns = lines.get(0).split(",", -1).length;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                return false;
            }
            try {
                Long.parseLong(cells[0]);
                for (int i = 1; i < cells.length; i++) {
                    if (!List.of("NaN", "inf", "-inf").contains(cells[i])) {
                        Double.parseDouble(cells[i]);
                    }
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** A sweep's records: every line one JSON object. */
    private static boolean validJsonLines(Path p) {
        try {
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!CliProcessIT.JACKSON.readTree(line).isObject()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean validJson(Path p) {
        try {
            CliProcessIT.JACKSON.readTree(p.toFile());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean validPng(Path p) {
        try {
            return javax.imageio.ImageIO.read(p.toFile()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The files every run's folder holds. */
    private static void furnish(Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"gNeurons\": 6, \"dNeurons\": 5, \"kD\": 2, \"batch\": 50}");
        Files.writeString(dir.resolve("dup.json"), "{\"kD\": 1, \"kD\": 2}");
        Files.writeString(dir.resolve("lenient.json"), "{\"kD\": +2, \"dLR\": 1e999}");
        Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
        Files.writeString(dir.resolve("weights.json"), "{\"g\": [1, 2], \"d\": []}");
        Files.writeString(dir.resolve("atlas.json"), "{\"rows\": 3, \"cols\": 2, \"values\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]}");
        Files.createDirectories(dir.resolve("folder"));
        Files.writeString(dir.resolve("plain"), "a file, not a folder");
        Files.createSymbolicLink(dir.resolve("link.json"), Path.of("linked.json"));
        java.awt.image.BufferedImage cross = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 4; i < 24; i++) {
            cross.setRGB(i, i, 0xffffff);
            cross.setRGB(27 - i, i, 0xffffff);
        }
        javax.imageio.ImageIO.write(cross, "png", dir.resolve("cross.png").toFile());
        Files.write(dir.resolve("huge.png"), CliProcessIT.pngHeader(10_000, 10_000));
        Files.writeString(dir.resolve("text.png"), "not a picture");
    }

    // ------------------------------------------------------------------ the generator

    private static final String[] OUTPUTS = {"out.json", "out.png", "folder", "plain/x.json", "no/such/x.png", "link.json",
        "/dev/null", "out.json", "a'b \"c\".json", "é漢.png", "x".repeat(251) + ".png"};
    private static final String[] INPUTS = {"config.json", "dup.json", "lenient.json", "latin1.json", "weights.json",
        "atlas.json", "folder", "missing.json", "plain", "/dev/null", "cross.png", "huge.png", "text.png", "/"};
    private static final String[] NUMBERS = {"0", "1", "2", "3", "-1", "7", "10", "2147483648", "4294967297",
        "-4294967296", "1e3", "abc", "", "0x10", "NaN", "Infinity", "1.5", "007", "99999999999999999999"};
    private static final String[] REALS = {"0.005", "0.01", "1", "1e300", "0", "-0.1", "NaN", "Infinity", "abc", "1e-9",
        "0x1p3", ""};

    private static Case generate(int id, String sub, SplittableRandom rng) {
        List<String> args = new ArrayList<>();
        List<String[]> outputs = new ArrayList<>();
        args.add(sub);
        List<String[]> options = switch (sub) {
            case "playground" -> playground(rng);
            case "ganlab" -> ganlab(rng);
            case "shapeshop" -> shapeshop(rng);
            case "sweep" -> sweep(rng, args);
            default -> diagram(rng);
        };
        Collections.shuffle(options, new java.util.Random(rng.nextLong()));
        for (String[] o : options) {
            if (rng.nextInt(12) == 0) {
                continue;                                   // a required option goes missing now and then
            }
            if (o.length == 1) {
                args.add(o[0]);
            } else if (rng.nextInt(5) == 0) {
                args.add(o[0] + "=" + o[1]);
            } else {
                args.add(o[0]);
                args.add(o[1]);
            }
            if (o.length == 2 && List.of("--json", "--png", "--txt", "--csv", "--out").contains(o[0])) {
                outputs.add(o);
            }
            if (rng.nextInt(40) == 0) {
                args.add(o[0]);                             // repeated
                if (o.length == 2) {
                    args.add(o[1]);
                }
            }
        }
        switch (rng.nextInt(30)) {
            case 0 -> args.add("--no-such-option");
            case 1 -> args.add("stray");
            case 2 -> args.add("--help");
            case 3 -> args.add("--version");
            default -> { }
        }
        List<String> jvm = new ArrayList<>();
        int mode = rng.nextInt(8);
        if (mode < 6) {
            jvm.add("-Dnn.kernels=scalar");                 // starts in this JVM: the quick path
            jvm.add("-XX:TieredStopAtLevel=1");
        }
        if (mode == 7) {
            jvm.add("-Xmx256m");
        }
        if (rng.nextInt(60) == 0) {
            jvm.add(pick(rng, "-Dnn.threads=0", "-Dnn.threads=x", "-Dnn.vector.bits=64", "-Dnn.kernels=gpu"));
        }
        return new Case(id, sub, jvm, args, outputs);
    }

    private static String pick(SplittableRandom rng, String... choices) {
        return choices[rng.nextInt(choices.length)];
    }

    private static String output(SplittableRandom rng, String good) {
        return rng.nextInt(3) > 0 ? good : OUTPUTS[rng.nextInt(OUTPUTS.length)];
    }

    private static String input(SplittableRandom rng, String good) {
        return rng.nextInt(3) > 0 ? good : INPUTS[rng.nextInt(INPUTS.length)];
    }

    private static String small(SplittableRandom rng, int max) {
        return rng.nextInt(6) > 0 ? Integer.toString(rng.nextInt(max + 1)) : NUMBERS[rng.nextInt(NUMBERS.length)];
    }

    private static String state(SplittableRandom rng) {
        List<String> kv = new ArrayList<>();
        if (rng.nextInt(10) > 0) {
            kv.add("seed=" + pick(rng, "1", "0.5", "a\\q", "\"quoted\"", "漢", "x&y", "0.11111"));
        }
        String[][] keys = {
            {"dataset", "circle", "xor", "gauss", "spiral", "spirall"},
            {"activation", "tanh", "relu", "sigmoid", "linear", "tanhh", "elu"},
            {"learningRate", "0.03", "0.3", "3", "10", "abc", "-1", "1e400"},
            {"networkShape", "4,2", "", "8,8,8", "3", "0", "x", "4,Infinity", "300"},
            {"problem", "regression", "classification", "other"},
            {"regularization", "L1", "L2", "none", "L3"},
            {"regularizationRate", "0.001", "0.1", "NaN"},
            {"batchSize", "1", "10", "30", "0", "-5", "abc"},
            {"percTrainData", "10", "50", "90", "0", "200"},
            {"noise", "0", "25", "50", "999"},
            {"xSquared", "true", "false", "yes"},
            {"sinX", "true", "false"},
            {"colour", "red"},
            {"discretize", "true"},
        };
        for (String[] k : keys) {
            if (rng.nextInt(3) == 0) {
                kv.add(k[0] + "=" + k[1 + rng.nextInt(k.length - 1)]);
            }
        }
        String hash = String.join("&", kv);
        return rng.nextBoolean() ? hash : "https://playground.tensorflow.org/#" + hash;
    }

    private static List<String[]> playground(SplittableRandom rng) {
        List<String[]> o = new ArrayList<>();
        o.add(new String[] {"--state", state(rng)});
        o.add(new String[] {"--epochs", small(rng, 20)});
        o.add(new String[] {"--json", output(rng, "out.json")});
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--png", output(rng, "out.png")});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--snapshots", pick(rng, "0,1,5", "0", "30", "-1", "1,x", "", "3,3")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--heatmap"});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--csv", output(rng, "out.csv")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--strict"});
        }
        return o;
    }

    private static List<String[]> ganlab(SplittableRandom rng) {
        List<String[]> o = new ArrayList<>();
        if (rng.nextInt(3) > 0) {
            o.add(new String[] {"--dataset", pick(rng, "ring", "line", "gaussians", "disjoint", "spiral", "")});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--config", input(rng, "config.json")});
        }
        if (rng.nextInt(8) == 0) {
            o.add(new String[] {"--weights", input(rng, "weights.json")});
        }
        if (rng.nextInt(8) == 0) {
            o.add(new String[] {rng.nextBoolean() ? "--real" : "--noise", input(rng, "atlas.json")});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--seed", small(rng, 1000)});
        }
        o.add(new String[] {"--epochs", small(rng, 30)});
        o.add(new String[] {"--json", output(rng, "out.json")});
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--png", output(rng, "out.png")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--csv", output(rng, "out.csv")});
        }
        return o;
    }

    private static List<String[]> shapeshop(SplittableRandom rng) {
        List<String[]> o = new ArrayList<>();
        o.add(new String[] {"--classes", pick(rng, "box,line", "box,line,circle", "box", "box,house", "", "tri,noise_blur",
            "box,box", ",,")});
        o.add(new String[] {"--model", rng.nextInt(12) == 0 ? pick(rng, "cnn", "rnn", "") : "mlp"});
        o.add(new String[] {"--epochs", rng.nextInt(5) > 0 ? Integer.toString(1 + rng.nextInt(2)) : small(rng, 3)});
        o.add(new String[] {"--init", pick(rng, "zeros", "ones", "noise", "noise_blur", "random")});
        o.add(new String[] {"--step", rng.nextInt(3) > 0 ? "0.01" : REALS[rng.nextInt(REALS.length)]});
        o.add(new String[] {"--seed", small(rng, 100)});
        o.add(new String[] {"--max-steps", rng.nextInt(4) > 0 ? Integer.toString(1 + rng.nextInt(60)) : small(rng, 100)});
        o.add(new String[] {"--json", output(rng, "out.json")});
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--png", output(rng, "out.png")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--freeform", input(rng, "cross.png")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--csv", output(rng, "out.csv")});
        }
        return o;
    }

    /** A sweep's options; its system (positional) goes straight into {@code args}, now and then a wrong one. */
    private static List<String[]> sweep(SplittableRandom rng, List<String> args) {
        String system = pick(rng, "playground", "playground", "ganlab", "shapeshop", "playgroud");
        if (rng.nextInt(15) > 0) {
            args.add(system);
        }
        List<String[]> o = new ArrayList<>();
        String space = switch (system) {
            case "ganlab" -> pick(rng, "dataset=ring&kD={1|2}", "dLR=[0.01..0.1]log", "kD=fast", "dataset=donut",
                "gNeurons={2|4}&dOpt={SGD|Adam}");
            case "shapeshop" -> pick(rng, "classes=box,circle&model=mlp", "classes={box,circle|box,tri}&model=mlp",
                "classes=box,blob", "model=rnn", "classes=box,circle&step=1e300&model=mlp");
            default -> pick(rng, "dataset={xor|circle}", "networkShape={2|3}&learningRate=[0.01..0.3]log",
                "dataset=spiral&xSquared={true|false}", "learningRate={0.03|10}&activation=relu&problem=regression", "",
                "a={1|", "learningRate=[1..0]", "datset=xor", "networkShape={4|Infinity}", "x=[0..1]int",
                "networkShape=4,2&batchSize={1|0}");
        };
        o.add(new String[] {"--space", space});
        o.add(new String[] {"--epochs", small(rng, 20)});
        o.add(new String[] {"--out", output(rng, "out.jsonl")});
        if (rng.nextInt(2) == 0) {
            o.add(new String[] {"--seeds", small(rng, 3)});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--samples", small(rng, 3)});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--csv", output(rng, "out.csv")});
        }
        if (rng.nextInt(5) == 0) {
            o.add(new String[] {"--png", output(rng, "out.png")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--metric", pick(rng, "testLoss", "trainAccuracy", "kl", "meanR", "nope", "")});
        }
        if (rng.nextInt(4) == 0) {
            o.add(new String[] {"--threshold", REALS[rng.nextInt(REALS.length)]});
        }
        if (rng.nextInt(6) == 0) {
            o.add(new String[] {"--stop-at-threshold"});
        }
        if (rng.nextInt(5) == 0) {
            o.add(new String[] {"--every", small(rng, 5)});
        }
        if (rng.nextInt(5) == 0) {
            o.add(new String[] {"--threads", small(rng, 3)});
        }
        if (rng.nextInt(6) == 0) {
            o.add(new String[] {"--top", small(rng, 3)});
        }
        return o;
    }

    private static List<String[]> diagram(SplittableRandom rng) {
        List<String[]> o = new ArrayList<>();
        o.add(new String[] {"--model", pick(rng, "shapeshop:cnn", "shapeshop:mlp", "ganlab:ring", "ganlab:spiral",
            "playground:seed=1&networkShape=4,2", "playground:networkShape=3", "playground:seed=1&networkShape=x",
            "shapeshop:rnn", "keras", "")});
        o.add(new String[] {"--png", output(rng, "out.png")});
        if (rng.nextInt(2) == 0) {
            o.add(new String[] {"--txt", output(rng, "out.txt")});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--direction", pick(rng, "down", "right", "up")});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--scale", REALS[rng.nextInt(REALS.length)]});
        }
        if (rng.nextInt(3) == 0) {
            o.add(new String[] {"--classes", small(rng, 20)});
        }
        return o;
    }
}
