package org.nnlab.examples;

import org.nnlab.core.Gradients;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.nn.Activation;
import org.nnlab.nn.ActivationLayer;
import org.nnlab.nn.Adam;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Losses;
import org.nnlab.nn.Sequential;
import org.nnlab.core.Compute;

/** The README's example: autodiff in a few lines, then an MLP that learns XOR. */
public final class QuickStart {
    private QuickStart() {
    }

    /** Prints the gradient of a tiny expression, then trains XOR and prints the loss and predictions. */
    public static void main(String[] args) {
        Rng rng = Rng.seeded(42);
        Tensor x = Tensor.randn(rng, 4, 2);                       // [batch, in], a constant
        Tensor w = Tensor.randn(rng, 2, 3).trainable();           // [in, out], a trainable leaf
        Gradients g = x.matmul(w).tanh().square().mean().gradients(w);
        System.out.println(g.get(w));

        Tensor xs = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor ys = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        Sequential mlp = Sequential.of(Linear.of(2, 8, rng), ActivationLayer.of(Activation.TANH), Linear.of(8, 1, rng));
        Adam adam = Adam.over(mlp.parameters()).learningRate(0.05f);
        for (int step = 0; step < 300; step++) {
            adam.step(Losses.bceWithLogits(mlp.forward(xs), ys));
        }
        System.out.println("loss " + Losses.bceWithLogits(mlp.forward(xs), ys).item() + " on " + Compute.kernels());
        System.out.println(mlp.forward(xs).sigmoid());
    }
}
