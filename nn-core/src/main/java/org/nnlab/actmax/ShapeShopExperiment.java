package org.nnlab.actmax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.nnlab.sweep.Experiment;

/**
 * ShapeShop as a sweep's {@link Experiment} ({@code shapeshop}): one round per run, training then activation
 * maximization of every class. Settings: {@code classes} (ShapeShop's names, comma-separated; default
 * {@code box,circle,tri}), {@code model} ({@code mlp} or {@code cnn}; default mlp), {@code init} (the ascent's
 * initial image; default zeros), {@code step} (the ascent's step; default 0.005) and {@code maxSteps} (the
 * ascent's cap; default 10,000). The sweep's seed is the round's seed.
 *
 * <p>Metrics, all known at the end of a round only: {@code meanR} (the default objective: the mean over classes
 * of |Pearson r| between the generated image and the class's shape), {@code minR}, {@code validationAccuracy},
 * {@code trainAccuracy} and {@code trainLoss} (the last epoch's).
 */
public final class ShapeShopExperiment implements Experiment {
    private static final Set<String> KEYS = Set.of("classes", "model", "init", "step", "maxSteps");
    private static final List<Metric> METRICS = List.of(
            new Metric("meanR", true, false, "mean over classes of |r| between each generated image and its shape"),
            new Metric("minR", true, false, "the worst class's |r|"),
            new Metric("validationAccuracy", true, false, "accuracy on the validation images"),
            new Metric("trainAccuracy", true, false, "accuracy on the training images"),
            new Metric("trainLoss", false, false, "the last epoch's training loss"));

    /** For {@link java.util.ServiceLoader}; the experiment keeps no state. */
    public ShapeShopExperiment() {
    }

    @Override
    public String name() {
        return "shapeshop";
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void check(Map<String, String> settings) {
        config(settings, 1, 1);
    }

    /**
     * The round's configuration for these settings, seed and epochs.
     *
     * @throws IllegalArgumentException naming the key and the value that cannot be read
     */
    public static ShapeShop.Config config(Map<String, String> settings, long seed, int epochs) {
        for (String key : settings.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("shapeshop: unknown key '" + key + "'; choose from " + new TreeSet<>(KEYS));
            }
        }
        List<TrainingClass> classes = new ArrayList<>();
        for (String name : settings.getOrDefault("classes", "box,circle,tri").split(",")) {
            if (!name.isBlank()) {
                classes.add(ShapeClass.ofName(name.strip()));
            }
        }
        double step = number(settings, "step", 0.005);
        double maxSteps = number(settings, "maxSteps", 10_000);
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("shapeshop: step must be a finite number > 0, got " + settings.get("step"));
        }
        if (maxSteps != Math.rint(maxSteps) || maxSteps < 1 || maxSteps > 10_000_000) {
            throw new IllegalArgumentException("shapeshop: maxSteps must be an integer 1..10000000, got "
                    + settings.get("maxSteps"));
        }
        return new ShapeShop.Config(classes, Architecture.ofName(settings.getOrDefault("model", "mlp")),
                Math.max(1, epochs), InitialImage.ofName(settings.getOrDefault("init", "zeros")), step, seed,
                (int) maxSteps);
    }

    private static double number(Map<String, String> settings, String key, double otherwise) {
        String v = settings.get(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shapeshop: " + key + " must be a number, got '" + v + "'");
        }
    }

    @Override
    public Outcome run(Map<String, String> settings, long seed, int epochs, Monitor monitor) {
        if (epochs < 1) {
            throw new IllegalArgumentException("shapeshop: a round trains at least 1 epoch, got " + epochs);
        }
        ShapeShop.Config config = config(settings, seed, epochs);
        ShapeShop.Round round = ShapeShop.run(config, new ShapeShop.Progress() {
            @Override
            public void trained(int epoch, int total, double loss) {
                monitor.epoch(epoch, name -> Double.NaN);      // for cancellation; no metric is read mid-round
            }

            @Override
            public void ascended(int classIndex, long step, long maxSteps) {
                monitor.epoch(epochs, name -> Double.NaN);     // an ascent of 10,000 steps stays cancellable too
            }
        });
        double[] losses = round.training().epochLosses();
        double sum = 0;
        double min = Double.NaN;
        int defined = 0;
        for (ShapeShop.ClassResult c : round.classes()) {
            if (!Double.isNaN(c.r())) {
                sum += c.r();
                defined++;
                min = Double.isNaN(min) ? c.r() : Math.min(min, c.r());
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("meanR", defined > 0 ? sum / defined : Double.NaN);
        metrics.put("minR", min);
        metrics.put("validationAccuracy", round.training().validationAccuracy());
        metrics.put("trainAccuracy", round.training().trainAccuracy());
        metrics.put("trainLoss", losses.length > 0 ? losses[losses.length - 1] : Double.NaN);
        return new Outcome(epochs, round.diverged(), metrics);
    }
}
