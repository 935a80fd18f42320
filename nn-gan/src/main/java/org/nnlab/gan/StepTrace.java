package org.nnlab.gan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nnlab.core.Tensor;

/**
 * One update of one network as GAN Lab's slow motion tells it (spec 2.i): five phases, each with its
 * caption and the tensors it produced, in order, so a caller can walk through an update.
 *
 * <p>Tensors by phase: {@code SAMPLES}: noise [n, noiseSize], fake [n, 2] and, for D, real [n, 2];
 * {@code PREDICTIONS}: realPredictions [n] (D only) and fakePredictions [n]; {@code LOSS}: loss (a
 * scalar, before the update); {@code GRADIENTS}: dL/dW1, dL/db1, ... of the updated network as W1, b1,
 * ... ([in, out] and [out]) and, for G, fakeGradients [n, 2] (dL/dx at the fakes, through G's tanh);
 * {@code UPDATE}: the updated network's parameters W1, b1, ...
 *
 * @param network the network updated
 * @param phases  the five phases in order
 */
public record StepTrace(Network network, List<Step> phases) {
    /** Which network the update trains. */
    public enum Network {
        /** The discriminator (GAN Lab's blue tooltips). */
        DISCRIMINATOR,
        /** The generator (purple tooltips). */
        GENERATOR
    }

    /** The five phases of an update. */
    public enum Phase {
        /** The generator derives samples from noise. */
        SAMPLES,
        /** The discriminator classifies samples. */
        PREDICTIONS,
        /** The loss. */
        LOSS,
        /** The gradients. */
        GRADIENTS,
        /** The update of the parameters. */
        UPDATE;

        /** GAN Lab's tooltip for this phase of an update of {@code network}. */
        public String caption(Network network) {
            boolean d = network == Network.DISCRIMINATOR;
            return switch (this) {
                case SAMPLES -> "Generator derives samples from noise";
                case PREDICTIONS -> d ? "Discriminator classifies samples" : "Discriminator classifies fake samples only";
                case LOSS -> d ? "Computes discriminator loss" : "Computes generator loss";
                case GRADIENTS -> d ? "Computes discriminator gradients" : "Computes generator gradients";
                case UPDATE -> d ? "Updates discriminator based on gradients" : "Updates generator based on gradients";
            };
        }
    }

    /**
     * One phase: its kind, GAN Lab's caption, and its tensors by name (copies).
     *
     * @param phase   which phase
     * @param caption GAN Lab's tooltip
     * @param tensors the phase's tensors, in order
     */
    public record Step(Phase phase, String caption, Map<String, Tensor> tensors) {
        /** The tensor of this name. @throws IllegalArgumentException naming the names there are */
        public Tensor get(String name) {
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("StepTrace: phase " + phase + " has no tensor \"" + name + "\"; it has "
                        + tensors.keySet());
            }
            return t;
        }
    }

    /** The phase of this kind. */
    public Step phase(Phase phase) {
        return phases.get(phase.ordinal());
    }

    /** The loss before the update. */
    public double loss() {
        return phase(Phase.LOSS).get("loss").item();
    }

    /** Collects the phases while an update runs. */
    static final class Builder {
        private final Network network;
        private final List<Step> steps = new ArrayList<>();

        Builder(Network network) {
            this.network = network;
        }

        void phase(Phase phase, Object... namesAndTensors) {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (int i = 0; i < namesAndTensors.length; i += 2) {
                m.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
            }
            phase(phase, m);
        }

        void phase(Phase phase, Map<String, Tensor> tensors) {
            steps.add(new Step(phase, phase.caption(network), Collections.unmodifiableMap(tensors)));
        }

        StepTrace build() {
            return new StepTrace(network, List.copyOf(steps));
        }
    }
}
