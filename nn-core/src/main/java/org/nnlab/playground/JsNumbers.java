package org.nnlab.playground;

import java.math.BigInteger;
import java.util.regex.Pattern;

import org.nnlab.core.io.JsonWriter;

/**
 * JavaScript's number conversions, which Playground's URL state uses: {@link #parse} is unary
 * {@code +} on a string (ECMAScript ToNumber), {@link #format} is {@code String(number)}
 * (Number::toString: shortest round-trip digits, exponent form below 1e-6 and from 1e21).
 */
public final class JsNumbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITY = Pattern.compile("[+-]?Infinity");

    private JsNumbers() {
    }

    /** {@code +s}: trimmed; empty gives 0; decimal, Infinity, 0x/0o/0b integers; anything else NaN. */
    public static double parse(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (INFINITY.matcher(t).matches()) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.length() > 2 && t.charAt(0) == '0') {
            int radix = switch (t.charAt(1)) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix > 0) {
                try {
                    return new BigInteger(t.substring(2), radix).doubleValue();
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    /** {@code String(x)}: {@code 0.03}, {@code 10}, {@code 1e-7}, {@code 1e+21}, {@code NaN}, {@code -Infinity}. */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        return JsonWriter.number(x);
    }
}
