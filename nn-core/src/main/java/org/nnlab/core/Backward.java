package org.nnlab.core;

/**
 * How an op pushes the gradient of its output back to its inputs: the op's vector-Jacobian product.
 *
 * <p>Implementations <em>accumulate</em> ({@code +=}) into the input gradient buffers, because an input
 * used twice receives the sum of both contributions. A buffer is {@code null} when that input needs no
 * gradient, and the rule must skip it.
 */
@FunctionalInterface
public interface Backward {
    /**
     * Accumulates the input gradients.
     *
     * @param gradOut    dL/d(output), shaped like the output, row-major. Not modified.
     * @param gradInputs per input, dL/d(input) to add to (shaped like that input), or {@code null}. Modified.
     */
    void apply(float[] gradOut, float[][] gradInputs);
}
