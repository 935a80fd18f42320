package org.nnlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.nnlab.core.io.JsonWriter;
import org.nnlab.playground.Example;
import org.nnlab.playground.Feature;
import org.nnlab.playground.PlaygroundEngine;
import org.nnlab.playground.PlaygroundNetwork;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/**
 * Writes what the Playground peer ({@code playground-nn.js}, Playground's {@code nn.ts} restated, run by
 * {@link PeerHarness}) trains on: for each of {@link PlaygroundBenchmark}'s configurations, the network's shape,
 * activations, features, training points, initial weights and biases and the training settings, and nnlab's
 * weights and biases after {@link #CHECK_EPOCHS} epochs. The peer checks its own weights against those, bit for bit,
 * before it is timed: a peer that does other arithmetic is not Playground's engine.
 *
 * <pre>{@code java -cp benchmarks.jar org.nnlab.bench.PlaygroundPeerConfig playground-peer.json}</pre>
 */
public final class PlaygroundPeerConfig {
    /** The epochs after which the peer's weights must equal nnlab's. */
    static final int CHECK_EPOCHS = 3;

    private PlaygroundPeerConfig() {
    }

    /** Writes the configurations to the file named by the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar org.nnlab.bench.PlaygroundPeerConfig OUT.json");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), json(), StandardCharsets.UTF_8);
    }

    /** {"configs": [...]}, one object per {@link PlaygroundBenchmark} configuration. */
    static String json() {
        return JsonWriter.toJson(j -> {
            j.beginObject().name("configs").beginArray();
            for (String config : PlaygroundBenchmark.CONFIGS) {
                config(j, config);
            }
            j.endArray().endObject();
        });
    }

    private static void config(JsonWriter j, String name) {
        PlaygroundState state = PlaygroundState.parse(PlaygroundBenchmark.hash(name));
        PlaygroundSession session = PlaygroundSession.load(state);
        PlaygroundNetwork net = session.network().copy();
        List<Example> train = session.trainData();
        j.beginObject().name("name").value(name);
        j.name("sizes").beginArray();
        for (int l = 0; l <= net.layers(); l++) {
            j.value(net.size(l));
        }
        j.endArray();
        j.name("activation").value(net.activation().id()).name("output").value(net.outputActivation().id());
        j.name("features").beginArray();
        for (Feature f : state.inputs()) {
            j.value(f.id());
        }
        j.endArray();
        j.name("points").beginArray();
        for (Example e : train) {
            j.beginArray().value(e.x()).value(e.y()).value(e.label()).endArray();
        }
        j.endArray();
        j.name("batchSize").value(state.batchSize()).name("learningRate").value(state.learningRate());
        j.name("regularization").value(state.regularization().name()).name("regularizationRate")
                .value(state.regularizationRate());
        parameters(j, "initial", net);
        double[][] inputs = PlaygroundEngine.inputs(state.inputs(), train);
        for (int epoch = 0; epoch < CHECK_EPOCHS; epoch++) {
            PlaygroundEngine.epoch(net, inputs, train, state.batchSize(), state.learningRate(), state.regularization(),
                    state.regularizationRate());
        }
        j.name("checkEpochs").value(CHECK_EPOCHS);
        parameters(j, "expected", net);
        j.endObject();
    }

    /** {"weights": every link in Playground's order (layer, dest node, src node), "biases": layer by layer}. */
    private static void parameters(JsonWriter j, String name, PlaygroundNetwork net) {
        j.name(name).beginObject().name("weights").beginArray();
        for (int l = 1; l <= net.layers(); l++) {
            for (int d = 0; d < net.size(l); d++) {
                for (int s = 0; s < net.size(l - 1); s++) {
                    j.value(net.weight(l, d, s));
                }
            }
        }
        j.endArray().name("biases").beginArray();
        for (int l = 1; l <= net.layers(); l++) {
            for (int d = 0; d < net.size(l); d++) {
                j.value(net.bias(l, d));
            }
        }
        j.endArray().endObject();
    }
}
