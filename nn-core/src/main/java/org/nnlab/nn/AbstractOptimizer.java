package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Gradients;
import org.nnlab.core.Tensor;

/**
 * The shared part of the optimizers: the parameter list, its validation, the learning rate and the
 * step count. Subclasses update one parameter array at a time, in place.
 */
public abstract class AbstractOptimizer implements Optimizer {
    private final String name;
    private final List<Tensor> parameters;
    private float learningRate;
    private long steps;

    /**
     * @throws IllegalArgumentException if the list is empty or holds a tensor that is not a trainable leaf
     */
    protected AbstractOptimizer(String name, List<Tensor> parameters, float learningRate) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        Checks.requireArgument(!this.parameters.isEmpty(), "%s: needs at least one parameter", name);
        for (int i = 0; i < this.parameters.size(); i++) {
            Tensor p = this.parameters.get(i);
            Checks.requireArgument(p.isTrainable(), "%s: parameter %d, %s, is not a trainable leaf; call trainable() on it",
                    name, i, p.describe());
        }
        this.learningRate = Checks.requirePositive(name, "learningRate", learningRate);
    }

    @Override
    public final void apply(Gradients gradients) {
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            Tensor p = parameters.get(i);
            update(i, p.array(), gradients.get(p).array());
        }
    }

    /**
     * Updates parameter {@code index} in place.
     *
     * @param w the parameter's values. Modified.
     * @param g dL/dw. Not modified.
     */
    protected abstract void update(int index, float[] w, float[] g);

    @Override
    public final List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public final float learningRate() {
        return learningRate;
    }

    @Override
    public Optimizer learningRate(float learningRate) {
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

    /** One zeroed state array per parameter. */
    protected final float[][] zeroState() {
        float[][] s = new float[parameters.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[parameters.get(i).size()];
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
