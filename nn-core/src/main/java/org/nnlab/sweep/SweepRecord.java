package org.nnlab.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nnlab.core.io.Json;
import org.nnlab.core.io.JsonWriter;

/**
 * One run of a sweep: which configuration and seed, how it ended, its objective's final and best values,
 * and every metric. Everything but {@code seconds} is a pure function of (sweep, trial) on the same kernels;
 * {@link #withoutTime()} drops it for comparisons.
 *
 * <p>As one JSON line ({@link #toJson()}; NaN as {@code null}, -1 epochs as {@code null}):
 * {@code {"trial", "plan", "config", "settings": {..}, "seed", "epochs", "stop", "metric", "final", "best",
 * "bestEpoch", "reachedAt", "metrics": {..}, "diverged", "divergedAt", "error", "seconds", "kernels"}}.
 *
 * @param trial     the trial's index in its sweep
 * @param plan      the sweep's {@link Sweep#plan()}
 * @param settings  the point's settings, in the space's key order
 * @param seed      the seed
 * @param epochs    epochs trained (fewer than the sweep's when it diverged or reached its threshold)
 * @param stop      why it stopped
 * @param metric    the objective's metric
 * @param last      the objective at the end (NaN when undefined, as after divergence)
 * @param best      the best reading of the objective (NaN when none)
 * @param bestEpoch the epoch of the best reading (0 when none)
 * @param reachedAt the first epoch whose reading reached the threshold, -1 when none did
 * @param metrics   every metric at the end, in the experiment's order
 * @param diverged  whether training turned NaN or infinite (and stopped at {@code epochs})
 * @param error     why the experiment refused the settings, or null
 * @param seconds   wall time of the run
 * @param kernels   the kernels it ran on, as in {@code vector(S_512_BIT)}
 */
public record SweepRecord(long trial, String plan, Map<String, String> settings, long seed, int epochs, Stop stop,
                          String metric, double last, double best, int bestEpoch, int reachedAt,
                          Map<String, Double> metrics, boolean diverged, String error, double seconds, String kernels)
        implements Serializable {

    /** Why a run stopped. */
    public enum Stop {
        /** It ran every epoch. */
        EPOCHS,
        /** It reached the threshold and the objective said to stop there. */
        THRESHOLD,
        /** A loss or a weight turned NaN or infinite. */
        DIVERGED,
        /** The experiment refused the settings; see {@code error}. */
        ERROR
    }

    /** Copies the maps, keeping their order. */
    public SweepRecord {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The configuration as {@code key=value&...}. */
    public String config() {
        return Space.text(settings);
    }

    /** Whether the run finished with a usable objective (no error, no divergence, a number). */
    public boolean usable() {
        return error == null && !diverged && !Double.isNaN(last);
    }

    /** The record with {@code seconds} zero: what must be equal, bit for bit, wherever the run ran. */
    public SweepRecord withoutTime() {
        return new SweepRecord(trial, plan, settings, seed, epochs, stop, metric, last, best, bestEpoch, reachedAt,
                metrics, diverged, error, 0, kernels);
    }

    /** The record as one line of JSON. */
    public String toJson() {
        return JsonWriter.toJson(this::writeJson);
    }

    /** Writes the record as {@link #toJson()} does into a document being written. */
    public void writeJson(JsonWriter w) {
        w.beginObject().name("trial").value(trial).name("plan").value(plan).name("config").value(config())
                .name("settings").beginObject();
        settings.forEach((k, v) -> w.name(k).value(v));
        w.endObject().name("seed").value(seed).name("epochs").value(epochs)
                .name("stop").value(stop.name().toLowerCase(Locale.ROOT)).name("metric").value(metric)
                .name("final").value(last).name("best").value(best).name("bestEpoch").value(bestEpoch)
                .name("reachedAt");
        if (reachedAt >= 0) {
            w.value(reachedAt);
        } else {
            w.nullValue();
        }
        w.name("metrics").beginObject();
        metrics.forEach((k, v) -> w.name(k).value(v));
        w.endObject().name("diverged").value(diverged).name("divergedAt");
        if (diverged) {
            w.value(epochs);
        } else {
            w.nullValue();
        }
        w.name("error").value(error).name("seconds").value(seconds).name("kernels").value(kernels).endObject();
    }

    /**
     * Reads a record written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the field that is missing or of the wrong type
     */
    public static SweepRecord fromJson(String line) {
        if (!(Json.parse(line) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        ((Map<?, ?>) field(m, "settings", Map.class)).forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("\"settings\"." + k + " must be a string");
            }
            settings.put((String) k, s);
        });
        Map<String, Double> metrics = new LinkedHashMap<>();
        ((Map<?, ?>) field(m, "metrics", Map.class)).forEach((k, v) -> metrics.put((String) k, orNaN(v)));
        Stop stop;
        try {
            stop = Stop.valueOf(((String) field(m, "stop", String.class)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"stop\" must be one of " + List.of(Stop.values()), e);
        }
        Object reached = m.get("reachedAt");
        Object error = m.get("error");
        return new SweepRecord(integer(m, "trial"), (String) field(m, "plan", String.class), settings, integer(m, "seed"),
                (int) integer(m, "epochs"), stop, (String) field(m, "metric", String.class), orNaN(m.get("final")),
                orNaN(m.get("best")), (int) integer(m, "bestEpoch"), reached == null ? -1 : (int) integer(m, "reachedAt"),
                metrics, (Boolean) field(m, "diverged", Boolean.class), error instanceof String s ? s : null,
                orNaN(m.get("seconds")), (String) field(m, "kernels", String.class));
    }

    private static Object field(Map<?, ?> m, String name, Class<?> type) {
        Object v = m.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("\"" + name + "\" is missing or not a " + type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return v;
    }

    private static long integer(Map<?, ?> m, String name) {
        double d = (Double) field(m, name, Double.class);
        if (d != Math.rint(d) || Math.abs(d) > Sweep.MAX_SEED) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer, got " + d);
        }
        return (long) d;
    }

    private static double orNaN(Object v) {
        return v instanceof Double d ? d : Double.NaN;
    }

    /** {@code dataset=spiral&networkShape=4 seed 3: testLoss 0.0412 (best 0.0398 at 480), 500 epochs}. */
    @Override
    public String toString() {
        String end = error != null ? "error: " + error
                : String.format(Locale.ROOT, "%s %.4g (best %.4g at %d), %d epochs%s", metric, last, best, bestEpoch,
                        epochs, diverged ? ", diverged" : stop == Stop.THRESHOLD ? ", reached the threshold" : "");
        return config() + " seed " + seed + ": " + end;
    }
}
