package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Adadelta (Zeiler, "ADADELTA: an adaptive learning rate method", arXiv:1212.5701, 2012) in Keras 1.2's
 * form, per parameter with accumulators a and d starting at 0:
 * a ← ρa + (1−ρ)g²; u = g·sqrt(d + ε)/sqrt(a + ε); w ← w − η·u; d ← ρd + (1−ρ)u².
 * Defaults (Keras 1.2): η = 1.0, ρ = 0.95, ε = 1e-8.
 */
public final class Adadelta extends AbstractOptimizer {
    private float rho = 0.95f;
    private float epsilon = 1e-8f;
    private float[][] accGrad;
    private float[][] accUpdate;

    private Adadelta(List<Tensor> parameters) {
        super("Adadelta", parameters, 1.0f);
        accGrad = zeroState();
        accUpdate = zeroState();
    }

    /** Adadelta over {@code parameters} with Keras 1.2's defaults. */
    public static Adadelta over(List<Tensor> parameters) {
        return new Adadelta(parameters);
    }

    @Override
    public Adadelta learningRate(float learningRate) {
        super.learningRate(learningRate);
        return this;
    }

    /** Sets the decay ρ in [0, 1). */
    public Adadelta rho(float rho) {
        this.rho = Checks.requireInRange("Adadelta", "rho", rho, 0f, 1f);
        return this;
    }

    /** Sets ε &gt; 0. */
    public Adadelta epsilon(float epsilon) {
        this.epsilon = Checks.requirePositive("Adadelta", "epsilon", epsilon);
        return this;
    }

    @Override
    protected void update(int index, float[] w, float[] g) {
        float[] a = accGrad[index];
        float[] d = accUpdate[index];
        float lr = learningRate();
        for (int i = 0; i < w.length; i++) {
            a[i] = rho * a[i] + (1 - rho) * g[i] * g[i];
            float u = g[i] * (float) Math.sqrt(d[i] + epsilon) / (float) Math.sqrt(a[i] + epsilon);
            w[i] -= lr * u;
            d[i] = rho * d[i] + (1 - rho) * u * u;
        }
    }

    @Override
    public void reset() {
        super.reset();
        accGrad = zeroState();
        accUpdate = zeroState();
    }
}
