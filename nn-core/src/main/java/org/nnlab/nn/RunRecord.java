package org.nnlab.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.nnlab.core.kernel.Kernels;

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
        return new RunRecord(system, config, seed, epochs, metrics, diverged, Kernels.get().name(),
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
        StringJoiner m = new StringJoiner(",", "{", "}");
        metrics.forEach((k, v) -> m.add(quote(k) + ":" + (Double.isFinite(v) ? Double.toString(v) : "null")));
        return "{\"system\":" + quote(system) + ",\"config\":" + quote(config) + ",\"seed\":" + quote(seed)
                + ",\"epochs\":" + epochs + ",\"metrics\":" + m + ",\"diverged\":" + diverged + ",\"kernels\":"
                + quote(kernels) + ",\"java\":" + quote(java) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
