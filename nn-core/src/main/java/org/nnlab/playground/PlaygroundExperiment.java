package org.nnlab.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nnlab.sweep.Experiment;

/**
 * TensorFlow Playground as a sweep's {@link Experiment} ({@code playground}): the settings are Playground's
 * hash keys ({@code dataset}, {@code networkShape}, {@code learningRate}, the features {@code x}, {@code xSquared},
 * ...), missing keys take Playground's defaults, and the seed becomes the state's {@code seed} (its decimal
 * text). Any key or value Playground would ignore or read differently is refused, as {@code --strict} does on
 * the command line: a typo in a sweep would otherwise waste every run.
 *
 * <p>Metrics: {@code testLoss} (the default objective) and {@code trainLoss} after any epoch;
 * {@code trainAccuracy} and {@code testAccuracy} at the end (classification; NaN for regression).
 */
public final class PlaygroundExperiment implements Experiment {
    private static final List<Metric> METRICS = List.of(
            new Metric("testLoss", false, true, "Playground's test loss (half the mean squared error)"),
            new Metric("trainLoss", false, true, "Playground's training loss"),
            new Metric("trainAccuracy", true, false, "share of training points on the right side (classification)"),
            new Metric("testAccuracy", true, false, "share of test points on the right side (classification)"));

    /** For {@link java.util.ServiceLoader}; the experiment keeps no state. */
    public PlaygroundExperiment() {
    }

    @Override
    public String name() {
        return "playground";
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void check(Map<String, String> settings) {
        state(settings, 1);
    }

    /**
     * The session a run of these settings and seed starts from; stepping it {@code epochs} times gives the
     * run's end (for its picture).
     *
     * @throws IllegalArgumentException naming a key or value Playground would not read as written
     */
    public static PlaygroundSession session(Map<String, String> settings, long seed) {
        return PlaygroundSession.load(state(settings, seed));
    }

    private static PlaygroundState state(Map<String, String> settings, long seed) {
        if (settings.containsKey("seed")) {
            throw new IllegalArgumentException("playground: the key seed is set by the sweep's seeds; "
                    + "remove seed=" + settings.get("seed") + " from the space");
        }
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("seed", Long.toString(seed));
        StringBuilder hash = new StringBuilder();
        all.forEach((k, v) -> hash.append(hash.isEmpty() ? "" : "&").append(k).append('=').append(v));
        PlaygroundState.Reading reading = PlaygroundState.read(hash.toString());
        if (!reading.issues().isEmpty()) {
            // what the page would silently ignore or replace, a sweep refuses: drop the page's "(ignored)" remark
            throw new IllegalArgumentException("playground: " + reading.issues().get(0).message()
                    .replace(" (ignored)", "").replaceFirst(" \\(Playground uses [^)]*\\)$", ""));
        }
        PlaygroundState state = reading.state();
        PlaygroundSession.hiddenSizes(state);      // sizes that would not fit are refused here
        return state;
    }

    @Override
    public Outcome run(Map<String, String> settings, long seed, int epochs, Monitor monitor) {
        PlaygroundSession s = session(settings, seed);
        for (int e = 1; e <= epochs && !s.diverged(); e++) {
            EpochStats stats = s.step();
            if (s.diverged() || !monitor.epoch(e, name -> name.equals("trainLoss") ? stats.trainLoss()
                    : stats.testLoss())) {
                break;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("testLoss", s.last().testLoss());
        metrics.put("trainLoss", s.last().trainLoss());
        double[] accuracy = s.state().regression() || s.diverged() ? new double[] {Double.NaN, Double.NaN}
                : s.accuracy();
        metrics.put("trainAccuracy", accuracy[0]);
        metrics.put("testAccuracy", accuracy[1]);
        return new Outcome(s.epoch(), s.diverged(), metrics);
    }
}
