package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/**
 * A layer of a model: a function of a batch whose first dimension is the batch size, with its
 * trainable parameters and the numbers a summary reports.
 */
public interface Layer {
    /**
     * Applies the layer to a batch.
     *
     * @param x    [batch, ...per-sample shape]
     * @param pass evaluation or training
     */
    Tensor forward(Tensor x, Pass pass);

    /** The trainable parameters, in a fixed order (weights before biases). */
    default List<Tensor> parameters() {
        return List.of();
    }

    /**
     * The per-sample output shape for a per-sample input shape.
     *
     * @throws IllegalArgumentException if the layer cannot take that input
     */
    Shape outputShape(Shape input);

    /** Multiply-adds per sample for a per-sample input shape, bias additions excluded. */
    default long macs(Shape input) {
        return 0;
    }

    /** The number of trainable scalars. */
    default long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** The layer's type with its defining hyperparameters, as in {@code Dense 128} or {@code Conv2D 32}. */
    String describe();

    /** Kernel, stride and padding for a summary ({@code 3×3 /1 valid}), or empty. */
    default String kernelDescription() {
        return "";
    }
}
