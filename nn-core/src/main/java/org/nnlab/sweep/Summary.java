package org.nnlab.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a sweep found, accumulated record by record with memory in the number of configurations (not runs):
 * the configurations ranked by the objective's mean over seeds (with its spread), how much each varying
 * setting moves the objective, and the best and worst runs.
 *
 * <p>A configuration's mean is over its usable runs ({@link SweepRecord#usable()}); diverged and refused runs
 * are counted apart. A setting's effect is the largest difference between the means of the configurations
 * that share one of its values (a grid key's alternatives; a random key's range cut in four equal bins, in
 * log scale for a log range): the main effect of a factorial design, averaged over the other settings.
 */
public final class Summary implements Consumer<SweepRecord> {
    private final Sweep sweep;
    private final Experiment.Metric metric;
    private final int keep;
    private final Map<String, Point> points = new LinkedHashMap<>();
    private final List<SweepRecord> best = new ArrayList<>();
    private final List<SweepRecord> worst = new ArrayList<>();
    private long runs;
    private long diverged;
    private long errors;

    /**
     * An empty summary of {@code sweep} that keeps its {@code keep} best and worst runs.
     *
     * @throws IllegalArgumentException if keep is negative
     */
    public Summary(Sweep sweep, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("Summary: keep must be >= 0, got " + keep);
        }
        this.sweep = sweep;
        this.metric = sweep.metric();
        this.keep = keep;
    }

    /**
     * One configuration's statistics over its seeds.
     *
     * @param config   its settings as {@code key=value&...}
     * @param settings its settings
     * @param runs     its runs recorded
     * @param usable   runs with a usable objective
     * @param diverged runs that diverged
     * @param errors   runs the experiment refused
     * @param mean     the objective's mean over usable runs (NaN without any)
     * @param sd       its sample standard deviation (0 with one run, NaN without any)
     * @param best     the best usable run's objective
     * @param worst    the worst usable run's objective
     */
    public record Row(String config, Map<String, String> settings, long runs, long usable, long diverged, long errors,
                      double mean, double sd, double best, double worst) {
    }

    /**
     * How much one setting moves the objective.
     *
     * @param key    the setting
     * @param spread the largest difference between its values' means
     * @param means  each value's (or bin's) mean of configuration means, in the space's order
     */
    public record Effect(String key, double spread, Map<String, Double> means) {
    }

    private static final class Point {
        final Map<String, String> settings;
        long runs;
        long usable;
        long diverged;
        long errors;
        double sum;
        double sumSquares;
        double best = Double.NaN;
        double worst = Double.NaN;

        Point(Map<String, String> settings) {
            this.settings = settings;
        }
    }

    @Override
    public void accept(SweepRecord r) {
        runs++;
        Point p = points.computeIfAbsent(r.config(), c -> new Point(r.settings()));
        p.runs++;
        if (r.error() != null) {
            p.errors++;
            errors++;
            return;
        }
        if (r.diverged()) {
            p.diverged++;
            diverged++;
            return;
        }
        if (!r.usable()) {
            return;
        }
        p.usable++;
        p.sum += r.last();
        p.sumSquares += r.last() * r.last();
        if (metric.better(r.last(), p.best)) {
            p.best = r.last();
        }
        if (Double.isNaN(p.worst) || metric.better(p.worst, r.last())) {
            p.worst = r.last();
        }
        offer(best, r, byObjective());
        offer(worst, r, byObjective().reversed());
    }

    /** Better runs first; ties by trial index, so that the order never depends on arrival. */
    private Comparator<SweepRecord> byObjective() {
        Comparator<SweepRecord> c = Comparator.comparingDouble(SweepRecord::last);
        return (metric.higherIsBetter() ? c.reversed() : c).thenComparingLong(SweepRecord::trial);
    }

    private void offer(List<SweepRecord> list, SweepRecord r, Comparator<SweepRecord> order) {
        if (keep == 0) {
            return;
        }
        int at = 0;
        while (at < list.size() && order.compare(list.get(at), r) < 0) {
            at++;
        }
        if (at < keep) {
            list.add(at, r);
            if (list.size() > keep) {
                list.remove(list.size() - 1);
            }
        }
    }

    /** Runs recorded. */
    public long runs() {
        return runs;
    }

    /** Runs that diverged. */
    public long diverged() {
        return diverged;
    }

    /** Runs the experiment refused. */
    public long errors() {
        return errors;
    }

    /** The best usable runs, best first (at most {@code keep}). */
    public List<SweepRecord> best() {
        return List.copyOf(best);
    }

    /** The worst usable runs, worst first (at most {@code keep}). */
    public List<SweepRecord> worst() {
        return List.copyOf(worst);
    }

    /** Every configuration, best mean first; those without a usable run last. */
    public List<Row> ranking() {
        List<Row> rows = new ArrayList<>();
        points.forEach((config, p) -> {
            double mean = p.usable > 0 ? p.sum / p.usable : Double.NaN;
            double var = p.usable > 1 ? Math.max(0, (p.sumSquares - p.sum * mean) / (p.usable - 1)) : p.usable == 1 ? 0
                    : Double.NaN;
            rows.add(new Row(config, p.settings, p.runs, p.usable, p.diverged, p.errors, mean, Math.sqrt(var), p.best,
                    p.worst));
        });
        Comparator<Row> byMean = (a, b) -> {
            if (Double.isNaN(a.mean()) || Double.isNaN(b.mean())) {
                return Boolean.compare(Double.isNaN(a.mean()), Double.isNaN(b.mean()));
            }
            return metric.higherIsBetter() ? Double.compare(b.mean(), a.mean()) : Double.compare(a.mean(), b.mean());
        };
        rows.sort(byMean.thenComparing(Row::config));
        return rows;
    }

    /** The varying settings, largest effect first. */
    public List<Effect> effects() {
        List<Row> rows = ranking();
        List<Effect> effects = new ArrayList<>();
        for (Space.Key k : sweep.space().keys()) {
            if (k.kind() == Space.Kind.FIXED) {
                continue;
            }
            Map<String, double[]> groups = new LinkedHashMap<>();       // value -> {sum, count}
            if (k.kind() == Space.Kind.GRID) {
                k.values().forEach(v -> groups.put(v, new double[2]));
            } else {
                for (int b = 0; b < 4; b++) {
                    groups.put(bin(k, b), new double[2]);
                }
            }
            for (Row r : rows) {
                String v = r.settings().get(k.name());
                if (Double.isNaN(r.mean()) || v == null) {
                    continue;
                }
                String group = k.kind() == Space.Kind.GRID ? v : bin(k, binOf(k, Double.parseDouble(v)));
                double[] g = groups.get(group);
                if (g != null) {
                    g[0] += r.mean();
                    g[1]++;
                }
            }
            Map<String, Double> means = new LinkedHashMap<>();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, double[]> e : groups.entrySet()) {
                double m = e.getValue()[1] > 0 ? e.getValue()[0] / e.getValue()[1] : Double.NaN;
                means.put(e.getKey(), m);
                if (!Double.isNaN(m)) {
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
            }
            effects.add(new Effect(k.name(), hi >= lo ? hi - lo : Double.NaN, means));
        }
        effects.sort(Comparator.comparingDouble((Effect e) -> Double.isNaN(e.spread()) ? -1 : e.spread()).reversed());
        return effects;
    }

    private static int binOf(Space.Key k, double v) {
        double t = k.kind() == Space.Kind.LOG_UNIFORM
                ? (Math.log(v) - Math.log(k.lo())) / (Math.log(k.hi()) - Math.log(k.lo()))
                : (v - k.lo()) / (k.hi() - k.lo());
        return Double.isFinite(t) ? Math.max(0, Math.min(3, (int) Math.floor(t * 4))) : 0;
    }

    private static String bin(Space.Key k, int b) {
        double[] edges = new double[5];
        for (int i = 0; i <= 4; i++) {
            edges[i] = k.kind() == Space.Kind.LOG_UNIFORM
                    ? Math.exp(Math.log(k.lo()) + (Math.log(k.hi()) - Math.log(k.lo())) * i / 4)
                    : k.lo() + (k.hi() - k.lo()) * i / 4;
        }
        return "[" + Space.round4(edges[b]) + ".." + Space.round4(edges[b + 1]) + (b == 3 ? "]" : ")");
    }

    /**
     * The summary as text: the totals, the {@code top} best and {@code top} worst configurations (all of them
     * when there are at most {@code 2 top}), and the settings by effect.
     */
    public String format(int top) {
        StringBuilder sb = new StringBuilder();
        String better = metric.higherIsBetter() ? "higher is better" : "lower is better";
        sb.append(String.format(Locale.ROOT, "%s: %,d run%s of %,d configuration%s, %,d diverged, %,d refused; %s "
                + "after up to %,d epochs (%s), mean over seeds%n", sweep.system(), runs, runs == 1 ? "" : "s",
                points.size(), points.size() == 1 ? "" : "s", diverged, errors, metric.name(), sweep.epochs(), better));
        List<String> fixed = sweep.space().keys().stream().filter(k -> k.kind() == Space.Kind.FIXED)
                .map(k -> k.name() + "=" + k.values().get(0)).toList();
        if (!fixed.isEmpty()) {
            sb.append("fixed: ").append(String.join("&", fixed)).append(System.lineSeparator());
        }
        List<Row> rows = ranking();
        List<String> shownKeys = sweep.space().varying();
        java.util.function.Function<Row, String> label = r -> {
            StringBuilder l = new StringBuilder();
            for (String k : shownKeys) {
                l.append(l.isEmpty() ? "" : " ").append(k).append('=').append(r.settings().get(k));
            }
            return l.isEmpty() ? r.config() : l.toString();
        };
        int width = Math.max(6, Math.min(80, rows.stream().mapToInt(r -> label.apply(r).length()).max().orElse(6)));
        String header = String.format(Locale.ROOT, "%5s  %-" + width + "s  %10s  %9s  %10s  %10s  %s%n", "rank", "settings",
                "mean", "sd", "best", "worst", "runs");
        sb.append(header);
        boolean cut = rows.size() > 2 * top;
        for (int i = 0; i < rows.size(); i++) {
            if (cut && i == top) {
                sb.append(String.format(Locale.ROOT, "%5s  ... %,d more ...%n", "", rows.size() - 2 * top));
                i = rows.size() - top;
            }
            Row r = rows.get(i);
            String config = label.apply(r);
            config = config.length() > width ? config.substring(0, width - 1) + "\u2026" : config;
            sb.append(String.format(Locale.ROOT, "%5d  %-" + width + "s  %10.4g  %9.3g  %10.4g  %10.4g  %d%s%n", i + 1,
                    config, r.mean(), r.sd(), r.best(), r.worst(), r.runs(),
                    r.diverged() + r.errors() > 0 ? " (" + (r.diverged() > 0 ? r.diverged() + " diverged" : "")
                            + (r.diverged() > 0 && r.errors() > 0 ? ", " : "")
                            + (r.errors() > 0 ? r.errors() + " refused" : "") + ")" : ""));
        }
        List<Effect> effects = effects();
        if (!effects.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "settings by effect on the mean %s (largest difference between "
                    + "their values' means):%n", metric.name()));
            for (Effect e : effects) {
                StringBuilder values = new StringBuilder();
                e.means().forEach((v, m) -> values.append(values.isEmpty() ? "" : ", ").append(v).append(' ')
                        .append(Double.isNaN(m) ? "-" : String.format(Locale.ROOT, "%.4g", m)));
                sb.append(String.format(Locale.ROOT, "  %-20s %10.4g   %s%n", e.key(), e.spread(), values));
            }
        }
        return sb.toString();
    }
}
