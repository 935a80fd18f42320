package org.nnlab.gan;

import java.util.Arrays;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.nn.Activation;
import org.nnlab.nn.dense.DenseStack;

/** GAN Lab's generator and discriminator (spec 2.c) as dense stacks, with GAN Lab's initialisation. */
public final class GanNetworks {
    private GanNetworks() {
    }

    /**
     * GAN Lab's network: {@code inputs} → (extraLayers + 1) × Dense(neurons) ReLU → Dense(outputs) with the
     * given output activation (tanh for G, sigmoid for D). Weights are drawn N(0, σ²) with σ = 1/√2 for the
     * first layer and 1/√neurons for every other (the output layer too), layer by layer, row-major; biases 0.
     *
     * @param extraLayers GAN Lab's "hidden layers" setting L (0..5 in its UI): the network has L + 1
     * @throws IllegalArgumentException for extraLayers &lt; 0, or a size below 1
     */
    public static DenseStack create(int inputs, int extraLayers, int neurons, int outputs, Activation output, Rng rng) {
        Checks.requireArgument(extraLayers >= 0, "GanNetworks.create: extraLayers must be >= 0, got %d", extraLayers);
        Checks.requireArgument(neurons >= 1, "GanNetworks.create: neurons must be >= 1, got %d", neurons);
        int[] sizes = new int[extraLayers + 3];
        sizes[0] = inputs;
        Arrays.fill(sizes, 1, sizes.length - 1, neurons);
        sizes[sizes.length - 1] = outputs;
        DenseStack net = DenseStack.of(sizes, Activation.RELU, output);
        float[] p = new float[net.parameterCount()];
        for (int l = 1; l < sizes.length; l++) {
            double sigma = l == 1 ? 1 / Math.sqrt(2) : 1 / Math.sqrt(neurons);
            for (int i = 0; i < sizes[l - 1] * sizes[l]; i++) {
                p[net.weightOffset(l) + i] = (float) (sigma * rng.nextGaussian());
            }
        }
        net.setParameters(p);
        return net;
    }

    /** A generator for {@code config}: noise → 2-D samples in (-1, 1)² through tanh. */
    public static DenseStack generator(GanConfig config, Rng rng) {
        return create(config.noise().size(), config.gLayers(), config.gNeurons(), 2, Activation.TANH, rng);
    }

    /** A discriminator for {@code config}: 2-D samples → p(real) through the sigmoid. */
    public static DenseStack discriminator(GanConfig config, Rng rng) {
        return create(2, config.dLayers(), config.dNeurons(), 1, Activation.SIGMOID, rng);
    }
}
