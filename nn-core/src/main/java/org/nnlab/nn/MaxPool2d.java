package org.nnlab.nn;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/** 2x2 max-pooling with stride 2: [c, h, w] -> [c, h/2, w/2] per sample. */
public final class MaxPool2d implements Layer {
    /** A 2x2, stride-2 pooling layer. */
    public MaxPool2d() {
    }

    @Override
    public Tensor forward(Tensor x, Pass pass) {
        return x.maxPool2x2();
    }

    @Override
    public Shape outputShape(Shape input) {
        Checks.requireArgument(input.rank() == 3, "MaxPool2d: expects per-sample input [c, h, w], got %s", input);
        return Shape.of(input.dim(0), input.dim(1) / 2, input.dim(2) / 2);
    }

    @Override
    public String describe() {
        return "MaxPool2D";
    }

    @Override
    public String kernelDescription() {
        return "2×2 /2";
    }
}
