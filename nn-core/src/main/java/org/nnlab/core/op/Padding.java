package org.nnlab.core.op;

/** Padding of a stride-1 convolution. */
public enum Padding {
    /** No padding: the output is (h - kh + 1) x (w - kw + 1). */
    VALID,
    /**
     * Zero padding that keeps the size: (kh - 1) rows in all, floor((kh - 1)/2) on top and the rest at
     * the bottom (TensorFlow's rule), and likewise for columns.
     */
    SAME;

    /** The label used in summaries: {@code valid} or {@code same}. */
    public String label() {
        return this == VALID ? "valid" : "same";
    }
}
