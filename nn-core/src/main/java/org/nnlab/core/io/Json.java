package org.nnlab.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for configuration, weight and atlas files: objects become
 * {@code Map<String, Object>} in file order, arrays {@code List<Object>}, numbers {@code Double}, and
 * strings, booleans and null themselves.
 *
 * <p>Strict means that what RFC 8259 does not allow is refused with its line and column, never read as
 * something else: a leading {@code +}, leading zeros ({@code 02}), a number beyond the double range
 * ({@code 1e999}, which a lenient reader turns into infinity), a duplicate key (which would otherwise let
 * the second value win after a validator had looked at the first), unknown escapes, raw control characters
 * in strings, and whitespace other than space, tab, line feed and carriage return. A leading byte-order mark
 * is skipped (RFC 8259 section 8.1 allows a reader to ignore it). Nesting is capped at {@value #MAX_DEPTH}.
 */
public final class Json {
    /** Arrays and objects nest at most this deep (a recursive reader must not overflow its stack). */
    public static final int MAX_DEPTH = 512;

    private final String text;
    private int at;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException naming the line and column of the first error
     */
    public static Object parse(String text) {
        Json p = new Json(text);
        if (text.startsWith("\uFEFF")) {
            p.at = 1;
        }
        p.space();
        Object v = p.value();
        p.space();
        if (p.at != text.length()) {
            throw p.error("trailing text after the value");
        }
        return v;
    }

    /**
     * A JSON array of numbers as floats.
     *
     * @throws IllegalArgumentException naming {@code what} if the value is not an array of numbers, or a number
     *                                  lies outside the float range
     */
    public static float[] floats(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(what + ": expected an array of numbers, got " + describe(value));
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Double d)) {
                throw new IllegalArgumentException(what + "[" + i + "]: expected a number, got " + describe(list.get(i)));
            }
            out[i] = d.floatValue();
            if (Float.isInfinite(out[i])) {
                throw new IllegalArgumentException(what + "[" + i + "]: " + d + " is beyond the float range (|x| <= "
                        + Float.MAX_VALUE + ")");
            }
        }
        return out;
    }

    /** A value as a short text for messages: strings quoted, cut at 40 characters. */
    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = v instanceof String ? "\"" + v + "\"" : v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private Object value() {
        if (at >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> list();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        space();
        if (peek('}')) {
            at++;
            depth--;
            return m;
        }
        while (true) {
            space();
            if (!peek('"')) {
                throw error("expected a string key");
            }
            int keyAt = at;
            String key = string();
            if (m.containsKey(key)) {
                at = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            space();
            expect(':');
            space();
            m.put(key, value());
            space();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                depth--;
                return m;
            }
        }
    }

    private List<Object> list() {
        enter();
        List<Object> l = new ArrayList<>();
        at++;
        space();
        if (peek(']')) {
            at++;
            depth--;
            return l;
        }
        while (true) {
            space();
            l.add(value());
            space();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                depth--;
                return l;
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return b.toString();
            }
            if (c < 0x20) {
                throw error(String.format("raw control character U+%04X in a string (write it as an escape)", (int) c));
            }
            at++;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        at -= 2;
                        throw error("short \\u escape");
                    }
                    String hex = text.substring(at, at + 4);
                    if (!hex.matches("[0-9a-fA-F]{4}")) {
                        at -= 2;
                        throw error("bad \\u escape \"\\u" + hex + "\"");
                    }
                    b.append((char) Integer.parseInt(hex, 16));
                    at += 4;
                }
                default -> {
                    at -= 2;
                    throw error("unknown escape \"\\" + e + "\"");
                }
            }
        }
        throw error("unterminated string");
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, finite as a double. */
    private Double number() {
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
            if (digit()) {
                at = start;
                throw error("a number with a leading zero");
            }
        } else if (digit()) {
            digits();
        } else {
            at = start;
            char c = text.charAt(at);
            throw error(c == '+' ? "a number with a leading '+'" : "unexpected " + quoted(c));
        }
        if (peek('.')) {
            at++;
            if (!digit()) {
                throw error("a digit expected after the decimal point");
            }
            digits();
        }
        if (peek('e') || peek('E')) {
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            if (!digit()) {
                throw error("a digit expected in the exponent");
            }
            digits();
        }
        String literal = text.substring(start, at);
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) {
            at = start;
            throw error("the number " + (literal.length() > 40 ? literal.substring(0, 40) + "..." : literal)
                    + " is beyond the double range");
        }
        return d;
    }

    private boolean digit() {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private void digits() {
        while (digit()) {
            at++;
        }
    }

    private static String quoted(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected " + quoted(text.charAt(at)));
        }
        at += word.length();
        return value;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error(at < text.length() ? "expected '" + c + "', found " + quoted(text.charAt(at))
                    : "expected '" + c + "', found the end of text");
        }
        at++;
    }

    /** RFC 8259's whitespace only: space, tab, line feed, carriage return. */
    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("JSON: " + what + " at line " + line + ", column " + column);
    }
}
