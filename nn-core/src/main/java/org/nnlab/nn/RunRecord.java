package org.nnlab.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.nnlab.core.io.JsonWriter;
import org.nnlab.core.Compute;

/**
 * The provenance of a training run (Tribuo's idea without the framework): what was trained, from
 * which seed, for how long, with which results, on which kernels and JDK. Scalar and vector kernels
 * round differently, so a result reproduces bit for bit only on the same kernels; the record says which.
 *
 * @param system  what ran, as in {@code playground}
 * @param config  the configuration, in the system's own notation (Playground: its URL hash)
 * @param seed    the seed
 * @param epochs  epochs trained
 * @param metrics final metrics by name, in insertion order (NaN when undefined)
 * @param diverged whether training hit NaN or infinity and stopped
 * @param kernels the kernels, as in {@code vector(S_512_BIT)}
 * @param java    the runtime, {@code Runtime.version()}
 */
public record RunRecord(String system, String config, String seed, int epochs, Map<String, Double> metrics,
                        boolean diverged, String kernels, String java) {

    /** Copies the metrics, keeping their order. */
    public RunRecord {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A record for a run on this JVM's kernels. */
    public static RunRecord of(String system, String config, String seed, int epochs, Map<String, Double> metrics,
                               boolean diverged) {
        return new RunRecord(system, config, seed, epochs, metrics, diverged, Compute.kernels(),
                Runtime.version().toString());
    }

    /** One line: {@code RunRecord[playground, epochs=300, trainLoss=0.012, testLoss=0.041, seed=42, kernels=...]}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "RunRecord[", "]");
        j.add(system).add("epochs=" + epochs);
        metrics.forEach((k, v) -> j.add(k + "=" + String.format(Locale.ROOT, "%.4g", v)));
        if (diverged) {
            j.add("diverged");
        }
        return j.add("seed=" + seed).add("kernels=" + kernels).toString();
    }

    /** The record as a JSON object; NaN and infinite metrics are written as null. */
    public String toJson() {
        return JsonWriter.toJson(this::writeJson);
    }

    /** Writes the record as {@link #toJson()} does into a document being written (a JSON-lines file, say). */
    public void writeJson(JsonWriter w) {
        w.beginObject().name("system").value(system).name("config").value(config).name("seed").value(seed)
                .name("epochs").value(epochs).name("metrics").beginObject();
        metrics.forEach((k, v) -> w.name(k).value(v));
        w.endObject().name("diverged").value(diverged).name("kernels").value(kernels).name("java").value(java)
                .endObject();
    }
}
