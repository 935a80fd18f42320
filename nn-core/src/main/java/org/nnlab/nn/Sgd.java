package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Stochastic gradient descent with optional momentum (PyTorch's form):
 * v ← μ·v + g; w ← w − η·v. With μ = 0 (the default) this is plain w ← w − η·g, as in Playground and
 * GAN Lab.
 */
public final class Sgd extends AbstractOptimizer {
    private float momentum;
    private float[][] velocity;

    private Sgd(List<Tensor> parameters) {
        super("Sgd", parameters, 0.01f);
        this.velocity = zeroState();
    }

    /** SGD over {@code parameters} with learning rate 0.01 and no momentum. */
    public static Sgd over(List<Tensor> parameters) {
        return new Sgd(parameters);
    }

    /** Sets the momentum μ in [0, 1). */
    public Sgd momentum(float momentum) {
        this.momentum = Checks.requireInRange("Sgd", "momentum", momentum, 0f, 1f);
        return this;
    }

    @Override
    public Sgd learningRate(float learningRate) {
        super.learningRate(learningRate);
        return this;
    }

    @Override
    protected void update(int index, float[] w, float[] g) {
        float lr = learningRate();
        if (momentum == 0f) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        float[] v = velocity[index];
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] + g[i];
            w[i] -= lr * v[i];
        }
    }

    @Override
    public void reset() {
        super.reset();
        velocity = zeroState();
    }
}
