package org.nnlab.nn;

import org.nnlab.core.Checks;

/**
 * Which optimizer, with which hyperparameters (the learning rate apart, which schedules change): a value
 * that configurations carry and {@link #create(int, double)} turns into a fresh optimizer over a plain array.
 *
 * @param kind     the optimizer
 * @param momentum μ for {@link OptimizerKind#MOMENTUM}, in [0, 1)
 * @param beta1    Adam's β₁, in [0, 1)
 * @param beta2    Adam's β₂, in [0, 1)
 * @param epsilon  Adam's and Adadelta's ε, &gt; 0
 * @param rho      Adadelta's ρ, in [0, 1)
 */
public record UpdateRule(OptimizerKind kind, double momentum, double beta1, double beta2, double epsilon, double rho) {
    /** Validates the hyperparameters. */
    public UpdateRule {
        Checks.requireArgument(kind != null, "UpdateRule: kind must not be null");
        Checks.requireArgument(momentum >= 0 && momentum < 1, "UpdateRule: momentum must be in [0, 1), got %s", momentum);
        Checks.requireArgument(beta1 >= 0 && beta1 < 1, "UpdateRule: beta1 must be in [0, 1), got %s", beta1);
        Checks.requireArgument(beta2 >= 0 && beta2 < 1, "UpdateRule: beta2 must be in [0, 1), got %s", beta2);
        Checks.requireArgument(epsilon > 0, "UpdateRule: epsilon must be > 0, got %s", epsilon);
        Checks.requireArgument(rho >= 0 && rho < 1, "UpdateRule: rho must be in [0, 1), got %s", rho);
    }

    /** Plain SGD, Playground's and GAN Lab's rule. */
    public static UpdateRule sgd() {
        return new UpdateRule(OptimizerKind.SGD, 0, 0.9, 0.999, 1e-8, 0.95);
    }

    /** SGD with momentum μ. */
    public static UpdateRule momentum(double mu) {
        return new UpdateRule(OptimizerKind.MOMENTUM, mu, 0.9, 0.999, 1e-8, 0.95);
    }

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static UpdateRule adam() {
        return adam(0.9, 0.999, 1e-8);
    }

    /** Adam with these hyperparameters. */
    public static UpdateRule adam(double beta1, double beta2, double epsilon) {
        return new UpdateRule(OptimizerKind.ADAM, 0, beta1, beta2, epsilon, 0.95);
    }

    /** Adadelta with Keras 1.2's ρ = 0.95 and ε = 1e-8. */
    public static UpdateRule adadelta() {
        return new UpdateRule(OptimizerKind.ADADELTA, 0, 0.9, 0.999, 1e-8, 0.95);
    }

    /**
     * A fresh optimizer of this rule over one plain array of {@code length} values.
     *
     * @throws IllegalArgumentException if length is below 1 or the learning rate is not finite and &gt; 0
     */
    public AbstractOptimizer create(int length, double learningRate) {
        return switch (kind) {
            case SGD -> Sgd.overArray(length).learningRate(learningRate);
            case MOMENTUM -> Sgd.overArray(length).momentum(momentum).learningRate(learningRate);
            case ADAM -> Adam.overArray(length).betas(beta1, beta2).epsilon(epsilon)
                    .learningRate(learningRate);
            case ADADELTA -> Adadelta.overArray(length).rho(rho).epsilon(epsilon).learningRate(learningRate);
        };
    }
}
