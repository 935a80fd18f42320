package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Adam (Kingma and Ba, "Adam: A method for stochastic optimization", ICLR 2015), bias-corrected:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − η·(m/(1−β₁ᵗ)) / (sqrt(v/(1−β₂ᵗ)) + ε).
 * Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
 */
public final class Adam extends AbstractOptimizer {
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-8f;
    private float[][] m;
    private float[][] v;
    private int t;

    private Adam(List<Tensor> parameters) {
        super("Adam", parameters, 0.001f);
        m = zeroState();
        v = zeroState();
    }

    /** Adam over {@code parameters} with the defaults. */
    public static Adam over(List<Tensor> parameters) {
        return new Adam(parameters);
    }

    @Override
    public Adam learningRate(float learningRate) {
        super.learningRate(learningRate);
        return this;
    }

    /** Sets β₁ and β₂, each in [0, 1). */
    public Adam betas(float beta1, float beta2) {
        this.beta1 = Checks.requireInRange("Adam", "beta1", beta1, 0f, 1f);
        this.beta2 = Checks.requireInRange("Adam", "beta2", beta2, 0f, 1f);
        return this;
    }

    /** Sets ε &gt; 0 (GAN Lab's engine used 1e-8 or 1e-4 depending on the device). */
    public Adam epsilon(float epsilon) {
        this.epsilon = Checks.requirePositive("Adam", "epsilon", epsilon);
        return this;
    }

    @Override
    protected void update(int index, float[] w, float[] g) {
        if (index == 0) {
            t++;
        }
        float[] mi = m[index];
        float[] vi = v[index];
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        float lr = learningRate();
        for (int i = 0; i < w.length; i++) {
            mi[i] = beta1 * mi[i] + (1 - beta1) * g[i];
            vi[i] = beta2 * vi[i] + (1 - beta2) * g[i] * g[i];
            float mHat = (float) (mi[i] / c1);
            float vHat = (float) (vi[i] / c2);
            w[i] -= lr * mHat / ((float) Math.sqrt(vHat) + epsilon);
        }
    }

    @Override
    public void reset() {
        super.reset();
        m = zeroState();
        v = zeroState();
        t = 0;
    }
}
