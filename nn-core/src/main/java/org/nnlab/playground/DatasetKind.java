package org.nnlab.playground;

import java.util.Locale;

/** Playground's data sets: four for classification, two for regression. */
public enum DatasetKind {
    /** A disc inside a ring. */
    CIRCLE("circle", false),
    /** The four quadrants. */
    XOR("xor", false),
    /** Two Gaussian clusters. */
    GAUSS("gauss", false),
    /** Two interleaved spirals. */
    SPIRAL("spiral", false),
    /** A tilted plane ("Plane"). */
    REG_PLANE("reg-plane", true),
    /** Six signed cones ("Multi gaussian"). */
    REG_GAUSS("reg-gauss", true);

    private final String id;
    private final boolean regression;

    DatasetKind(String id, boolean regression) {
        this.id = id;
        this.regression = regression;
    }

    /** The id in Playground's URL state, as in {@code reg-plane}. */
    public String id() {
        return id;
    }

    /** Whether this is a regression data set (real labels, linear output). */
    public boolean isRegression() {
        return regression;
    }

    /**
     * The data set with that id.
     *
     * @throws IllegalArgumentException naming the id and the valid ones
     */
    public static DatasetKind ofId(String id) {
        for (DatasetKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "DatasetKind: unknown id '%s'; valid ids are circle, xor, gauss, spiral, reg-plane, reg-gauss", id));
    }
}
