package org.nnlab.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nnlab.sweep.Experiment;
import org.nnlab.sweep.Space;
import org.nnlab.sweep.Sweep;

/**
 * A sweep on Apache Spark: the trial indices {@code 0..size-1} split into tasks, each task running its trials
 * with nnlab on the executor ({@link Sweep#run(long)}, the same pure function {@code LocalSweep} calls) and
 * returning their records. Spark schedules, retries failed tasks and re-runs stragglers; a retried task
 * recomputes the same records, and only one attempt's output is kept, so no record is lost or doubled.
 *
 * <pre>{@code
 * Dataset<String> lines = SparkSweep.records(spark, sweep, 64);     // JSON lines, one per run
 * SparkSweep.table(spark, lines).write().parquet("runs.parquet");   // or lines.write().text("runs")
 * }</pre>
 *
 * <p>On a cluster, {@code spark-submit} the job jar ({@code nn-spark/target/nn-spark-job.jar}, nnlab inside,
 * Spark not): see {@link #main(String[])}.
 */
public final class SparkSweep {
    /** The records' columns, as {@code SweepRecord.toJson()} writes them. */
    public static final StructType SCHEMA = new StructType()
            .add("trial", DataTypes.LongType, false)
            .add("plan", DataTypes.StringType, false)
            .add("config", DataTypes.StringType, false)
            .add("settings", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
            .add("seed", DataTypes.LongType, false)
            .add("epochs", DataTypes.IntegerType, false)
            .add("stop", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("final", DataTypes.DoubleType, true)
            .add("best", DataTypes.DoubleType, true)
            .add("bestEpoch", DataTypes.IntegerType, false)
            .add("reachedAt", DataTypes.IntegerType, true)
            .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, true), false)
            .add("diverged", DataTypes.BooleanType, false)
            .add("divergedAt", DataTypes.IntegerType, true)
            .add("error", DataTypes.StringType, true)
            .add("seconds", DataTypes.DoubleType, false)
            .add("kernels", DataTypes.StringType, false);

    private SparkSweep() {
    }

    /** Called as a task's records are made; for tests that make a task fail (package-private on purpose). */
    interface TaskHook extends Serializable {
        /** No hook. */
        TaskHook NONE = (partition, attempt, trial) -> { };

        /** Trial {@code trial} is about to run in attempt {@code attempt} of partition {@code partition}. */
        void beforeRun(int partition, int attempt, long trial);
    }

    /**
     * Every run of the sweep as a JSON line ({@code SweepRecord.toJson()}), computed lazily in {@code partitions}
     * tasks of consecutive trials.
     *
     * @param spark      the session
     * @param sweep      the sweep, shipped to the executors (it is {@link Serializable})
     * @param partitions tasks, 1..size; more tasks than cores lets Spark balance runs of unequal length
     * @return one JSON line per run, in no particular order across tasks
     *
     * @throws IllegalArgumentException if partitions is not 1..size (at least one run per task)
     */
    public static Dataset<String> records(SparkSession spark, Sweep sweep, int partitions) {
        return records(spark, sweep, partitions, TaskHook.NONE);
    }

    static Dataset<String> records(SparkSession spark, Sweep sweep, int partitions, TaskHook hook) {
        long size = sweep.size();
        if (partitions < 1 || partitions > size) {
            throw new IllegalArgumentException("SparkSweep: partitions must be 1.." + size + " (the sweep's runs), got "
                    + partitions);
        }
        return spark.range(0, size, 1, partitions).mapPartitions(new RunTrials(sweep, hook), Encoders.STRING());
    }

    /**
     * The JSON lines as a table with {@link #SCHEMA}'s columns (no schema inference, so no second pass).
     *
     * @param spark   the session
     * @param records lines from {@link #records}
     * @return a table to write as Parquet or query
     */
    public static Dataset<Row> table(SparkSession spark, Dataset<String> records) {
        return spark.read().schema(SCHEMA).json(records);
    }

    /** A task's work: its trials, run one by one as Spark pulls records, so a task holds one run at a time. */
    private static final class RunTrials implements MapPartitionsFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private final Sweep sweep;
        private final TaskHook hook;

        RunTrials(Sweep sweep, TaskHook hook) {
            this.sweep = sweep;
            this.hook = hook;
        }

        @Override
        public Iterator<String> call(Iterator<Long> trials) {
            TaskContext task = TaskContext.get();
            int partition = task == null ? 0 : task.partitionId();
            int attempt = task == null ? 0 : task.attemptNumber();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return trials.hasNext();
                }

                @Override
                public String next() {
                    if (!trials.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    long trial = trials.next();
                    hook.beforeRun(partition, attempt, trial);
                    return sweep.run(trial).toJson();
                }
            };
        }
    }

    /**
     * {@code spark-submit --class org.nnlab.spark.SparkSweep nn-spark-job.jar SYSTEM --space SPACE --epochs N
     * --out DIR [--seeds N] [--samples N] [--space-seed S] [--metric M] [--threshold X] [--stop-at-threshold]
     * [--every N] [--partitions N] [--format json|parquet]}: the sweep's records written to {@code DIR} as JSON lines
     * (default) or Parquet. The options mean what they mean for {@code nnlab sweep}; {@code --partitions}
     * defaults to 4 tasks per core Spark offers.
     *
     * @param args the system and the options above
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("nnlab spark sweep: " + e.getMessage());     // bad usage: one line, no stack trace
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        Map<String, String> options = options(args);
        Sweep sweep = sweep(options);          // every option checked before Spark starts
        String format = format(options);
        SparkSession spark = SparkSession.builder().appName("nnlab sweep " + sweep.system()).getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("nnlab.spark.log", "WARN"));   // not a line per task
        try {
            System.out.println(submit(spark, sweep, options, format));
        } finally {
            spark.stop();
        }
    }

    /** The job on a running session, as {@link #main} runs it; returns the line it prints. */
    static String submit(SparkSession spark, String[] args) {
        Map<String, String> options = options(args);
        Sweep sweep = sweep(options);
        return submit(spark, sweep, options, format(options));
    }

    private static String submit(SparkSession spark, Sweep sweep, Map<String, String> options, String format) {
        String out = require(options, "--out");
        int partitions = integer(options, "--partitions",
                (int) Math.min(sweep.size(), 4L * spark.sparkContext().defaultParallelism()));
        long t0 = System.nanoTime();
        Dataset<String> lines = records(spark, sweep, partitions);
        if (format.equals("json")) {
            lines.write().text(out);
        } else {
            table(spark, lines).write().parquet(out);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "%s in %d tasks: %.1f s, %.2f runs/s -> %s (%s)", sweep, partitions, seconds,
                sweep.size() / seconds, out, format);
    }

    private static Sweep sweep(Map<String, String> options) {
        String system = options.get("");
        Space space = Space.parse(require(options, "--space"), integer(options, "--samples", 1), spaceSeed(options));
        String threshold = options.get("--threshold");
        require(options, "--out");
        return Sweep.of(system, space, Sweep.seeds(integer(options, "--seeds", 1)), integer(options, "--epochs", -1),
                new Sweep.Objective(options.get("--metric"),
                        threshold == null ? Double.NaN : real(options, "--threshold", Double.NaN),
                        options.containsKey("--stop-at-threshold"),
                        integer(options, "--every", Experiment.named(system).defaultEvery())));
    }

    private static String format(Map<String, String> options) {
        String format = options.getOrDefault("--format", "json");
        if (!format.equals("json") && !format.equals("parquet")) {
            throw new IllegalArgumentException("--format must be json or parquet, got " + format);
        }
        return format;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--stop-at-threshold")) {
                options.put(args[i], "true");         // the one flag
            } else if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException("give one SYSTEM (playground, ganlab or shapeshop), got " + positional);
        }
        options.put("", positional.get(0));
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static long spaceSeed(Map<String, String> options) {
        String v = options.getOrDefault("--space-seed", "0");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--space-seed must be an integer, got " + v);
        }
    }

    private static double real(Map<String, String> options, String name, double otherwise) {
        String v = options.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got " + v);
        }
    }

    private static int integer(Map<String, String> options, String name, int otherwise) {
        String v = options.get(name);
        if (v == null) {
            if (otherwise < 0) {
                throw new IllegalArgumentException(name + " is required");
            }
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got " + v);
        }
    }
}
