package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/** Spaces, the pure run function, the local executor, the log's resume and the summary, against closed forms. */
class SweepTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aGridIsEnumeratedLastKeyFastestAndItsSizeIsTheProduct() {
        Space s = Space.parse("a={1|2|3}&b=fixed&c={x|y}");
        assertThat(s.size()).isEqualTo(6);
        List<String> texts = new ArrayList<>();
        for (long i = 0; i < s.size(); i++) {
            texts.add(s.point(i).text());
        }
        assertThat(texts).containsExactly("a=1&b=fixed&c=x", "a=1&b=fixed&c=y", "a=2&b=fixed&c=x", "a=2&b=fixed&c=y",
                "a=3&b=fixed&c=x", "a=3&b=fixed&c=y");
        assertThat(s.varying()).containsExactly("a", "c");
        assertThat(Space.parse("networkShape={4|8,8|8,8,5}").point(1).settings()).containsEntry("networkShape", "8,8");
    }

    @Test
    void randomDrawsStayInTheirRangesDependOnlyOnTheDrawAndAreCrossedWithTheGrid() {
        Space s = Space.parse("g={p|q}&u=[-1..1]&l=[0.001..0.1]log&i=[2..5]int", 50, 9);
        assertThat(s.size()).isEqualTo(100);
        Set<String> ints = new HashSet<>();
        for (long p = 0; p < s.size(); p++) {
            Map<String, String> v = s.point(p).settings();
            assertThat(Double.parseDouble(v.get("u"))).isBetween(-1.0, 1.0);
            assertThat(Double.parseDouble(v.get("l"))).isBetween(0.001, 0.1);
            ints.add(v.get("i"));
            Map<String, String> twin = s.point((p + 50) % 100).settings();      // the other grid value, same draw
            assertThat(twin.get("u")).isEqualTo(v.get("u"));
            assertThat(twin.get("g")).isNotEqualTo(v.get("g"));
            assertThat(v.get("u").replace("-", "").replace(".", "").replaceFirst("^0+", "").length()).isLessThanOrEqualTo(4);
        }
        assertThat(ints).containsExactlyInAnyOrder("2", "3", "4", "5");
        // a point is the same whether or not others were computed before it, and in a new space object
        assertThat(Space.parse("g={p|q}&u=[-1..1]&l=[0.001..0.1]log&i=[2..5]int", 50, 9).point(77))
                .isEqualTo(s.point(77));
        assertThat(Space.parse("g={p|q}&u=[-1..1]&l=[0.001..0.1]log&i=[2..5]int", 50, 10).point(77))
                .isNotEqualTo(s.point(77));
        // log-uniform: about half the draws below the geometric mean 0.01
        long below = 0;
        Space logs = Space.parse("l=[0.001..0.1]log", 2000, 1);
        for (long p = 0; p < 2000; p++) {
            below += Double.parseDouble(logs.point(p).settings().get("l")) < 0.01 ? 1 : 0;
        }
        assertThat(below).isBetween(900L, 1100L);
    }

    @Test
    void badSpacesAreRefusedNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> Space.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Space.parse("a={1|}")).hasMessageContaining("a={1|}").hasMessageContaining("empty");
        assertThatThrownBy(() -> Space.parse("a={1|2")).hasMessageContaining("a={1|2");
        assertThatThrownBy(() -> Space.parse("a=[0..x]")).hasMessageContaining("a=[0..x]").hasMessageContaining("numbers");
        assertThatThrownBy(() -> Space.parse("a=[0..1]log")).hasMessageContaining("lo > 0");
        assertThatThrownBy(() -> Space.parse("a=[2..1]")).hasMessageContaining("lo <= hi");
        assertThatThrownBy(() -> Space.parse("a=[0.5..3]int")).hasMessageContaining("integer bounds");
        assertThatThrownBy(() -> Space.parse("a=1&a=2")).hasMessageContaining("\"a\" appears twice");
        assertThatThrownBy(() -> Space.parse("novalue")).hasMessageContaining("\"novalue\" is not key=value");
        assertThatThrownBy(() -> Space.parse("a={1|2}", 3, 0)).hasMessageContaining("no key is random");
        assertThatThrownBy(() -> Space.parse("a={1|2|3|4|5|6|7|8|9|10}&b={1|2|3|4|5|6|7|8|9|10}&c={1|2|3|4|5|6|7|8|9|10}"
                + "&d={1|2|3|4|5|6|7|8|9|10}&e=[0..1]", 1_000_000, 0)).hasMessageContaining("too many points");
    }

    @Test
    void aListedExperimentThatDoesNotLoadLeavesTheOthersServing() {
        assertThat(Experiment.named("playground").name()).isEqualTo("playground");
        assertThat(Experiment.named("toy").name()).isEqualTo("toy");
        assertThatThrownBy(() -> Experiment.named("nosuch")).hasMessageContaining("choose one of")
                .hasMessageContaining("a listed experiment did not load").hasMessageContaining("NoSuchExperiment");
    }

    @Test
    void sweepsCheckEveryValueBeforeAnyRun() {
        assertThatThrownBy(() -> Sweep.of("nosuch", Space.parse("x=1"), Sweep.seeds(1), 1, Sweep.Objective.of(null)))
                .hasMessageContaining("no experiment \"nosuch\"").hasMessageContaining("playground");
        assertThatThrownBy(() -> Sweep.of("playground", Space.parse("dataset={spiral|spirals}"), Sweep.seeds(1), 1,
                Sweep.Objective.of(null))).hasMessageContaining("spirals");
        assertThatThrownBy(() -> Sweep.of("playground", Space.parse("datset=spiral"), Sweep.seeds(1), 1,
                Sweep.Objective.of(null))).hasMessageContaining("unknown key 'datset'");
        assertThatThrownBy(() -> Sweep.of("playground", Space.parse("seed=0.5"), Sweep.seeds(1), 1,
                Sweep.Objective.of(null))).hasMessageContaining("set by the sweep's seeds");
        assertThatThrownBy(() -> Sweep.of("playground", Space.parse("dataset=xor"), Sweep.seeds(1), 1,
                Sweep.Objective.of("accuracy"))).hasMessageContaining("no metric \"accuracy\"")
                .hasMessageContaining("testAccuracy");
        assertThatThrownBy(() -> Sweep.of("playground", Space.parse("dataset=xor"), Sweep.seeds(1), 1,
                new Sweep.Objective("testAccuracy", 0.9, true, 1))).hasMessageContaining("known only at the end");
        assertThatThrownBy(() -> Sweep.of("playground", Space.parse("dataset=xor"), List.of(1L, 1L), 1,
                Sweep.Objective.of(null))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> Sweep.of("toy", Space.parse("x=1"), List.of(-1L), 1, Sweep.Objective.of(null)))
                .hasMessageContaining("seed -1 is outside");
    }

    @Test
    void aPlaygroundRunIsExactlyTheSessionItsSettingsDescribe() {
        Sweep sweep = Sweep.of("playground", Space.parse("dataset=xor&networkShape={3|5,2}&learningRate=0.1"),
                List.of(4L, 11L), 40, new Sweep.Objective(null, 0.2, false, 1));
        for (long t = 0; t < sweep.size(); t++) {
            SweepRecord r = sweep.run(t);
            // the oracle: Playground's own session from the hash, stepped by hand
            PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(
                    "dataset=xor&networkShape=" + (t < 2 ? "3" : "5,2") + "&learningRate=0.1&seed=" + r.seed()));
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int reached = -1;
            for (int e = 1; e <= 40; e++) {
                EpochStats st = s.step();
                if (st.testLoss() < best) {
                    best = st.testLoss();
                    bestEpoch = e;
                }
                if (reached < 0 && st.testLoss() <= 0.2) {
                    reached = e;
                }
            }
            assertThat(r.seed()).isEqualTo(t % 2 == 0 ? 4 : 11);
            assertThat(r.last()).isEqualTo(s.last().testLoss());
            assertThat(r.metrics().get("trainLoss")).isEqualTo(s.last().trainLoss());
            assertThat(r.metrics().get("testAccuracy")).isEqualTo(s.accuracy()[1]);
            assertThat(r.best()).isEqualTo(best);
            assertThat(r.bestEpoch()).isEqualTo(bestEpoch);
            assertThat(r.reachedAt()).isEqualTo(reached);
            assertThat(r.epochs()).isEqualTo(40);
            assertThat(r.stop()).isEqualTo(SweepRecord.Stop.EPOCHS);
        }
    }

    @Test
    void thresholdsDivergenceAndRefusalsAreRecordedNotThrown() {
        Sweep sweep = Sweep.of("toy", Space.parse("x={10|4}&divergeAt={0|3}"), Sweep.seeds(1), 8,
                new Sweep.Objective("value", 4.0, true, 1));
        // value after epoch e: x / e + 1, so x=10 reaches 4 at e=4 (10/4+1=3.5), x=4 at e=2 (3)
        SweepRecord reach10 = sweep.run(0);
        assertThat(reach10.reachedAt()).isEqualTo(4);
        assertThat(reach10.epochs()).isEqualTo(4);
        assertThat(reach10.stop()).isEqualTo(SweepRecord.Stop.THRESHOLD);
        assertThat(reach10.last()).isEqualTo(ToyExperiment.value(10, 4, 1));
        SweepRecord diverge10 = sweep.run(1);
        assertThat(diverge10.diverged()).isTrue();
        assertThat(diverge10.epochs()).isEqualTo(3);
        assertThat(diverge10.stop()).isEqualTo(SweepRecord.Stop.DIVERGED);
        assertThat(diverge10.best()).isEqualTo(ToyExperiment.value(10, 2, 1));
        assertThat(diverge10.toJson()).contains("\"divergedAt\":3", "\"final\":null");
        SweepRecord reach4 = sweep.run(2);
        assertThat(reach4.reachedAt()).isEqualTo(2);
        // every=3 reads epochs 3, 6 and the last: x=4 reads 4/3+1 > 4? no: 2.33 <= 4 at epoch 3
        Sweep sparse = Sweep.of("toy", Space.parse("x=10"), Sweep.seeds(1), 7, new Sweep.Objective("value", 3.0, false, 3));
        SweepRecord r = sparse.run(0);
        assertThat(r.reachedAt()).isEqualTo(6);                   // 10/6+1 = 2.67; epoch 4 (3.5) was not read
        assertThat(r.bestEpoch()).isEqualTo(7);
        Sweep refusing = Sweep.of("toy", Space.parse("refuse={no|run}"), Sweep.seeds(1), 2, Sweep.Objective.of(null));
        SweepRecord refused = refusing.run(1);
        assertThat(refused.stop()).isEqualTo(SweepRecord.Stop.ERROR);
        assertThat(refused.error()).isEqualTo("toy: refused at run time");
        assertThat(refused.usable()).isFalse();
    }

    @Test
    void recordsReadBackBitForBitAndMatchAnIndependentJsonParser() throws Exception {
        Sweep sweep = Sweep.of("playground", Space.parse("dataset=spiral&networkShape={4|6}&learningRate=[0.01..0.3]log",
                2, 5), Sweep.seeds(2), 30, new Sweep.Objective(null, 0.45, false, 1));
        for (long t = 0; t < sweep.size(); t++) {
            SweepRecord r = sweep.run(t);
            assertThat(SweepRecord.fromJson(r.toJson())).isEqualTo(r);
            JsonNode n = JACKSON.readTree(r.toJson());
            assertThat(n.get("final").doubleValue()).isEqualTo(r.last());
            assertThat(n.get("config").asText()).isEqualTo(sweep.point(t).text());
            assertThat(n.get("settings").get("learningRate").asText()).isEqualTo(r.settings().get("learningRate"));
            assertThat(n.get("plan").asText()).isEqualTo(sweep.plan());
        }
    }

    @Test
    void theLocalExecutorGivesTheSameRecordsOnAnyNumberOfThreads() throws Exception {
        Sweep sweep = Sweep.of("playground", Space.parse("dataset={xor|circle}&networkShape={2|4,2}&xSquared={true|false}"),
                Sweep.seeds(3), 25, Sweep.Objective.of(null));
        List<String> sequential = sweep.records().map(r -> r.withoutTime().toJson()).toList();
        for (int threads : new int[] {1, 2, 7}) {
            List<SweepRecord> got = new CopyOnWriteArrayList<>();
            long made = LocalSweep.run(sweep, threads, i -> false, got::add);
            assertThat(made).isEqualTo(sweep.size());
            List<SweepRecord> sorted = new ArrayList<>(got);
            sorted.sort(Comparator.comparingLong(SweepRecord::trial));
            assertThat(sorted.stream().map(r -> r.withoutTime().toJson()).toList()).as("%d threads", threads)
                    .isEqualTo(sequential);
        }
        List<SweepRecord> skipped = new ArrayList<>();
        LocalSweep.run(sweep, 2, i -> i % 3 != 0, skipped::add);
        assertThat(skipped).extracting(SweepRecord::trial).allMatch(i -> i % 3 == 0).hasSize(8);
    }

    @Test
    void interruptingTheCallerCancelsRunningRunsWithinAnEpoch() throws Exception {
        Sweep sweep = Sweep.of("toy", Space.parse("x={1|2|3|4|5|6|7|8}&sleep=20"), Sweep.seeds(2), 1000,
                Sweep.Objective.of(null));
        List<SweepRecord> got = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                LocalSweep.run(sweep, 2, i -> false, got::add);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        Thread.sleep(300);
        long t0 = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat((System.nanoTime() - t0) / 1e6).as("ms to stop").isLessThan(2_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(got).isEmpty();                   // each run needs 20 s: none finished, none recorded half done
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("nnlab-sweep-") && t.isAlive());
    }

    @Test
    void aFailingSinkStopsTheSweepAndIsRethrown() {
        Sweep sweep = Sweep.of("toy", Space.parse("x={1|2|3|4|5|6}"), Sweep.seeds(3), 5, Sweep.Objective.of(null));
        int[] calls = {0};
        assertThatThrownBy(() -> LocalSweep.run(sweep, 2, i -> false, r -> {
            if (++calls[0] == 3) {
                throw new IllegalStateException("disk full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(calls[0]).isLessThan(18);
    }

    @Test
    void theLogResumesSkippingRecordedRunsDropsATornLineAndRefusesAnotherPlan() throws Exception {
        Sweep sweep = Sweep.of("toy", Space.parse("x={1|2|3}&label=[0..1]", 2, 3), Sweep.seeds(2), 4,
                Sweep.Objective.of(null));
        Path jsonl = dir.resolve("runs.jsonl");
        Path csv = dir.resolve("runs.csv");
        try (SweepLog log = SweepLog.open(sweep, jsonl, csv)) {
            for (long t = 0; t < 5; t++) {
                log.accept(sweep.run(t));
            }
        }
        // a crash in the middle of the sixth line
        Files.writeString(jsonl, sweep.run(5).toJson().substring(0, 40), java.nio.file.StandardOpenOption.APPEND);
        assertThat(SweepLog.read(jsonl)).hasSize(5);
        try (SweepLog log = SweepLog.open(sweep, jsonl, csv)) {
            assertThat(log.doneCount()).isEqualTo(5);
            assertThat(log.done(4)).isTrue();
            assertThat(log.done(5)).isFalse();
            LocalSweep.run(sweep, 2, log::done, log);
        }
        List<SweepRecord> all = SweepLog.read(jsonl);
        assertThat(all).hasSize((int) sweep.size());
        assertThat(all.stream().map(SweepRecord::trial).distinct().count()).isEqualTo(sweep.size());
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        for (String line : lines) {
            JACKSON.readTree(line);                      // every line whole
        }
        Set<Long> seen = new HashSet<>();
        for (SweepRecord r : all) {
            assertThat(r.withoutTime()).isEqualTo(sweep.run(r.trial()).withoutTime());
            seen.add(r.trial());
        }
        List<CSVRecord> rows;
        try (var reader = Files.newBufferedReader(csv)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        assertThat(rows).hasSize((int) sweep.size());
        for (CSVRecord row : rows) {
            SweepRecord r = sweep.run(Long.parseLong(row.get("trial")));
            assertThat(Double.parseDouble(row.get("final"))).isEqualTo(r.last());
            assertThat(row.get("x")).isEqualTo(r.settings().get("x"));
            assertThat(row.get("label")).isEqualTo(r.settings().get("label"));
            assertThat(Double.parseDouble(row.get("score"))).isEqualTo(r.metrics().get("score"));
        }
        Sweep other = Sweep.of("toy", Space.parse("x={1|2|3}"), Sweep.seeds(2), 5, Sweep.Objective.of(null));
        assertThatThrownBy(() -> SweepLog.open(other, jsonl, null)).hasMessageContaining("holds runs of another sweep")
                .hasMessageContaining("epochs=4").hasMessageContaining("epochs=5");
        Files.writeString(dir.resolve("notes.txt"), "somebody's notes, no line break at the end");
        assertThatThrownBy(() -> SweepLog.open(sweep, dir.resolve("notes.txt"), null)).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.txt line 1 is not a sweep record");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("somebody's notes, no line break at the end");
        Files.writeString(dir.resolve("other.csv"), "a,b\n1,2");
        assertThatThrownBy(() -> SweepLog.open(sweep, dir.resolve("fresh.jsonl"), dir.resolve("other.csv")))
                .isInstanceOf(IOException.class).hasMessageContaining("other.csv does not begin with this sweep's CSV header");
        assertThat(Files.readString(dir.resolve("other.csv"))).isEqualTo("a,b\n1,2");
        Files.writeString(dir.resolve("bad.jsonl"), "{\"trial\": 1}\n");
        assertThatThrownBy(() -> SweepLog.open(sweep, dir.resolve("bad.jsonl"), null)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.jsonl line 1 is not a sweep record");
    }

    @Test
    void runsOfAnotherSpaceStayInTheFileButAreNotThisSweepsAndTwinTrialsBothRun() throws Exception {
        Path jsonl = dir.resolve("w.jsonl");
        Sweep narrow = Sweep.of("toy", Space.parse("x={1|2}"), Sweep.seeds(2), 3, Sweep.Objective.of(null));
        try (SweepLog log = SweepLog.open(narrow, jsonl, null)) {
            LocalSweep.run(narrow, 1, log::done, log);
        }
        Sweep wide = Sweep.of("toy", Space.parse("x={1|2|3}"), Sweep.seeds(2), 3, Sweep.Objective.of(null));
        try (SweepLog log = SweepLog.open(wide, jsonl, null)) {
            assertThat(log.doneCount()).isEqualTo(4);             // x=1 and x=2 keep their trial indices
            assertThat(log.others()).isZero();
            LocalSweep.run(wide, 1, log::done, log);
        }
        Sweep shifted = Sweep.of("toy", Space.parse("x={0|1|2|3}"), Sweep.seeds(2), 3, Sweep.Objective.of(null));
        try (SweepLog log = SweepLog.open(shifted, jsonl, null)) {
            assertThat(log.doneCount()).isZero();                  // every index now names another configuration
            assertThat(log.others()).isEqualTo(6);
        }
        // integer draws repeat: trials with the same settings are distinct runs, each recorded
        Sweep twins = Sweep.of("toy", Space.parse("x=[1..2]int", 6, 0), Sweep.seeds(1), 2, Sweep.Objective.of(null));
        List<SweepRecord> got = new ArrayList<>();
        try (SweepLog log = SweepLog.open(twins, dir.resolve("t.jsonl"), null)) {
            LocalSweep.run(twins, 2, log::done, r -> {
                got.add(r);
                log.accept(r);
            });
        }
        assertThat(got).hasSize(6);
        assertThat(SweepLog.read(dir.resolve("t.jsonl"))).hasSize(6);
    }

    @Test
    void theSummaryRanksByMeanOverSeedsWithItsSpreadAndEffects() {
        Sweep sweep = Sweep.of("toy", Space.parse("x={8|2|4}&divergeAt={0|2}"), List.of(0L, 1L, 2L, 3L), 4,
                Sweep.Objective.of(null));
        Summary s = new Summary(sweep, 2);
        sweep.records().forEach(s);
        assertThat(s.runs()).isEqualTo(24);
        assertThat(s.diverged()).isEqualTo(12);
        List<Summary.Row> rows = s.ranking();
        // value = x / 4 + seed at the end: mean over seeds 0..3 = x / 4 + 1.5, sd = sd(0,1,2,3)
        assertThat(rows.get(0).config()).isEqualTo("x=2&divergeAt=0");
        assertThat(rows.get(0).mean()).isEqualTo(2 / 4.0 + 1.5);
        assertThat(rows.get(0).sd()).isCloseTo(Math.sqrt(5.0 / 3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rows.get(1).config()).isEqualTo("x=4&divergeAt=0");
        assertThat(rows.get(2).config()).isEqualTo("x=8&divergeAt=0");
        assertThat(rows.subList(3, 6)).allMatch(r -> Double.isNaN(r.mean()) && r.diverged() == 4);
        assertThat(s.best()).extracting(SweepRecord::last).containsExactly(0.5, 1.0);
        assertThat(s.worst()).extracting(SweepRecord::last).containsExactly(5.0, 4.0);
        Summary.Effect x = s.effects().get(0);
        assertThat(x.key()).isEqualTo("x");
        assertThat(x.spread()).isEqualTo(2 - 0.5);
        assertThat(x.means()).containsEntry("2", 2.0).containsEntry("8", 3.5);
        String text = s.format(1);
        assertThat(text).contains("24 runs of 6 configurations, 12 diverged", "x=2 divergeAt=0", "... 4 more ...",
                "(4 diverged)", "x ");
        // the same summary whatever order the records arrive in
        Summary shuffled = new Summary(sweep, 2);
        List<SweepRecord> records = new ArrayList<>(sweep.records().toList());
        Collections.shuffle(records, new java.util.Random(3));
        records.forEach(shuffled);
        assertThat(shuffled.ranking()).isEqualTo(s.ranking());
        assertThat(shuffled.best()).extracting(SweepRecord::trial).isEqualTo(s.best().stream().map(SweepRecord::trial).toList());
    }
}
