package org.nnlab.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.ToDoubleFunction;

/**
 * One system's training as a pure function of (settings, seed): what a sweep runs at every point.
 * nnlab's are {@code playground} and {@code shapeshop} (nn-core) and {@code ganlab} (nn-gan), found by
 * {@link #named(String)} through {@link ServiceLoader}; add your own by listing a class in
 * {@code META-INF/services/org.nnlab.sweep.Experiment}.
 *
 * <p>Contract: {@link #run} with the same settings, seed and epochs gives bitwise the same {@link Outcome}
 * and calls the monitor with the same values, whatever thread, executor or order runs it (on the same
 * kernels). Implementations keep no state between runs and are safe to call from many threads at once.
 */
public interface Experiment {
    /** The system's name, as in {@code playground}. */
    String name();

    /** The metrics {@link #run} reports, the default objective first. */
    List<Metric> metrics();

    /**
     * Checks a point's settings before any training (unknown keys, values out of range), so that a sweep
     * with a typo fails in a second, not after its first runs.
     *
     * @throws IllegalArgumentException naming the key, the value and what is valid
     */
    void check(Map<String, String> settings);

    /**
     * Trains one run: builds the system from the settings and seed, then trains up to {@code epochs}
     * epochs, calling {@code monitor} after each; stops early when it returns false or training diverges.
     *
     * @throws IllegalArgumentException if the settings are not valid (as {@link #check})
     */
    Outcome run(Map<String, String> settings, long seed, int epochs, Monitor monitor);

    /**
     * Epochs between readings of the objective when a sweep does not say: 1, or more where a reading costs work
     * of its own (GAN Lab's KL evaluates a grid).
     */
    default int defaultEvery() {
        return 1;
    }

    /** The metric named {@code name}. @throws IllegalArgumentException naming the metrics there are */
    default Metric metric(String name) {
        for (Metric m : metrics()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name() + ": no metric \"" + name + "\"; choose one of "
                + metrics().stream().map(Metric::name).toList());
    }

    /**
     * A number a run reports.
     *
     * @param name           its name, as in {@code testLoss}
     * @param higherIsBetter whether larger values are better (accuracy) rather than smaller (a loss)
     * @param during         whether it can be read after any epoch ({@link Monitor}); if not, only at the end
     * @param description    one line for {@code --help}
     */
    record Metric(String name, boolean higherIsBetter, boolean during, String description) {
        /** Whether {@code a} is strictly better than {@code b}; NaN is never better, and anything beats NaN. */
        public boolean better(double a, double b) {
            if (Double.isNaN(a)) {
                return false;
            }
            return Double.isNaN(b) || (higherIsBetter ? a > b : a < b);
        }
    }

    /** Told after each epoch; reads metrics only when it needs them (a GAN's KL costs a grid). */
    @FunctionalInterface
    interface Monitor {
        /** Never stops, reads nothing. */
        Monitor NONE = (epoch, metrics) -> true;

        /**
         * Epoch {@code epoch} (1-based) has run. An experiment with long work after its last epoch (ShapeShop's
         * ascent) may call it again with that epoch meanwhile, so that a cancelled sweep stops there too.
         *
         * @param metrics computes a metric of {@link #metrics()} marked {@code during}, now
         * @return whether to go on
         */
        boolean epoch(int epoch, ToDoubleFunction<String> metrics);
    }

    /**
     * How a run ended.
     *
     * @param epochs   epochs trained
     * @param diverged whether a loss or a weight turned NaN or infinite (training stops there)
     * @param metrics  every metric of {@link #metrics()} at the end, in that order (NaN when undefined)
     */
    record Outcome(int epochs, boolean diverged, Map<String, Double> metrics) {
        /** Copies the metrics, keeping their order. */
        public Outcome {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /**
     * The experiment named {@code name} among those on the class path.
     *
     * @throws IllegalArgumentException naming the ones there are
     */
    static Experiment named(String name) {
        List<String> names = new ArrayList<>();
        String broken = "";
        var providers = ServiceLoader.load(Experiment.class, Experiment.class.getClassLoader()).iterator();
        while (true) {
            Experiment e;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                e = providers.next();
            } catch (java.util.ServiceConfigurationError error) {
                broken = "; a listed experiment did not load: " + error.getMessage();   // the others still serve
                continue;
            }
            if (e.name().equals(name)) {
                return e;
            }
            names.add(e.name());
        }
        throw new IllegalArgumentException("no experiment \"" + name + "\"; choose one of " + names
                + (names.contains("ganlab") ? "" : " (ganlab needs nn-gan on the class path)") + broken);
    }
}
