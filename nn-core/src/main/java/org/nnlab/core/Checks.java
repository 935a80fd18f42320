package org.nnlab.core;

import java.util.Locale;

/**
 * One-line argument and state checks whose messages follow the house pattern
 * {@code <operation>: <problem>: <observed values>[; <hint>]}.
 *
 * <p>Public so that op families, layers and user extensions report errors the same way.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Throws {@link IllegalArgumentException} with the formatted message unless {@code condition} holds.
     *
     * @throws IllegalArgumentException if {@code condition} is false
     */
    public static void requireArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * Throws {@link IllegalStateException} with the formatted message unless {@code condition} holds.
     *
     * @throws IllegalStateException if {@code condition} is false
     */
    public static void requireState(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * Checks that a float hyperparameter is finite and strictly positive.
     *
     * @throws IllegalArgumentException naming {@code owner}, {@code name} and the value otherwise
     */
    public static float requirePositive(String owner, String name, float value) {
        requireArgument(value > 0 && Float.isFinite(value), "%s: %s must be > 0, got %s", owner, name, value);
        return value;
    }

    /**
     * Checks {@code lo <= value < hi} for a float hyperparameter.
     *
     * @throws IllegalArgumentException naming {@code owner}, {@code name}, the value and the range otherwise
     */
    public static float requireInRange(String owner, String name, float value, float lo, float hi) {
        requireArgument(value >= lo && value < hi, "%s: %s must be in [%s, %s), got %s", owner, name, lo, hi, value);
        return value;
    }

    /**
     * Checks that a hyperparameter is finite and strictly positive.
     *
     * @throws IllegalArgumentException naming {@code owner}, {@code name} and the value otherwise
     */
    public static double requirePositive(String owner, String name, double value) {
        requireArgument(value > 0 && Double.isFinite(value), "%s: %s must be > 0, got %s", owner, name, number(value));
        return value;
    }

    /**
     * Checks {@code lo <= value < hi} for a hyperparameter.
     *
     * @throws IllegalArgumentException naming {@code owner}, {@code name}, the value and the range otherwise
     */
    public static double requireInRange(String owner, String name, double value, double lo, double hi) {
        requireArgument(value >= lo && value < hi, "%s: %s must be in [%s, %s), got %s", owner, name, number(lo), number(hi),
                number(value));
        return value;
    }

    /** A number as its caller wrote it: a float widened to double prints as the float ({@code 0.001}, not 0.0010000000474974513). */
    private static String number(double v) {
        return (double) (float) v == v ? Float.toString((float) v) : Double.toString(v);
    }

    /**
     * Formats with {@link Locale#ROOT}, for messages built in several parts.
     */
    public static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
