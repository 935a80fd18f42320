package org.nnlab.playground;

import org.nnlab.core.Checks;

/**
 * The learning rate per epoch (Playground issue #158; Playground itself keeps it constant):
 * {@code rate(epoch, base)} for epochs 1, 2, ... given the state's learning rate.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The rate for {@code epoch} (1 = the first epoch after a reset). */
    double rate(int epoch, double base);

    /** Playground's: always the base rate. */
    static LearningRateSchedule constant() {
        return (epoch, base) -> base;
    }

    /** base·factor^floor((epoch - 1)/every): a step decay. */
    static LearningRateSchedule step(int every, double factor) {
        Checks.requireArgument(every >= 1, "LearningRateSchedule.step: every must be >= 1, got %d", every);
        Checks.requireArgument(factor > 0, "LearningRateSchedule.step: factor must be > 0, got %s", factor);
        return (epoch, base) -> base * Math.pow(factor, (epoch - 1) / every);
    }

    /** base·decay^(epoch - 1): an exponential decay. */
    static LearningRateSchedule exponential(double decay) {
        Checks.requireArgument(decay > 0, "LearningRateSchedule.exponential: decay must be > 0, got %s", decay);
        return (epoch, base) -> base * Math.pow(decay, epoch - 1);
    }

    /**
     * Smith's triangular cyclical rate ("Cyclical learning rates for training neural networks", WACV 2017):
     * from base up to max and back over {@code period} epochs.
     */
    static LearningRateSchedule cyclical(double max, int period) {
        Checks.requireArgument(period >= 2, "LearningRateSchedule.cyclical: period must be >= 2, got %d", period);
        return (epoch, base) -> {
            double phase = ((epoch - 1) % period) / (double) period;          // 0 .. 1
            double tri = 1 - Math.abs(2 * phase - 1);                          // 0 -> 1 -> 0
            return base + (max - base) * tri;
        };
    }
}
