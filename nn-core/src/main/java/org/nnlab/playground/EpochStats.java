package org.nnlab.playground;

/**
 * The losses after an epoch, as Playground reports them (epoch 0 is the state after a reset).
 *
 * @param epoch     epochs trained since the last reset
 * @param trainLoss ½·mean squared error on the training set
 * @param testLoss  ½·mean squared error on the test set
 */
public record EpochStats(int epoch, double trainLoss, double testLoss) {
    /** Whether both losses are finite numbers. */
    public boolean isFinite() {
        return Double.isFinite(trainLoss) && Double.isFinite(testLoss);
    }
}
