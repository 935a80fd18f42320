package org.nnlab.playground;

/**
 * One data point: a position in the plane and its label (+1 blue or -1 orange for classification, a
 * real number for regression).
 *
 * @param x     the first coordinate
 * @param y     the second coordinate
 * @param label the target
 */
public record Example(double x, double y, double label) {
}
