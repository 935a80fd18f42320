package org.nnlab.core.internal.kernel;

/** Elementwise binary functions out = a op b. */
public enum Binary {
    /** a + b. */
    ADD,
    /** a - b. */
    SUB,
    /** a * b. */
    MUL,
    /** a / b. */
    DIV;

    /** The reference value in float32. */
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }

    /** The lower-case name used as an op label. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
