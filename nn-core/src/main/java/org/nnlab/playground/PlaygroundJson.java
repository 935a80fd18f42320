package org.nnlab.playground;

import java.util.List;
import java.util.StringJoiner;

/**
 * Playground's data and networks as JSON, for export and for comparison with Playground's own numbers.
 * Numbers are written with the shortest digits that read back to the same double, so values survive
 * the round trip exactly; NaN and infinities, which JSON lacks, are written as {@code null}.
 */
public final class PlaygroundJson {
    private PlaygroundJson() {
    }

    /** A number: shortest round-trip digits, or {@code null} for NaN and infinities. */
    public static String number(double v) {
        return Double.isFinite(v) ? JsNumbers.format(v) : "null";
    }

    /** Points as {@code [[x, y, label], ...]} in the given order. */
    public static String data(List<Example> points) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (Example e : points) {
            j.add("[" + number(e.x()) + "," + number(e.y()) + "," + number(e.label()) + "]");
        }
        return j.toString();
    }

    /**
     * The network as {@code {"inputs": [feature ids], "layers": [{"neurons": [{"bias", "weights", "dead"}]}]}},
     * hidden layers then the output layer; {@code weights[j]} is the link from neuron j of the previous
     * layer (from {@code inputs[j]} for the first hidden layer) and {@code dead[j]} its L1 flag.
     */
    public static String network(PlaygroundNetwork net, List<Feature> features) {
        StringJoiner inputs = new StringJoiner(",", "[", "]");
        features.forEach(f -> inputs.add("\"" + f.id() + "\""));
        StringJoiner layers = new StringJoiner(",", "[", "]");
        for (int l = 1; l <= net.layers(); l++) {
            StringJoiner neurons = new StringJoiner(",", "[", "]");
            for (int d = 0; d < net.size(l); d++) {
                StringJoiner weights = new StringJoiner(",", "[", "]");
                StringJoiner dead = new StringJoiner(",", "[", "]");
                for (int s = 0; s < net.size(l - 1); s++) {
                    weights.add(number(net.weight(l, d, s)));
                    dead.add(Boolean.toString(net.isDead(l, d, s)));
                }
                neurons.add("{\"bias\":" + number(net.bias(l, d)) + ",\"weights\":" + weights + ",\"dead\":" + dead + "}");
            }
            layers.add("{\"neurons\":" + neurons + "}");
        }
        return "{\"inputs\":" + inputs + ",\"layers\":" + layers + "}";
    }

    /**
     * The output node on the heatmap grid in double precision (the exact engine, one forward pass per
     * point), in Playground's {@code boundary} layout: the outer index i runs over x from -6 to 6, the
     * inner index j over y from +6 down to -6.
     */
    public static String outputGrid(PlaygroundNetwork net, List<Feature> features) {
        StringJoiner outer = new StringJoiner(",", "[", "]");
        for (int i = 0; i < Heatmaps.DENSITY; i++) {
            StringJoiner inner = new StringJoiner(",", "[", "]");
            for (int j = 0; j < Heatmaps.DENSITY; j++) {
                inner.add(number(net.forward(PlaygroundEngine.input(features, Heatmaps.xAt(i), Heatmaps.yAt(j)))));
            }
            outer.add(inner.toString());
        }
        return outer.toString();
    }
}
