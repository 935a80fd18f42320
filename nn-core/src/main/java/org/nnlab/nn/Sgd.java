package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Stochastic gradient descent with optional momentum (PyTorch's form):
 * v ← μ·v + g; w ← w − η·v. With μ = 0 (the default) this is plain w ← w − η·g, as in Playground and
 * GAN Lab. Each new value is computed in double and rounded to float once ({@link AbstractOptimizer}).
 */
public final class Sgd extends AbstractOptimizer {
    private double momentum;
    private float[][] velocity;

    private Sgd(List<Tensor> parameters) {
        super("Sgd", parameters, 0.01f);
        this.velocity = zeroState();
    }

    private Sgd(int length) {
        super("Sgd", length, 0.01f);
        this.velocity = zeroState();
    }

    /** SGD over {@code parameters} with learning rate 0.01 and no momentum. */
    public static Sgd over(List<Tensor> parameters) {
        return new Sgd(parameters);
    }

    /**
     * SGD over one plain array of {@code length} values ({@link #step(float[], float[])}), learning rate 0.01,
     * no momentum.
     *
     * @throws IllegalArgumentException if length is below 1
     */
    public static Sgd overArray(int length) {
        return new Sgd(length);
    }

    /** Sets the momentum μ in [0, 1). */
    public Sgd momentum(double momentum) {
        this.momentum = Checks.requireInRange("Sgd", "momentum", momentum, 0, 1);
        return this;
    }

    /** The momentum μ (0: plain SGD). */
    public double momentum() {
        return momentum;
    }

    @Override
    public Sgd learningRate(double learningRate) {
        super.learningRate(learningRate);
        return this;
    }

    @Override
    protected void update(int slot, float[] w, float[] g) {
        double lr = learningRate();
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (w[i] - lr * g[i]);
            }
            return;
        }
        double mu = momentum;
        float[] v = velocity[slot];
        for (int i = 0; i < w.length; i++) {
            double vi = mu * v[i] + g[i];
            v[i] = (float) vi;
            w[i] = (float) (w[i] - lr * vi);
        }
    }

    @Override
    public void reset() {
        super.reset();
        velocity = zeroState();
    }
}
