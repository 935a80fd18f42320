package org.nnlab.nn;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/** Inverted dropout with rate p in training passes; the identity in evaluation. */
public final class Dropout implements Layer {
    private final float p;

    /**
     * A dropout layer.
     *
     * @throws IllegalArgumentException if p is outside [0, 1)
     */
    public Dropout(float p) {
        this.p = Checks.requireInRange("Dropout", "p", p, 0f, 1f);
    }

    /** The drop probability. */
    public float p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor x, Pass pass) {
        return pass.training() && p > 0 ? x.dropout(pass.rng(), p) : x;
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "Dropout p=%.2f", p);
    }
}
