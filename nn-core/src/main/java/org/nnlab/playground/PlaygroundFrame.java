package org.nnlab.playground;

import java.util.List;

import org.nnlab.nn.dense.NeuronGrids;

/**
 * Everything Playground's picture shows at one moment, as copies the session never touches again (the counterpart
 * of GAN Lab's {@code GanFrame}): taken on the session's thread, drawn on any other while the session trains on.
 *
 * @param state     the session's state (features used, discretize, test points shown)
 * @param epoch     epochs trained
 * @param last      the last epoch's losses
 * @param diverged  whether training has diverged
 * @param history   every epoch's losses, oldest first (the loss chart)
 * @param network   a copy of the network: weights, biases and dead links
 * @param grids     every neuron's output over the 100 x 100 grid on [-6, 6]² ({@link Heatmaps#neurons})
 * @param trainData the training points
 * @param testData  the test points
 */
public record PlaygroundFrame(PlaygroundState state, int epoch, EpochStats last, boolean diverged,
                              List<EpochStats> history, PlaygroundNetwork network, NeuronGrids grids,
                              List<Example> trainData, List<Example> testData) {
    /** Copies what the picture shows and computes every neuron's grid, on the calling (the session's) thread. */
    public static PlaygroundFrame of(PlaygroundSession session) {
        PlaygroundNetwork copy = session.network().copy();
        return new PlaygroundFrame(session.state(), session.epoch(), session.last(), session.diverged(),
                List.copyOf(session.history()), copy, Heatmaps.neurons(copy, session.state().inputs()),
                List.copyOf(session.trainData()), List.copyOf(session.testData()));
    }
}
