package org.nnlab.nn;

import java.util.Arrays;
import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Gradients;
import org.nnlab.core.Tensor;

/**
 * The shared part of the optimizers: the slots they update (one per parameter), the learning rate and
 * the step count. A slot is a plain float array; the same optimizer serves {@link Sequential}'s tensors
 * ({@link #apply}) and engines that keep their parameters in arrays ({@link #step(float[], float[])}, the
 * dense stack).
 *
 * <p>Arithmetic: every new value (the parameter and each state variable) is computed in double from the
 * stored floats and rounded to float once, so an update is never less accurate than one rounded after every
 * operation, as TensorFlow.js rounds it ({@link Adadelta} apart, which keeps Keras's float32 arithmetic); and
 * the same on every kernel and JIT tier (the update loops use no kernels).
 */
public abstract class AbstractOptimizer implements Optimizer {
    private final String name;
    private final List<Tensor> parameters;      // empty for an optimizer over plain arrays
    private final int[] slots;                  // the length of each slot
    private double learningRate;
    private long steps;

    /**
     * An optimizer over tensors, one slot per parameter.
     *
     * @throws IllegalArgumentException if the list is empty or holds a tensor that is not a trainable leaf
     */
    protected AbstractOptimizer(String name, List<Tensor> parameters, double learningRate) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        Checks.requireArgument(!this.parameters.isEmpty(), "%s: needs at least one parameter", name);
        for (int i = 0; i < this.parameters.size(); i++) {
            Tensor p = this.parameters.get(i);
            Checks.requireArgument(p.isTrainable(), "%s: parameter %d, %s, is not a trainable leaf; call trainable() on it",
                    name, i, p.describe());
        }
        this.slots = this.parameters.stream().mapToInt(Tensor::size).toArray();
        this.learningRate = Checks.requirePositive(name, "learningRate", learningRate);
    }

    /**
     * An optimizer over one plain array of {@code length} values.
     *
     * @throws IllegalArgumentException if length is below 1
     */
    protected AbstractOptimizer(String name, int length, double learningRate) {
        this.name = name;
        Checks.requireArgument(length >= 1, "%s: the array must hold at least one value, got length %d", name, length);
        this.parameters = List.of();
        this.slots = new int[] {length};
        this.learningRate = Checks.requirePositive(name, "learningRate", learningRate);
    }

    @Override
    public final void apply(Gradients gradients) {
        Checks.requireState(!parameters.isEmpty(), "%s: this optimizer works on a plain array; call step(w, g)", name);
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            Tensor p = parameters.get(i);
            update(i, p.array(), gradients.get(p).array());
        }
    }

    /**
     * One update of a plain array in place from its gradient, for an optimizer made over one array.
     *
     * @param w the parameters. Modified.
     * @param g dL/dw, as long as w. Not modified.
     * @throws IllegalArgumentException if a length differs from the optimizer's
     */
    public final void step(float[] w, float[] g) {
        if (slots.length != 1 || w.length != slots[0] || g.length != slots[0]) {       // no message built on the hot path
            throw new IllegalArgumentException(Checks.format("%s.step: w has %d values and g %d, the optimizer was made for %s",
                    name, w.length, g.length, Arrays.toString(slots)));
        }
        steps++;
        update(0, w, g);
    }

    /**
     * Updates slot {@code slot} in place; {@link #steps()} already counts this step (Adam's t).
     *
     * @param w the slot's values. Modified.
     * @param g dL/dw. Not modified.
     */
    protected abstract void update(int slot, float[] w, float[] g);

    @Override
    public final List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public Optimizer learningRate(double learningRate) {
        this.learningRate = Checks.requirePositive(name, "learningRate", learningRate);
        return this;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public void reset() {
        steps = 0;
    }

    /** One zeroed state array per slot. */
    protected final float[][] zeroState() {
        float[][] s = new float[slots.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[slots[i]];
        }
        return s;
    }

    /** The optimizer's name, for messages. */
    protected final String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + "[learningRate=" + learningRate + ", steps=" + steps + "]";
    }
}
