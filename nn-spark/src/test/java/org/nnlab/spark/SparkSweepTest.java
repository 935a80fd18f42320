package org.nnlab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.sweep.LocalSweep;
import org.nnlab.sweep.Space;
import org.nnlab.sweep.Sweep;
import org.nnlab.sweep.SweepRecord;

/**
 * The Spark path in local mode, against the local executor: the same records, bit for bit, and a task that fails
 * once is retried with no record lost or doubled. {@code local[2,4]}: two cores, and up to 4 attempts per task
 * ({@code local[2]} allows one, so no retry could happen).
 */
class SparkSweepTest {
    private static SparkSession spark;

    /** Attempts that have failed, by partition: the injected failure happens once per partition named. */
    static final ConcurrentHashMap<Integer, AtomicInteger> FAILED = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2,4]").appName("nnlab-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Sweep playground() {
        return Sweep.of("playground", Space.parse("dataset={xor|spiral}&networkShape={3|6,4}&learningRate=[0.01..0.3]log",
                3, 11), Sweep.seeds(2), 60, new Sweep.Objective(null, 0.25, false, 1));
    }

    /** The local executor's records, by trial, without wall time. */
    private static List<String> local(Sweep sweep) throws InterruptedException {
        List<SweepRecord> records = new ArrayList<>();
        LocalSweep.run(sweep, 2, i -> false, records::add);
        return records.stream().sorted(Comparator.comparingLong(SweepRecord::trial))
                .map(r -> r.withoutTime().toJson()).toList();
    }

    private static List<String> normalized(List<String> lines) {
        return lines.stream().map(SweepRecord::fromJson).sorted(Comparator.comparingLong(SweepRecord::trial))
                .map(r -> r.withoutTime().toJson()).toList();
    }

    @Test
    void sparkGivesTheLocalExecutorsRecordsBitForBit() throws Exception {
        for (Sweep sweep : List.of(playground(), Sweep.of("ganlab", Space.parse("dataset=ring&kD={1|2}&gLR={0.03|0.01}"),
                Sweep.seeds(2), 80, new Sweep.Objective(null, Double.NaN, false, 20)))) {
            List<String> spark4 = SparkSweep.records(spark, sweep, 4).collectAsList();
            assertThat(spark4).hasSize((int) sweep.size());
            assertThat(normalized(spark4)).as(sweep.toString()).isEqualTo(local(sweep));
            // a different split into tasks changes nothing
            assertThat(normalized(SparkSweep.records(spark, sweep, 3).collectAsList())).isEqualTo(normalized(spark4));
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedWithNoRecordLostOrDoubled() throws Exception {
        Sweep sweep = playground();
        FAILED.clear();
        // partition 1 fails after its first record, partition 2 before any: each once
        SparkSweep.TaskHook failOnce = (partition, attempt, trial) -> {
            boolean fail = (partition == 1 && trial % 6 == 1) || (partition == 2 && trial % 6 == 0);
            if (fail && attempt == 0 && FAILED.computeIfAbsent(partition, p -> new AtomicInteger()).getAndIncrement() == 0) {
                throw new IllegalStateException("injected failure in partition " + partition);
            }
        };
        List<String> lines = SparkSweep.records(spark, sweep, 4, failOnce).collectAsList();
        assertThat(FAILED.keySet()).containsExactlyInAnyOrder(1, 2);
        assertThat(lines).hasSize((int) sweep.size());
        assertThat(lines.stream().map(SweepRecord::fromJson).map(SweepRecord::trial).distinct()).hasSize((int) sweep.size());
        assertThat(normalized(lines)).isEqualTo(local(sweep));
    }

    @Test
    void recordsAreWrittenAsJsonLinesAndAsParquet() throws Exception {
        Sweep sweep = playground();
        List<String> expected = local(sweep);
        Path json = dir.resolve("runs");
        SparkSweep.records(spark, sweep, 4).write().text(json.toString());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(json)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        assertThat(normalized(lines)).isEqualTo(expected);
        Path parquet = dir.resolve("runs.parquet");
        SparkSweep.table(spark, SparkSweep.records(spark, sweep, 4)).write().parquet(parquet.toString());
        List<Row> rows = spark.read().parquet(parquet.toString()).orderBy("trial").collectAsList();
        assertThat(rows).hasSize((int) sweep.size());
        for (Row row : rows) {
            SweepRecord r = SweepRecord.fromJson(expected.get((int) row.getLong(row.fieldIndex("trial"))));
            assertThat(row.getString(row.fieldIndex("config"))).isEqualTo(r.config());
            assertThat(row.getLong(row.fieldIndex("seed"))).isEqualTo(r.seed());
            assertThat(row.getDouble(row.fieldIndex("final"))).isEqualTo(r.last());
            assertThat(row.<String, Object>getJavaMap(row.fieldIndex("metrics")).get("testAccuracy"))
                    .isEqualTo(r.metrics().get("testAccuracy"));
            assertThat(row.<String, Object>getJavaMap(row.fieldIndex("settings")).get("learningRate"))
                    .isEqualTo(r.settings().get("learningRate"));
            assertThat(row.isNullAt(row.fieldIndex("reachedAt"))).isEqualTo(r.reachedAt() < 0);
        }
    }

    @Test
    void theSubmittedJobWritesParquetWithTheOptionsOfTheCommandLine() {
        Path out = dir.resolve("job.parquet");
        String line = SparkSweep.submit(spark, new String[] {"playground", "--space", "dataset=gauss&networkShape={2|4}",
            "--seeds", "3", "--epochs", "200", "--threshold", "0.05", "--stop-at-threshold", "--partitions", "3",
            "--format", "parquet", "--out", out.toString()});
        assertThat(line).contains("Sweep[playground, 2 points x 3 seeds = 6 runs, 200 epochs, testLoss] in 3 tasks");
        List<Row> rows = spark.read().parquet(out.toString()).orderBy("trial").collectAsList();
        assertThat(rows).hasSize(6);
        Sweep same = Sweep.of("playground", Space.parse("dataset=gauss&networkShape={2|4}"), Sweep.seeds(3), 200,
                new Sweep.Objective(null, 0.05, true, 1));
        for (Row r : rows) {
            SweepRecord expected = same.run((Long) r.getAs("trial"));
            assertThat(expected.stop()).isEqualTo(SweepRecord.Stop.THRESHOLD);    // gauss is easy: every run stops early
            assertThat(r.getAs("stop").toString()).isEqualTo("threshold");
            assertThat((Integer) r.getAs("epochs")).isEqualTo(expected.epochs()).isEqualTo(expected.reachedAt());
            assertThat((Double) r.getAs("final")).isEqualTo(expected.last());
        }
        assertThatThrownBy(() -> SparkSweep.submit(spark, new String[] {"playground", "--space", "dataset=xor", "--epochs", "5",
            "--stop-at-threshold", "--out", out.toString()})).hasMessageContaining("needs a threshold");
        assertThatThrownBy(() -> SparkSweep.submit(spark, new String[] {"playground", "--space", "dataset=xor", "--epochs", "5",
            "--format", "csv", "--out", out.toString()})).hasMessageContaining("--format must be json or parquet, got csv");
    }

    @Test
    void partitionsOutsideOneToTheRunsAreRefused() {
        assertThatThrownBy(() -> SparkSweep.records(spark, playground(), 0)).hasMessageContaining("partitions must be 1..24");
        assertThatThrownBy(() -> SparkSweep.records(spark, playground(), 25)).hasMessageContaining("got 25");
    }
}
