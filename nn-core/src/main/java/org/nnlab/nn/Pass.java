package org.nnlab.nn;

import org.nnlab.core.Rng;

/**
 * How a forward pass runs: evaluation (dropout off) or training (dropout on, masks drawn from {@code rng}).
 *
 * @param training whether this is a training pass
 * @param rng      the generator for dropout masks; unused in evaluation
 */
public record Pass(boolean training, Rng rng) {
    /** Evaluation: dropout is the identity. */
    public static final Pass EVAL = new Pass(false, Rng.seeded(0));

    /** A training pass whose dropout masks come from {@code rng}. */
    public static Pass training(Rng rng) {
        return new Pass(true, rng);
    }
}
