package org.nnlab.playground;

import java.util.Locale;

/**
 * Playground's seven input features, in its fixed order (the order of the input nodes and of the
 * first hidden layer's incoming weights). Computed in double with {@link StrictMath}, which matches
 * the JavaScript engine Playground's numbers were checked with.
 */
public enum Feature {
    /** x, "X₁". */
    X("x"),
    /** y, "X₂". */
    Y("y"),
    /** x·x, "X₁²". */
    X_SQUARED("xSquared"),
    /** y·y, "X₂²". */
    Y_SQUARED("ySquared"),
    /** x·y, "X₁X₂". */
    X_TIMES_Y("xTimesY"),
    /** sin x, "sin(X₁)". */
    SIN_X("sinX"),
    /** sin y, "sin(X₂)". */
    SIN_Y("sinY");

    private final String id;

    Feature(String id) {
        this.id = id;
    }

    /** The id used in Playground's URL state and network, as in {@code xSquared}. */
    public String id() {
        return id;
    }

    /** The feature's value at (x, y). */
    public double value(double x, double y) {
        return switch (this) {
            case X -> x;
            case Y -> y;
            case X_SQUARED -> x * x;
            case Y_SQUARED -> y * y;
            case X_TIMES_Y -> x * y;
            case SIN_X -> StrictMath.sin(x);
            case SIN_Y -> StrictMath.sin(y);
        };
    }

    /**
     * The feature with that id.
     *
     * @throws IllegalArgumentException naming the id and the valid ones
     */
    public static Feature ofId(String id) {
        for (Feature f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "Feature: unknown id '%s'; valid ids are x, y, xSquared, ySquared, xTimesY, sinX, sinY", id));
    }
}
