package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnlab sweep} as users run it, in child JVMs: the records of every run (read by Jackson), the same
 * records on one thread and two, a run killed and resumed, divergence, bad values, paths and a small heap.
 */
class SweepCliIT {
    private static final String SPACE = "dataset=spiral&networkShape={4|8,8}&xSquared={true|false}&learningRate={0.03|0.1}";

    @TempDir
    Path dir;

    private ChildCli.Result nnlab(String... args) throws Exception {
        return ChildCli.run(dir, List.of(), 180, args);
    }

    /** The records of a JSON-lines file, each line parsed by Jackson, by trial, without their wall time. */
    private List<String> records(String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
            nodes.add(CliProcessIT.JACKSON.readTree(line));
        }
        nodes.sort(Comparator.comparingLong(n -> n.get("trial").asLong()));
        return nodes.stream().map(n -> {
            ((ObjectNode) n).remove("seconds");
            return n.toString();
        }).toList();
    }

    @Test
    void aSweepRecordsEveryRunRanksThemAndDrawsTheBestAndWorst() throws Exception {
        ChildCli.Result r = nnlab("sweep", "playground", "--space", SPACE, "--seeds", "3", "--epochs", "100",
                "--threshold", "0.3", "--out", "runs.jsonl", "--csv", "runs.csv", "--png", "sheet.png", "--top", "2");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> records = records("runs.jsonl");
        assertThat(records).hasSize(24);
        JsonNode first = CliProcessIT.JACKSON.readTree(records.get(0));
        assertThat(first.get("config").asText()).isEqualTo("dataset=spiral&networkShape=4&xSquared=true&learningRate=0.03");
        assertThat(first.get("seed").asLong()).isEqualTo(1);
        assertThat(first.get("epochs").asInt()).isEqualTo(100);
        assertThat(first.get("metric").asText()).isEqualTo("testLoss");
        assertThat(first.get("metrics").get("testAccuracy").isNumber()).isTrue();
        assertThat(first.get("kernels").asText()).startsWith("vector");
        assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(25)
                .first().asString().startsWith("trial,seed,dataset,networkShape,xSquared,learningRate,epochs,stop,metric,final");
        assertThat(r.out()).contains("playground: 24 runs of 8 configurations", "rank", "networkShape=8,8",
                "settings by effect", "24 runs in", "sheet -> sheet.png");
        assertThat(r.out()).contains("24 runs in").doesNotContain("resumed");
        var sheet = ImageIO.read(dir.resolve("sheet.png").toFile());
        assertThat(sheet.getWidth()).isGreaterThan(400);
        // the same sweep on one thread: the same records, bit for bit
        ChildCli.Result one = nnlab("sweep", "playground", "--space", SPACE, "--seeds", "3", "--epochs", "100",
                "--threshold", "0.3", "--out", "one.jsonl", "--threads", "1");
        assertThat(one.status()).as(one.toString()).isZero();
        assertThat(records("one.jsonl")).isEqualTo(records);
        // again on the finished file: nothing to run, the same summary
        ChildCli.Result again = nnlab("sweep", "playground", "--space", SPACE, "--seeds", "3", "--epochs", "100",
                "--threshold", "0.3", "--out", "one.jsonl");
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(again.out()).contains("(resumed: 24 already in one.jsonl)");
        assertThat(again.out()).contains("0 runs in", "playground: 24 runs of 8 configurations");
        assertThat(records("one.jsonl")).isEqualTo(records);
    }

    @Test
    void aSweepKilledMidwayLosesNoFinishedRunAndTheSameCommandResumesIt() throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildCli.JAVA.toString(), "-jar", ChildCli.JAR.toString(), "sweep",
                "ganlab", "--space", "dataset=ring&kD={1|2|3}&dLR={0.1|0.03|0.01}", "--seeds", "4", "--epochs", "400",
                "--out", "g.jsonl", "--csv", "g.csv"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            Path out = dir.resolve("g.jsonl");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((!Files.exists(out) || Files.readAllLines(out).size() < 3) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        List<String> partial = records("g.jsonl");
        assertThat(partial.size()).isBetween(3, 35);
        assertThat(Files.readString(dir.resolve("log.txt"))).contains("run the same command again to resume");
        ChildCli.Result resumed = ChildCli.run(dir, List.of(), 300, command.subList(3, command.size()).toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("(resumed: " + partial.size() + " already in g.jsonl)");
        List<String> all = records("g.jsonl");
        assertThat(all).hasSize(36).containsAll(partial);
        assertThat(all.stream().map(s -> s.replaceAll(".*\"trial\":(\\d+).*", "$1")).distinct()).hasSize(36);
        assertThat(Files.readAllLines(dir.resolve("g.csv"))).hasSize(37);
        // the resumed runs are the runs a fresh sweep makes
        ChildCli.Result fresh = nnlab("sweep", "ganlab", "--space", "dataset=ring&kD={1|2|3}&dLR={0.1|0.03|0.01}",
                "--seeds", "4", "--epochs", "400", "--out", "fresh.jsonl");
        assertThat(fresh.status()).as(fresh.toString()).isZero();
        assertThat(records("fresh.jsonl")).isEqualTo(all);
    }

    @Test
    void divergingRunsAreRecordedAndTheSweepGoesOn() throws Exception {
        ChildCli.Result r = nnlab("sweep", "playground", "--space",
                "problem=regression&activation=relu&networkShape=4,4&learningRate={0.01|10}", "--seeds", "2", "--epochs",
                "50", "--out", "d.jsonl");
        assertThat(r.status()).as(r.toString()).isZero();
        List<JsonNode> nodes = new ArrayList<>();
        for (String s : records("d.jsonl")) {
            nodes.add(CliProcessIT.JACKSON.readTree(s));
        }
        assertThat(nodes).hasSize(4);
        assertThat(nodes.subList(0, 2)).allMatch(n -> !n.get("diverged").asBoolean() && n.get("epochs").asInt() == 50);
        assertThat(nodes.subList(2, 4)).allMatch(n -> n.get("diverged").asBoolean() && n.get("stop").asText().equals("diverged")
                && n.get("divergedAt").asInt() == n.get("epochs").asInt() && n.get("final").isNull());
        assertThat(r.out()).contains("2 diverged");
    }

    @Test
    void badValuesAndPathsAreRefusedInOneLineBeforeAnyRun() throws Exception {
        assertOne(nnlab("sweep", "playgroud", "--space", "x=true", "--epochs", "1", "--out", "o.jsonl"), 2,
                "no experiment \"playgroud\"", "playground", "ganlab", "shapeshop");
        assertOne(nnlab("sweep", "playground", "--space", "datset=spiral", "--epochs", "1", "--out", "o.jsonl"), 2,
                "unknown key 'datset'");
        assertOne(nnlab("sweep", "playground", "--space", "dataset={spiral|spirals}", "--epochs", "1", "--out", "o.jsonl"),
                2, "spirals");
        assertOne(nnlab("sweep", "playground", "--space", "learningRate=[0..x]", "--epochs", "1", "--out", "o.jsonl"), 2,
                "--space: learningRate=[0..x]");
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--seeds", "0", "--epochs", "1", "--out",
                "o.jsonl"), 2, "--seeds must be 1..100000, got 0");
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "1", "--metric", "acc", "--out",
                "o.jsonl"), 2, "--metric", "no metric \"acc\"", "testLoss");
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "1", "--stop-at-threshold", "--out",
                "o.jsonl"), 2, "--stop-at-threshold needs --threshold");
        assertOne(nnlab("sweep", "ganlab", "--space", "kD=[1..4]int", "--samples", "0", "--epochs", "1", "--out",
                "o.jsonl"), 2, "--samples must be 1..1000000, got 0");
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "1", "--out", "missing/o.jsonl"), 1,
                "missing", "does not exist");
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "1", "--out", "o.jsonl", "--csv",
                "o.jsonl"), 2, "are the same file");
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
        ChildCli.Result ok = nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "3", "--out", "o.jsonl");
        assertThat(ok.status()).as(ok.toString()).isZero();
        String before = Files.readString(dir.resolve("o.jsonl"));
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "4", "--out", "o.jsonl"), 2,
                "o.jsonl holds runs of another sweep", "epochs=3", "epochs=4");
        assertThat(Files.readString(dir.resolve("o.jsonl"))).isEqualTo(before);
        if (Files.exists(Path.of("/dev/full"))) {
            assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "3", "--out", "/dev/full"), 1,
                    "cannot write /dev/full", "No space left on device");
        }
        Files.writeString(dir.resolve("junk.jsonl"), "not json\n");
        assertOne(nnlab("sweep", "playground", "--space", "dataset=xor", "--epochs", "3", "--out", "junk.jsonl"), 1,
                "junk.jsonl line 1 is not a sweep record");
    }

    @Test
    void aThousandRunSweepRunsInASmallHeap() throws Exception {
        ChildCli.Result r = ChildCli.run(dir, List.of("-Xmx48m"), 300, "sweep", "playground", "--space",
                "dataset=xor&networkShape=2&learningRate=[0.001..1]log", "--samples", "250", "--seeds", "4", "--epochs",
                "5", "--out", "k.jsonl");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("k.jsonl"))).hasSize(1000);
        assertThat(r.out()).contains("playground: 1,000 runs of ");
    }

    private static void assertOne(ChildCli.Result r, int status, String... fragments) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains(fragments).doesNotContain("\tat ", "Exception in thread");
    }
}
