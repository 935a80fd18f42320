package org.nnlab.sweep;

import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.nnlab.core.Compute;

/**
 * A sweep: every point of a {@link Space} trained from every seed, each run a pure function of its trial
 * index. Trial {@code t} is point {@code t / seeds.size()} from seed {@code seeds.get(t % seeds.size())}, so
 * the seeds of one point are neighbours and {@code size() = space.size() x seeds.size()}.
 *
 * <p>{@link #run(long)} is the pure function every executor calls (the local one, {@link LocalSweep}, and
 * the Spark job in nn-spark): the same trial gives the same {@link SweepRecord}, bit for bit apart from its
 * wall time, on the same kernels. A sweep is a value ({@link Serializable}, no state): ship it to any
 * thread or machine.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.of("playground", Space.parse("dataset=spiral&networkShape={4|8,8}&xSquared={true|false}"),
 *         Sweep.seeds(5), 500, Objective.of("testLoss"));
 * sweep.records().forEach(System.out::println);          // or LocalSweep.run(sweep, threads, sink)
 * }</pre>
 *
 * @param system    the {@link Experiment}'s name
 * @param space     the configurations
 * @param seeds     the seeds each configuration trains from, distinct, each in 0..2^53 (exact in JSON)
 * @param epochs    the most epochs a run trains, 0..10,000,000
 * @param objective the metric that ranks runs, its threshold and whether reaching it stops a run
 */
public record Sweep(String system, Space space, List<Long> seeds, int epochs, Objective objective)
        implements Serializable {
    /** The most epochs one run trains. */
    public static final int MAX_EPOCHS = 10_000_000;
    /** The largest seed (2^53): larger ones would not read back exactly from JSON. */
    public static final long MAX_SEED = 1L << 53;
    /** The most runs one sweep has. */
    public static final long MAX_RUNS = 1_000_000_000L;

    private static final Map<String, Experiment> EXPERIMENTS = new ConcurrentHashMap<>();

    /**
     * What ranks runs and when one stops early.
     *
     * @param metric    a metric of the experiment's (null: its default, the first)
     * @param threshold a value of the metric to reach (NaN: none); a run records the first epoch it is
     *                  reached at ({@code reachedAt}, checked every {@code every} epochs)
     * @param stop      whether a run stops as soon as it reaches the threshold
     * @param every     epochs between readings of the metric for the best value and the threshold, >= 1
     *                  (a GAN's KL costs a grid evaluation; Playground's losses cost nothing extra)
     */
    public record Objective(String metric, double threshold, boolean stop, int every) implements Serializable {
        /** Checks the numbers. */
        public Objective {
            if (every < 1) {
                throw new IllegalArgumentException("objective: every must be >= 1, got " + every);
            }
            if (Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("objective: threshold must be finite (or NaN for none), got " + threshold);
            }
            if (stop && Double.isNaN(threshold)) {
                throw new IllegalArgumentException("objective: stopping at the threshold needs a threshold");
            }
        }

        /** Ranks by {@code metric}, read every epoch, with no threshold. */
        public static Objective of(String metric) {
            return new Objective(metric, Double.NaN, false, 1);
        }
    }

    /**
     * Checks everything a run would find wrong before any run: the experiment exists, the metric is one of
     * its, the seeds and epochs are in range, and every value of the space is one the experiment accepts
     * (the first point, and each alternative of each grid key put into it).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public Sweep {
        Experiment experiment = experiment(system);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("sweep: no seeds");
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("sweep: the seeds " + seeds + " repeat one; each run would be run twice");
        }
        for (long s : seeds) {
            if (s < 0 || s > MAX_SEED) {
                throw new IllegalArgumentException("sweep: seed " + s + " is outside 0.." + MAX_SEED);
            }
        }
        if (epochs < 0 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("sweep: epochs must be 0.." + MAX_EPOCHS + ", got " + epochs);
        }
        if (space.size() > MAX_RUNS / seeds.size()) {
            throw new IllegalArgumentException("sweep: " + space.size() + " points x " + seeds.size()
                    + " seeds is too many runs; at most " + MAX_RUNS);
        }
        if (objective.metric() == null) {
            objective = new Objective(experiment.metrics().get(0).name(), objective.threshold(), objective.stop(),
                    objective.every());
        }
        Experiment.Metric metric = experiment.metric(objective.metric());
        if (objective.stop() && !metric.during()) {
            throw new IllegalArgumentException("sweep: " + metric.name() + " is known only at the end of a run, "
                    + "so a run cannot stop when it reaches the threshold");
        }
        checkValues(experiment, space);
    }

    /** A sweep; the metric {@code null} in the objective means the experiment's default. */
    public static Sweep of(String system, Space space, List<Long> seeds, int epochs, Objective objective) {
        return new Sweep(system, space, seeds, epochs, objective);
    }

    /** Seeds 1..n. */
    public static List<Long> seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sweep: the number of seeds must be >= 1, got " + n);
        }
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static void checkValues(Experiment experiment, Space space) {
        Space.Point first = space.point(0);
        experiment.check(first.settings());
        for (Space.Key k : space.keys()) {
            if (k.kind() == Space.Kind.GRID) {
                for (String v : k.values()) {
                    Map<String, String> s = new LinkedHashMap<>(first.settings());
                    s.put(k.name(), v);
                    experiment.check(s);
                }
            }
        }
    }

    /** The experiment this sweep runs. */
    public Experiment experiment() {
        return experiment(system);
    }

    private static Experiment experiment(String system) {
        return EXPERIMENTS.computeIfAbsent(system, Experiment::named);
    }

    /** The metric that ranks runs. */
    public Experiment.Metric metric() {
        return experiment().metric(objective.metric());
    }

    /** The number of runs: points x seeds. */
    public long size() {
        return space.size() * seeds.size();
    }

    /** The point trial {@code index} trains. */
    public Space.Point point(long index) {
        checkIndex(index);
        return space.point(index / seeds.size());
    }

    /** The seed trial {@code index} trains from. */
    public long seed(long index) {
        checkIndex(index);
        return seeds.get((int) (index % seeds.size()));
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("sweep: run " + index + " is outside 0.." + (size() - 1));
        }
    }

    /**
     * What a run's record must share with this sweep's for a resumed sweep to reuse it: the system, the epochs
     * and the objective, as in {@code playground epochs=500 metric=testLoss every=1}.
     */
    public String plan() {
        StringBuilder sb = new StringBuilder().append(system).append(" epochs=").append(epochs).append(" metric=")
                .append(objective.metric()).append(" every=").append(objective.every());
        if (!Double.isNaN(objective.threshold())) {
            sb.append(" threshold=").append(objective.threshold()).append(objective.stop() ? " stop" : "");
        }
        return sb.toString();
    }

    /** Every run, in trial order, computed lazily one by one (add {@code .parallel()} for threads). */
    public Stream<SweepRecord> records() {
        return LongStream.range(0, size()).mapToObj(this::run);
    }

    /** Trains trial {@code index} and returns its record. */
    public SweepRecord run(long index) {
        return run(index, () -> false);
    }

    /**
     * Trains trial {@code index} and returns its record. A run whose settings the experiment refuses (a
     * combination no single value showed, such as too many links) is recorded with its error, not thrown.
     *
     * @param cancelled asked after every epoch
     * @throws CancellationException once {@code cancelled} says so (no record: the run did not finish)
     */
    public SweepRecord run(long index, BooleanSupplier cancelled) {
        Space.Point point = point(index);
        long seed = seed(index);
        Experiment experiment = experiment();
        Experiment.Metric metric = metric();
        Tracker tracker = new Tracker(metric, cancelled);
        long start = System.nanoTime();
        Experiment.Outcome outcome;
        try {
            outcome = experiment.run(point.settings(), seed, epochs, tracker);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new SweepRecord(index, plan(), point.settings(), seed, 0, SweepRecord.Stop.ERROR, metric.name(),
                    Double.NaN, Double.NaN, 0, -1, Map.of(), false, e.getMessage(), seconds(start), Compute.kernels());
        }
        double last = outcome.metrics().getOrDefault(metric.name(), Double.NaN);
        tracker.offer(outcome.epochs(), last);
        SweepRecord.Stop stop = outcome.diverged() ? SweepRecord.Stop.DIVERGED
                : objective.stop() && tracker.reachedAt >= 0 ? SweepRecord.Stop.THRESHOLD : SweepRecord.Stop.EPOCHS;
        return new SweepRecord(index, plan(), point.settings(), seed, outcome.epochs(), stop, metric.name(), last,
                tracker.best, tracker.bestEpoch, tracker.reachedAt, outcome.metrics(), outcome.diverged(), null,
                seconds(start), Compute.kernels());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The readings of one run: best value, its epoch, and the first epoch at the threshold. */
    private final class Tracker implements Experiment.Monitor {
        private final Experiment.Metric metric;
        private final BooleanSupplier cancelled;
        double best = Double.NaN;
        int bestEpoch;
        int reachedAt = -1;

        Tracker(Experiment.Metric metric, BooleanSupplier cancelled) {
            this.metric = metric;
            this.cancelled = cancelled;
        }

        @Override
        public boolean epoch(int epoch, java.util.function.ToDoubleFunction<String> metrics) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("sweep: cancelled");
            }
            if (!metric.during() || (epoch % objective.every() != 0 && epoch != epochs)) {
                return true;
            }
            offer(epoch, metrics.applyAsDouble(metric.name()));
            return !(objective.stop() && reachedAt >= 0);
        }

        /** Takes a reading of the metric after {@code epoch} epochs. */
        void offer(int epoch, double value) {
            if (metric.better(value, best)) {
                best = value;
                bestEpoch = epoch;
            }
            double t = objective.threshold();
            if (reachedAt < 0 && !Double.isNaN(t) && (metric.higherIsBetter() ? value >= t : value <= t)) {
                reachedAt = epoch;
            }
        }
    }

    /** {@code Sweep[playground, 12 points x 5 seeds = 60 runs, 500 epochs, testLoss]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Sweep[%s, %,d points x %d seeds = %,d runs, %,d epochs, %s]", system,
                space.size(), seeds.size(), size(), epochs, objective.metric());
    }
}
