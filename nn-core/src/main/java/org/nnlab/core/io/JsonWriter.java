package org.nnlab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The one JSON writer behind every JSON output of nnlab: compact, streaming (a run of 200,000 epochs is
 * never held as one string), and correct by construction: commas and colons are placed by the writer, and
 * misuse (a value where a name is due, an unclosed array) throws {@link IllegalStateException}.
 *
 * <p>Strings are escaped as RFC 8259 requires, and then some: {@code "} and {@code \}, every control
 * character below U+0020 ({@code \n}, {@code \t}, ... or {@code \}{@code u00XX}), U+2028 and U+2029 (so
 * that the text is also valid JavaScript). A lone surrogate (half of a pair, without the other half) is no
 * Unicode character and has no UTF-8 encoding: it is written as U+FFFD, the replacement character, as a
 * strict UTF-8 encoder would, rather than as {@code ?} or as an escape that many parsers refuse.
 *
 * <p>Numbers are written as JavaScript's {@code String(x)} writes them (shortest digits that read back to
 * the same value; {@code 0.03}, {@code 10}, {@code 1e-7}, {@code 1e+21}); NaN and the infinities, which
 * JSON lacks, are written as {@code null}.
 *
 * <p>The writer's methods throw {@link UncheckedIOException} when the underlying {@link Writer} fails,
 * so that building a document needs no {@code throws} clauses; file writers unwrap it into an
 * {@link IOException} naming the file. Not thread-safe.
 */
public final class JsonWriter {
    private enum Scope { ARRAY, OBJECT }

    private final Appendable out;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private boolean first = true;          // no comma before the next element of the current scope
    private boolean nameWritten;           // inside an object, a name is waiting for its value
    private boolean done;                  // the top-level value is complete

    private JsonWriter(Appendable out) {
        this.out = out;
    }

    /** A writer into {@code out}; nothing is buffered here, so wrap a file's writer in a BufferedWriter. */
    public static JsonWriter to(Writer out) {
        return new JsonWriter(out);
    }

    /** A writer into {@code out}. */
    public static JsonWriter to(StringBuilder out) {
        return new JsonWriter(out);
    }

    /** The document that {@code body} writes, as a string. */
    public static String toJson(Consumer<JsonWriter> body) {
        StringBuilder b = new StringBuilder();
        JsonWriter w = to(b);
        body.accept(w);
        w.finish();
        return b.toString();
    }

    /** Opens an object: <code>&#123;</code>. */
    public JsonWriter beginObject() {
        beforeValue();
        raw('{');
        scopes.push(Scope.OBJECT);
        first = true;
        nameWritten = false;
        return this;
    }

    /** Closes an object: <code>&#125;</code>. */
    public JsonWriter endObject() {
        if (scopes.peek() != Scope.OBJECT || nameWritten) {
            throw new IllegalStateException("JsonWriter: endObject outside an object or after a name without value");
        }
        scopes.pop();
        raw('}');
        afterValue();
        return this;
    }

    /** Opens an array: {@code [}. */
    public JsonWriter beginArray() {
        beforeValue();
        raw('[');
        scopes.push(Scope.ARRAY);
        first = true;
        nameWritten = false;
        return this;
    }

    /** Closes an array: {@code ]}. */
    public JsonWriter endArray() {
        if (scopes.peek() != Scope.ARRAY) {
            throw new IllegalStateException("JsonWriter: endArray outside an array");
        }
        scopes.pop();
        raw(']');
        afterValue();
        return this;
    }

    /** An object member's name; its value comes next. */
    public JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT || nameWritten) {
            throw new IllegalStateException("JsonWriter: name \"" + name + "\" outside an object or after another name");
        }
        if (!first) {
            raw(',');
        }
        quote(name);
        raw(':');
        nameWritten = true;
        return this;
    }

    /** A string, escaped; {@code null} writes {@code null}. */
    public JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        quote(s);
        afterValue();
        return this;
    }

    /** A number as {@link #number(double)} writes it. */
    public JsonWriter value(double v) {
        return rawValue(number(v));
    }

    /** A float as {@link #number(float)} writes it. */
    public JsonWriter value(float v) {
        return rawValue(number(v));
    }

    /** An integer. */
    public JsonWriter value(long v) {
        return rawValue(Long.toString(v));
    }

    /** {@code true} or {@code false}. */
    public JsonWriter value(boolean v) {
        return rawValue(v ? "true" : "false");
    }

    /** {@code null}. */
    public JsonWriter nullValue() {
        return rawValue("null");
    }

    /** An array of floats. */
    public JsonWriter values(float[] v) {
        beginArray();
        for (float x : v) {
            value(x);
        }
        return endArray();
    }

    /** An array of doubles. */
    public JsonWriter values(double[] v) {
        beginArray();
        for (double x : v) {
            value(x);
        }
        return endArray();
    }

    /** Checks that the document is complete (every scope closed, one top-level value) and flushes. */
    public void finish() {
        if (!scopes.isEmpty() || !done) {
            throw new IllegalStateException("JsonWriter: the document is incomplete (" + scopes.size() + " open scopes)");
        }
        if (out instanceof Writer w) {
            try {
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A number as JavaScript's {@code String(x)}: shortest round-trip digits, exponent form below 1e-6 and
     * from 1e21, {@code -0} as {@code 0}; NaN and infinities as {@code null}.
     */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return "null";
        }
        // Double.toString gives the shortest digits that round-trip (JDK 19+), as ECMAScript requires
        return x == 0 ? "0" : x < 0 ? "-" + js(Double.toString(-x)) : js(Double.toString(x));
    }

    /** A float with the shortest digits that read back as the same float, in {@link #number(double)}'s form. */
    public static String number(float x) {
        if (!Float.isFinite(x)) {
            return "null";
        }
        return x == 0 ? "0" : x < 0 ? "-" + js(Float.toString(-x)) : js(Float.toString(x));
    }

    /**
     * ECMAScript Number::toString over Java's shortest digits of a positive value ({@code "0.001"},
     * {@code "1.0E-5"}, {@code "1.2345678E7"}): the digits and the decimal point's place are read off the
     * string (no BigDecimal: a run writes millions of numbers).
     */
    private static String js(String java) {
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String whole = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
        int n = whole.length() + exponent;       // x = 0.digits × 10^n
        String all = whole + fraction;
        int from = 0;
        while (from < all.length() - 1 && all.charAt(from) == '0') {
            from++;
            n--;
        }
        int to = all.length();
        while (to > from + 1 && all.charAt(to - 1) == '0') {
            to--;
        }
        String digits = all.substring(from, to);
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exp = n - 1;
        String sign = (exp < 0 ? "-" : "+") + Math.abs(exp);
        return k == 1 ? digits + "e" + sign : digits.charAt(0) + "." + digits.substring(1) + "e" + sign;
    }

    /** {@code s} as a quoted, escaped JSON string. */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        new JsonWriter(b).quote(s);
        return b.toString();
    }

    private JsonWriter rawValue(String text) {
        beforeValue();
        raw(text);
        afterValue();
        return this;
    }

    private void beforeValue() {
        if (done) {
            throw new IllegalStateException("JsonWriter: a second top-level value");
        }
        Scope s = scopes.peek();
        if (s == Scope.OBJECT && !nameWritten) {
            throw new IllegalStateException("JsonWriter: a value inside an object needs a name first");
        }
        if (s == Scope.ARRAY && !first) {
            raw(',');
        }
    }

    private void afterValue() {
        nameWritten = false;
        first = false;
        if (scopes.isEmpty()) {
            done = true;
        }
    }

    private void quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (lone) {
                        b.append('\ufffd');
                    } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        raw(b.append('"'));
    }

    private void raw(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void raw(char c) {
        try {
            out.append(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
