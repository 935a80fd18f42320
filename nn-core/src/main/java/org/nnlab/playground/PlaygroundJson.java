package org.nnlab.playground;

import java.util.List;

import org.nnlab.core.io.JsonWriter;

/**
 * Playground's data and networks as JSON, for export and for comparison with Playground's own numbers.
 * Numbers are written with the shortest digits that read back to the same double, so values survive
 * the round trip exactly; NaN and infinities, which JSON lacks, are written as {@code null}. Each part
 * comes as a string and as a {@code write...} method into a {@link JsonWriter}, which streams.
 */
public final class PlaygroundJson {
    private PlaygroundJson() {
    }

    /** A number: shortest round-trip digits, or {@code null} for NaN and infinities. */
    public static String number(double v) {
        return JsonWriter.number(v);
    }

    /** Points as {@code [[x, y, label], ...]} in the given order. */
    public static String data(List<Example> points) {
        return JsonWriter.toJson(w -> writeData(w, points));
    }

    /** Writes {@link #data(List)} into {@code w}. */
    public static void writeData(JsonWriter w, List<Example> points) {
        w.beginArray();
        for (Example e : points) {
            w.beginArray().value(e.x()).value(e.y()).value(e.label()).endArray();
        }
        w.endArray();
    }

    /**
     * The network as {@code {"inputs": [feature ids], "layers": [{"neurons": [{"bias", "weights", "dead"}]}]}},
     * hidden layers then the output layer; {@code weights[j]} is the link from neuron j of the previous
     * layer (from {@code inputs[j]} for the first hidden layer) and {@code dead[j]} its L1 flag.
     */
    public static String network(PlaygroundNetwork net, List<Feature> features) {
        return JsonWriter.toJson(w -> writeNetwork(w, net, features));
    }

    /** Writes {@link #network(PlaygroundNetwork, List)} into {@code w}. */
    public static void writeNetwork(JsonWriter w, PlaygroundNetwork net, List<Feature> features) {
        w.beginObject().name("inputs").beginArray();
        features.forEach(f -> w.value(f.id()));
        w.endArray().name("layers").beginArray();
        for (int l = 1; l <= net.layers(); l++) {
            w.beginObject().name("neurons").beginArray();
            for (int d = 0; d < net.size(l); d++) {
                w.beginObject().name("bias").value(net.bias(l, d)).name("weights").beginArray();
                for (int s = 0; s < net.size(l - 1); s++) {
                    w.value(net.weight(l, d, s));
                }
                w.endArray().name("dead").beginArray();
                for (int s = 0; s < net.size(l - 1); s++) {
                    w.value(net.isDead(l, d, s));
                }
                w.endArray().endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().endObject();
    }

    /**
     * The output node on the heatmap grid in double precision (the exact engine, one forward pass per
     * point), in Playground's {@code boundary} layout: the outer index i runs over x from -6 to 6, the
     * inner index j over y from +6 down to -6.
     */
    public static String outputGrid(PlaygroundNetwork net, List<Feature> features) {
        return JsonWriter.toJson(w -> writeOutputGrid(w, net, features));
    }

    /** Writes {@link #outputGrid(PlaygroundNetwork, List)} into {@code w}. */
    public static void writeOutputGrid(JsonWriter w, PlaygroundNetwork net, List<Feature> features) {
        w.beginArray();
        for (int i = 0; i < Heatmaps.DENSITY; i++) {
            w.beginArray();
            for (int j = 0; j < Heatmaps.DENSITY; j++) {
                w.value(net.forward(PlaygroundEngine.input(features, Heatmaps.xAt(i), Heatmaps.yAt(j))));
            }
            w.endArray();
        }
        w.endArray();
    }
}
