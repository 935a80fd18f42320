package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Adam (Kingma and Ba, "Adam: A method for stochastic optimization", ICLR 2015), bias-corrected:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − η·(m/(1−β₁ᵗ)) / (sqrt(v/(1−β₂ᵗ)) + ε), t the step
 * count from 1. Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Each new value is computed in double
 * from the stored floats (w from the unrounded m and v) and rounded to float once.
 */
public final class Adam extends AbstractOptimizer {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private float[][] m;
    private float[][] v;

    private Adam(List<Tensor> parameters) {
        super("Adam", parameters, 0.001f);
        m = zeroState();
        v = zeroState();
    }

    private Adam(int length) {
        super("Adam", length, 0.001f);
        m = zeroState();
        v = zeroState();
    }

    /** Adam over {@code parameters} with the defaults. */
    public static Adam over(List<Tensor> parameters) {
        return new Adam(parameters);
    }

    /**
     * Adam over one plain array of {@code length} values ({@link #step(float[], float[])}), with the defaults.
     *
     * @throws IllegalArgumentException if length is below 1
     */
    public static Adam overArray(int length) {
        return new Adam(length);
    }

    @Override
    public Adam learningRate(double learningRate) {
        super.learningRate(learningRate);
        return this;
    }

    /** Sets β₁ and β₂, each in [0, 1). */
    public Adam betas(double beta1, double beta2) {
        this.beta1 = Checks.requireInRange("Adam", "beta1", beta1, 0, 1);
        this.beta2 = Checks.requireInRange("Adam", "beta2", beta2, 0, 1);
        return this;
    }

    /** Sets ε &gt; 0 (GAN Lab's engine used 1e-8 or 1e-4 depending on the device). */
    public Adam epsilon(double epsilon) {
        this.epsilon = Checks.requirePositive("Adam", "epsilon", epsilon);
        return this;
    }

    @Override
    protected void update(int slot, float[] w, float[] g) {
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        double lr = learningRate();
        double c1 = 1 - Math.pow(b1, steps());
        double c2 = 1 - Math.pow(b2, steps());
        float[] ms = m[slot];
        float[] vs = v[slot];
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double mi = b1 * ms[i] + (1 - b1) * gi;
            double vi = b2 * vs[i] + (1 - b2) * gi * gi;
            ms[i] = (float) mi;
            vs[i] = (float) vi;
            w[i] = (float) (w[i] - lr * (mi / c1) / (Math.sqrt(vi / c2) + eps));
        }
    }

    @Override
    public void reset() {
        super.reset();
        m = zeroState();
        v = zeroState();
    }
}
