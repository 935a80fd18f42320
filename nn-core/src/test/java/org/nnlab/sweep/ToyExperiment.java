package org.nnlab.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A closed-form experiment for the sweep's tests ({@code toy}): after epoch e the value is {@code x / e + seed};
 * {@code divergeAt=E} turns it NaN at epoch E; {@code refuse=run} throws when run (not when checked);
 * {@code sleep=MS} sleeps each epoch (for cancellation).
 */
public final class ToyExperiment implements Experiment {
    private static final Set<String> KEYS = Set.of("x", "divergeAt", "refuse", "sleep", "label");

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("value", false, true, "x / epoch + seed"),
                new Metric("score", true, false, "-value, known at the end only"));
    }

    @Override
    public void check(Map<String, String> settings) {
        for (String k : settings.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("toy: unknown key '" + k + "'");
            }
        }
        Double.parseDouble(settings.getOrDefault("x", "1"));
    }

    static double value(double x, int epoch, long seed) {
        return x / epoch + seed;
    }

    @Override
    public Outcome run(Map<String, String> settings, long seed, int epochs, Monitor monitor) {
        check(settings);
        if ("run".equals(settings.get("refuse"))) {
            throw new IllegalArgumentException("toy: refused at run time");
        }
        double x = Double.parseDouble(settings.getOrDefault("x", "1"));
        int divergeAt = Integer.parseInt(settings.getOrDefault("divergeAt", "0"));
        long sleep = Long.parseLong(settings.getOrDefault("sleep", "0"));
        int e = 0;
        boolean diverged = false;
        double v = Double.NaN;
        while (e < epochs) {
            e++;
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            if (e == divergeAt) {
                diverged = true;
                v = Double.NaN;
                break;
            }
            v = value(x, e, seed);
            double now = v;
            if (!monitor.epoch(e, name -> now)) {
                break;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value", v);
        m.put("score", -v);
        return new Outcome(e, diverged, m);
    }
}
