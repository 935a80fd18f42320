package org.nnlab.playground;

/** Playground's weight regularization (spec 5.7): none, L1 with R'(w) = sign(w), or L2 with R'(w) = w. */
public enum Regularization {
    /** No penalty. */
    NONE,
    /** R(w) = |w|, R'(w) = sign(w), R'(0) = 0; a weight pushed across zero by it dies. */
    L1,
    /** R(w) = ½w², R'(w) = w. */
    L2;

    /** R'(w). */
    public double derivative(double w) {
        return switch (this) {
            case NONE -> 0;
            case L1 -> w < 0 ? -1 : (w > 0 ? 1 : 0);
            case L2 -> w;
        };
    }
}
