package org.nnlab.nn;

import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/** Flattens each sample: [batch, ...] -> [batch, product of the rest]. */
public final class Flatten implements Layer {
    /** A flatten layer. */
    public Flatten() {
    }

    @Override
    public Tensor forward(Tensor x, Pass pass) {
        return x.reshape(x.dim(0), -1);
    }

    @Override
    public Shape outputShape(Shape input) {
        return Shape.of(input.size());
    }

    @Override
    public String describe() {
        return "Flatten";
    }
}
