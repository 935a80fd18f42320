package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Gradients;
import org.nnlab.core.Tensor;

/**
 * Updates an explicit list of trainable parameters from gradients (Tribuo's small optimiser interface).
 * The learning rate and the other hyperparameters may change between steps; {@link #reset()} clears
 * the optimizer's state (momentum, moments), as building a new optimizer would.
 */
public interface Optimizer {
    /** Takes the gradients of the scalar {@code loss} over {@link #parameters()} and applies one update. */
    default void step(Tensor loss) {
        apply(loss.gradients(parameters()));
    }

    /**
     * Applies one update from gradients that contain every parameter.
     *
     * @throws IllegalArgumentException if a parameter is missing from {@code gradients}
     */
    void apply(Gradients gradients);

    /** The parameters this optimizer updates, in order. */
    List<Tensor> parameters();

    /** The current learning rate. */
    double learningRate();

    /**
     * Sets the learning rate for the next steps.
     *
     * @throws IllegalArgumentException if it is not finite and &gt; 0
     */
    Optimizer learningRate(double learningRate);

    /** Updates applied since creation or the last reset. */
    long steps();

    /** Clears the state: moments and accumulators back to zero, step count back to zero. */
    void reset();
}
