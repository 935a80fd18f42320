package org.nnlab.raster;

import java.util.Locale;

/**
 * The drawing primitives' own argument checks, so that this package depends on nothing of the engines: a
 * failed check throws with the message formatted in {@link Locale#ROOT}, naming the argument, its value
 * and what was expected.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** @throws IllegalArgumentException with the formatted message unless {@code condition} holds */
    static void requireArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /** @throws IllegalStateException with the formatted message unless {@code condition} holds */
    static void requireState(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(Locale.ROOT, format, args));
        }
    }

    /** @throws IllegalArgumentException unless 0 &lt;= opacity &lt;= 1 */
    static void opacity(double opacity) {
        requireArgument(opacity >= 0 && opacity <= 1, "opacity must be in [0, 1], got %s", opacity);
    }
}
