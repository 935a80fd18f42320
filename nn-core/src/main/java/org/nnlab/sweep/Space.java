package org.nnlab.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nnlab.core.Rng;

/**
 * The configurations a sweep visits: a grid of settings crossed with random samples, each point a pure
 * function of its index.
 *
 * <p>The text is {@code key=value&...} in the system's own names (Playground's hash keys, GAN Lab's
 * hyperparameter names, ShapeShop's settings). Each value is one of:
 * <ul>
 *   <li>{@code v}: fixed;</li>
 *   <li>{@code {a|b|c}}: a grid axis, one point per alternative (values may hold commas:
 *       {@code networkShape={4|8,8|8,8,5}});</li>
 *   <li>{@code [lo..hi]}, {@code [lo..hi]log}, {@code [lo..hi]int}: drawn at random, uniform,
 *       log-uniform (lo &gt; 0) or a uniform integer in lo..hi inclusive; reals are rounded to 4
 *       significant digits so that a point reads back as written.</li>
 * </ul>
 * With random keys there are {@code samples} random draws, crossed with the grid (every grid point sees the
 * same draws, so that the grid's keys are compared on equal terms). Draw {@code j} comes from
 * {@code Rng.seeded(mix(seed, j))}: points do not depend on which other points exist or on the order they
 * are visited, so a Spark task computes its own points from indices alone.
 *
 * <p>{@code size() = (product of the grid axes' lengths) x samples}; point {@code p} is grid point
 * {@code p / samples} (the last key varying fastest) with draw {@code p % samples}.
 *
 * @param keys    the keys in the text's order
 * @param samples random draws per grid point (1 without random keys)
 * @param seed    the seed of the random draws
 */
public record Space(List<Key> keys, int samples, long seed) implements Serializable {
    /** The most points a space may have. */
    public static final long MAX_POINTS = 1_000_000_000L;

    /** How a key's values are chosen. */
    public enum Kind {
        /** One value. */
        FIXED,
        /** Every alternative, one grid axis. */
        GRID,
        /** Uniform in [lo, hi]. */
        UNIFORM,
        /** Log-uniform in [lo, hi]. */
        LOG_UNIFORM,
        /** A uniform integer in lo..hi. */
        INTEGER
    }

    /**
     * One key of the space.
     *
     * @param name   the setting's name
     * @param kind   how its values are chosen
     * @param values FIXED: the one value; GRID: the alternatives; random kinds: none
     * @param lo     random kinds: the lower bound
     * @param hi     random kinds: the upper bound
     */
    public record Key(String name, Kind kind, List<String> values, double lo, double hi) implements Serializable {
        /** Copies the values. */
        public Key {
            values = List.copyOf(values);
        }

        boolean random() {
            return kind == Kind.UNIFORM || kind == Kind.LOG_UNIFORM || kind == Kind.INTEGER;
        }
    }

    /**
     * One configuration of the space.
     *
     * @param index    its index in the space, 0..size()-1
     * @param settings the keys' values, in the space's key order
     */
    public record Point(long index, Map<String, String> settings) implements Serializable {
        /** Copies the settings, keeping their order. */
        public Point {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** The settings as {@code key=value&...}, the space's notation for one point. */
        public String text() {
            return Space.text(settings);
        }
    }

    /** Checks the keys (none twice, none empty) and the size. */
    public Space {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("space: no keys; write key=value&key={a|b}&...");
        }
        boolean random = false;
        List<String> seen = new ArrayList<>();
        long grid = 1;
        for (Key k : keys) {
            if (seen.contains(k.name())) {
                throw new IllegalArgumentException("space: key \"" + k.name() + "\" appears twice");
            }
            seen.add(k.name());
            random |= k.random();
            if (k.kind() == Kind.GRID) {
                grid = grid > MAX_POINTS ? grid : grid * k.values().size();   // no overflow: both factors are small
            }
        }
        if (samples < 1) {
            throw new IllegalArgumentException("space: samples must be >= 1, got " + samples);
        }
        if (!random && samples != 1) {
            throw new IllegalArgumentException("space: samples " + samples + " given, but no key is random "
                    + "([lo..hi]); a grid point is the same every sample");
        }
        if (grid > MAX_POINTS / samples) {
            throw new IllegalArgumentException("space: " + (grid > MAX_POINTS ? "more than " + MAX_POINTS + " grid points"
                    : grid + " grid points x " + samples + " samples") + " is too many points; at most " + MAX_POINTS);
        }
    }

    /**
     * Parses a space with one sample (a grid, or one random draw).
     *
     * @throws IllegalArgumentException naming the key and the value that cannot be read
     */
    public static Space parse(String text) {
        return parse(text, 1, 0);
    }

    /**
     * Parses a space: {@code key=value&key={a|b}&key=[lo..hi]log...}.
     *
     * @param samples random draws per grid point, >= 1 (1 when no key is random)
     * @param seed    the seed of the random draws
     * @throws IllegalArgumentException naming the key and the value that cannot be read
     */
    public static Space parse(String text, int samples, long seed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("space: empty; write key=value&key={a|b}&...");
        }
        List<Key> keys = new ArrayList<>();
        for (String part : split(text.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("space: \"" + part + "\" is not key=value");
            }
            keys.add(key(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
        }
        return new Space(keys, samples, seed);
    }

    /** Splits at the {@code &}s outside braces. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '&' && depth == 0) {
                parts.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        parts.add(text.substring(from).strip());
        return parts;
    }

    private static Key key(String name, String value) {
        if (value.startsWith("{")) {
            if (!value.endsWith("}") || value.indexOf('{', 1) >= 0) {
                throw new IllegalArgumentException("space: " + name + "=" + value + " is not a list {a|b|...}");
            }
            List<String> alternatives = new ArrayList<>();
            for (String a : value.substring(1, value.length() - 1).split("\\|", -1)) {
                String v = a.strip();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("space: " + name + "=" + value + " has an empty alternative");
                }
                if (alternatives.contains(v)) {
                    throw new IllegalArgumentException("space: " + name + "=" + value + " lists " + v + " twice");
                }
                alternatives.add(v);
            }
            return new Key(name, Kind.GRID, alternatives, Double.NaN, Double.NaN);
        }
        if (value.startsWith("[")) {
            return range(name, value);
        }
        if (value.isEmpty() || value.contains("|") || value.contains("}")) {
            throw new IllegalArgumentException("space: " + name + "=" + value
                    + " is not a value, a list {a|b|...} or a range [lo..hi]");
        }
        return new Key(name, Kind.FIXED, List.of(value), Double.NaN, Double.NaN);
    }

    private static Key range(String name, String value) {
        int close = value.indexOf(']');
        int dots = value.indexOf("..");
        String suffix = close < 0 ? "" : value.substring(close + 1).strip();
        Kind kind = switch (suffix) {
            case "" -> Kind.UNIFORM;
            case "log" -> Kind.LOG_UNIFORM;
            case "int" -> Kind.INTEGER;
            default -> null;
        };
        if (close < 0 || dots < 0 || dots > close || kind == null) {
            throw new IllegalArgumentException("space: " + name + "=" + value
                    + " is not a range [lo..hi], [lo..hi]log or [lo..hi]int");
        }
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(value.substring(1, dots).strip());
            hi = Double.parseDouble(value.substring(dots + 2, close).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("space: " + name + "=" + value + ": the bounds must be numbers");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo <= hi)) {
            throw new IllegalArgumentException("space: " + name + "=" + value + ": need finite bounds with lo <= hi");
        }
        if (kind == Kind.LOG_UNIFORM && !(lo > 0)) {
            throw new IllegalArgumentException("space: " + name + "=" + value + ": a log range needs lo > 0");
        }
        if (kind == Kind.INTEGER && (lo != Math.rint(lo) || hi != Math.rint(hi) || Math.abs(hi) > 1e15
                || Math.abs(lo) > 1e15)) {
            throw new IllegalArgumentException("space: " + name + "=" + value + ": an int range needs integer bounds");
        }
        return new Key(name, kind, List.of(), lo, hi);
    }

    /** The number of points: grid points x samples. */
    public long size() {
        long n = samples;
        for (Key k : keys) {
            if (k.kind() == Kind.GRID) {
                n *= k.values().size();
            }
        }
        return n;
    }

    /** The keys whose value varies from point to point (grid axes and random keys), in the text's order. */
    public List<String> varying() {
        return keys.stream().filter(k -> k.kind() != Kind.FIXED).map(Key::name).toList();
    }

    /**
     * Point {@code index}: grid point {@code index / samples} with random draw {@code index % samples}.
     *
     * @throws IllegalArgumentException if index is outside 0..size()-1
     */
    public Point point(long index) {
        long size = size();
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("space: point " + index + " is outside 0.." + (size - 1));
        }
        long grid = index / samples;
        long draw = index % samples;
        Rng rng = Rng.seeded(mix(seed, draw));
        String[] values = new String[keys.size()];
        for (int i = keys.size() - 1; i >= 0; i--) {      // the last grid key varies fastest
            Key k = keys.get(i);
            if (k.kind() == Kind.GRID) {
                int n = k.values().size();
                values[i] = k.values().get((int) (grid % n));
                grid /= n;
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {          // draws in key order, one per random key
            Key k = keys.get(i);
            settings.put(k.name(), switch (k.kind()) {
                case FIXED -> k.values().get(0);
                case GRID -> values[i];
                case UNIFORM -> round4(k.lo() + (k.hi() - k.lo()) * rng.nextDouble());
                case LOG_UNIFORM -> round4(Math.exp(Math.log(k.lo())
                        + (Math.log(k.hi()) - Math.log(k.lo())) * rng.nextDouble()));
                case INTEGER -> Long.toString((long) k.lo() + (long) Math.floor((k.hi() - k.lo() + 1) * rng.nextDouble()));
            });
        }
        return new Point(index, settings);
    }

    /** {@code key=value&...} in the map's order. */
    static String text(Map<String, String> settings) {
        StringBuilder sb = new StringBuilder();
        settings.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    /** A real rounded to 4 significant digits, in plain notation where it is short. */
    static String round4(double x) {
        BigDecimal d = new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros();
        return d.scale() > 8 || d.precision() - d.scale() > 12 ? d.toString() : d.toPlainString();
    }

    /** The seed of draw {@code j}: SplitMix64's finalizer over seed and j. */
    static long mix(long seed, long j) {
        long z = seed + (j + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The space in its own notation, with {@code samples} and {@code seed} when it has random keys. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Key k : keys) {
            sb.append(sb.isEmpty() ? "" : "&").append(k.name()).append('=').append(switch (k.kind()) {
                case FIXED -> k.values().get(0);
                case GRID -> "{" + String.join("|", k.values()) + "}";
                case UNIFORM -> "[" + k.lo() + ".." + k.hi() + "]";
                case LOG_UNIFORM -> "[" + k.lo() + ".." + k.hi() + "]log";
                case INTEGER -> "[" + (long) k.lo() + ".." + (long) k.hi() + "]int";
            });
        }
        return keys.stream().anyMatch(Key::random) ? sb + " (" + samples + " samples, seed " + seed + ")" : sb.toString();
    }
}
