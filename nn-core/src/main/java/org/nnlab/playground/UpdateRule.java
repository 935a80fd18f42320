package org.nnlab.playground;

import org.nnlab.core.Checks;

/**
 * How a network turns its mean gradient g = acc/n into a step. {@link #sgd()} is Playground's own rule,
 * w - (lr/n)·acc, bit for bit; the others are options users asked for (not in Playground):
 * momentum, v ← μv + g, w ← w - lr·v; and Adam (Kingma and Ba, ICLR 2015), bias-corrected. In every
 * rule, Playground's regularization step and L1 dead-link rule follow the gradient step, and biases take
 * the same step without regularization.
 *
 * @param kind     SGD, MOMENTUM or ADAM
 * @param momentum μ for momentum, in [0, 1)
 * @param beta1    Adam's β₁, in [0, 1)
 * @param beta2    Adam's β₂, in [0, 1)
 * @param epsilon  Adam's ε, &gt; 0
 */
public record UpdateRule(Kind kind, double momentum, double beta1, double beta2, double epsilon) {
    /** The rules. */
    public enum Kind {
        /** Playground's plain SGD. */
        SGD,
        /** SGD with momentum. */
        MOMENTUM,
        /** Adam. */
        ADAM
    }

    /** Validates the hyperparameters. */
    public UpdateRule {
        Checks.requireArgument(momentum >= 0 && momentum < 1, "UpdateRule: momentum must be in [0, 1), got %s", momentum);
        Checks.requireArgument(beta1 >= 0 && beta1 < 1, "UpdateRule: beta1 must be in [0, 1), got %s", beta1);
        Checks.requireArgument(beta2 >= 0 && beta2 < 1, "UpdateRule: beta2 must be in [0, 1), got %s", beta2);
        Checks.requireArgument(epsilon > 0, "UpdateRule: epsilon must be > 0, got %s", epsilon);
    }

    /** Playground's rule. */
    public static UpdateRule sgd() {
        return new UpdateRule(Kind.SGD, 0, 0.9, 0.999, 1e-8);
    }

    /** SGD with momentum μ. */
    public static UpdateRule momentum(double mu) {
        return new UpdateRule(Kind.MOMENTUM, mu, 0.9, 0.999, 1e-8);
    }

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static UpdateRule adam() {
        return new UpdateRule(Kind.ADAM, 0, 0.9, 0.999, 1e-8);
    }
}
