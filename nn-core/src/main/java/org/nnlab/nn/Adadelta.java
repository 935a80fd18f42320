package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Adadelta (Zeiler, "ADADELTA: an adaptive learning rate method", arXiv:1212.5701, 2012) in Keras 1.2's
 * form, per parameter with accumulators a and d starting at 0:
 * a ← ρa + (1−ρ)g²; u = g·sqrt(d + ε)/sqrt(a + ε); w ← w − η·u; d ← ρd + (1−ρ)u².
 * Defaults (Keras 1.2): η = 1.0, ρ = 0.95, ε = 1e-8. Unlike the other optimizers, it computes in float32
 * operation by operation, with the hyperparameters rounded to float, as Keras 1.2 on TensorFlow does.
 */
public final class Adadelta extends AbstractOptimizer {
    private double rho = 0.95;
    private double epsilon = 1e-8;
    private float[][] accGrad;
    private float[][] accUpdate;

    private Adadelta(List<Tensor> parameters) {
        super("Adadelta", parameters, 1.0f);
        accGrad = zeroState();
        accUpdate = zeroState();
    }

    private Adadelta(int length) {
        super("Adadelta", length, 1.0f);
        accGrad = zeroState();
        accUpdate = zeroState();
    }

    /** Adadelta over {@code parameters} with Keras 1.2's defaults. */
    public static Adadelta over(List<Tensor> parameters) {
        return new Adadelta(parameters);
    }

    /**
     * Adadelta over one plain array of {@code length} values ({@link #step(float[], float[])}), with Keras 1.2's
     * defaults.
     *
     * @throws IllegalArgumentException if length is below 1
     */
    public static Adadelta overArray(int length) {
        return new Adadelta(length);
    }

    @Override
    public Adadelta learningRate(double learningRate) {
        super.learningRate(learningRate);
        return this;
    }

    /** Sets the decay ρ in [0, 1). */
    public Adadelta rho(double rho) {
        this.rho = Checks.requireInRange("Adadelta", "rho", rho, 0, 1);
        return this;
    }

    /** Sets ε &gt; 0. */
    public Adadelta epsilon(double epsilon) {
        this.epsilon = Checks.requirePositive("Adadelta", "epsilon", epsilon);
        return this;
    }

    @Override
    protected void update(int slot, float[] w, float[] g) {
        // float32 operation by operation, in Keras 1.2's order (ShapeShop's seed trains with it), not in double
        // rounded once as the other optimizers: ShapeShop's runs keep the numbers they had
        float r = (float) rho;
        float eps = (float) epsilon;
        float lr = (float) learningRate();
        float[] a = accGrad[slot];
        float[] d = accUpdate[slot];
        for (int i = 0; i < w.length; i++) {
            a[i] = r * a[i] + (1 - r) * g[i] * g[i];
            float u = g[i] * (float) Math.sqrt(d[i] + eps) / (float) Math.sqrt(a[i] + eps);
            w[i] -= lr * u;
            d[i] = r * d[i] + (1 - r) * u * u;
        }
    }

    @Override
    public void reset() {
        super.reset();
        accGrad = zeroState();
        accUpdate = zeroState();
    }
}
