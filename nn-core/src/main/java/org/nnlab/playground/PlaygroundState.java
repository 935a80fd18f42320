package org.nnlab.playground;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Playground's URL state (spec section 10): every key of its hash, parsed and written with Playground's
 * own rules, so that a Playground URL gives the same run here and a state written here opens in
 * Playground. Numbers keep JavaScript's semantics (a URL can say {@code learningRate=abc}, which is
 * NaN); turning a state into a run validates them.
 *
 * @param activation         hidden activation
 * @param regularization     none, L1 or L2 (none is left out of the hash)
 * @param batchSize          examples per update
 * @param dataset            classification data set
 * @param regDataset         regression data set
 * @param learningRate       the SGD step
 * @param regularizationRate λ
 * @param noise              the noise slider, in percent (0-50 on the page)
 * @param networkShape       hidden layer sizes
 * @param seed               the seed string; empty when the hash has none
 * @param showTestData       whether test points are drawn
 * @param discretize         whether heatmaps are shown as ±1
 * @param percTrainData      the training share, in percent
 * @param features           the enabled input features
 * @param cosX               serialized but without effect, as in Playground
 * @param cosY               serialized but without effect, as in Playground
 * @param collectStats       unused, kept for the round trip
 * @param tutorial           the tutorial name; empty for none (left out of the hash)
 * @param regression         the problem type: regression if true, classification otherwise
 * @param initZero           all weights and biases 0 (the draws still happen)
 * @param hideText           hide the page's header and article
 * @param hidden             the {@code <control>_hide} keys, in the order they appeared
 */
public record PlaygroundState(PlaygroundActivation activation, Regularization regularization, double batchSize,
                              DatasetKind dataset, DatasetKind regDataset, double learningRate,
                              double regularizationRate, double noise, List<Double> networkShape, String seed,
                              boolean showTestData, boolean discretize, double percTrainData, Set<Feature> features,
                              boolean cosX, boolean cosY, boolean collectStats, String tutorial, boolean regression,
                              boolean initZero, boolean hideText, Map<String, Boolean> hidden) {

    /** Activation ids read from a hash: Playground's four, then nnlab's extensions (Playground ignores those). */
    private static final List<String> ACTIVATION_IDS = java.util.Arrays.stream(PlaygroundActivation.values())
            .map(PlaygroundActivation::id).toList();

    /** Playground's address, for {@link #toUrl()}. */
    public static final String SITE = "https://playground.tensorflow.org/";

    /** Copies the collections. */
    public PlaygroundState {
        networkShape = List.copyOf(networkShape);
        features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
        hidden = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    /** Playground's defaults with the given seed: circle, tanh, [4, 2], features x and y, batch 10, rate 0.03. */
    public static PlaygroundState defaults(String seed) {
        return new PlaygroundState(PlaygroundActivation.TANH, Regularization.NONE, 10, DatasetKind.CIRCLE,
                DatasetKind.REG_PLANE, 0.03, 0, 0, List.of(4.0, 2.0), seed, false, false, 50,
                EnumSet.of(Feature.X, Feature.Y), false, false, false, "", false, false, false, Map.of());
    }

    /**
     * Parses a Playground URL, a hash ({@code #...}) or the bare {@code key=value&...} string. Keys are
     * read as Playground reads them: a value that is empty after trimming counts as absent (arrays
     * excepted), booleans are true unless exactly {@code false}, numbers use JavaScript's unary
     * {@code +}, an unknown object value keeps the default, and {@code *_hide} is true only for
     * {@code true}. Unknown keys are ignored. A missing seed stays empty. {@link #read(String)} reads the
     * same way and also says what it ignored or read differently from what was written.
     */
    public static PlaygroundState parse(String urlOrHash) {
        return read(urlOrHash).state();
    }

    /**
     * Something in a hash that Playground's page would silently ignore or change: an unknown key, a value
     * outside a key's choices (the default is used), a boolean that is neither {@code true} nor {@code false}
     * (read as true), or a number that is not a number (read as NaN, which the page then trains on).
     *
     * @param key     the key as written
     * @param value   the value as written ({@code null} for a key without {@code =})
     * @param kind    what is wrong
     * @param message one line naming the key, the value and the valid choices
     */
    public record Issue(String key, String value, Kind kind, String message) {
        /** The kinds of issue. */
        public enum Kind {
            /** A key Playground does not read. */
            UNKNOWN_KEY,
            /** A value outside the key's choices: the default is used. */
            UNKNOWN_VALUE,
            /** A boolean other than true or false: read as true. */
            NOT_A_BOOLEAN,
            /** A number that does not parse: read as NaN. Never a usable run. */
            NOT_A_NUMBER
        }
    }

    /**
     * A parsed state and the {@link Issue}s found on the way.
     *
     * @param state  what Playground's page would load
     * @param issues in the order of the hash
     */
    public record Reading(PlaygroundState state, List<Issue> issues) {
        /** Copies the list. */
        public Reading {
            issues = List.copyOf(issues);
        }
    }

    /** The keys Playground reads (besides {@code <control>_hide}). */
    public static final Set<String> KEYS = Set.of("activation", "regularization", "batchSize", "dataset", "regDataset",
            "learningRate", "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
            "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY", "collectStats",
            "tutorial", "problem", "initZero", "hideText");

    /**
     * Parses as {@link #parse(String)} and reports every key or value that the page would ignore or read
     * as something else than written ({@link Issue}).
     */
    public static Reading read(String urlOrHash) {
        int hashAt = urlOrHash.indexOf('#');
        String hash = hashAt >= 0 ? urlOrHash.substring(hashAt + 1) : (urlOrHash.contains("://") ? "" : urlOrHash);
        Map<String, String> map = new LinkedHashMap<>();
        for (String keyValue : hash.split("&", -1)) {
            String[] parts = keyValue.split("=", -1);
            map.put(parts[0], parts.length > 1 ? parts[1] : null);
        }
        List<Issue> issues = new ArrayList<>();
        map.forEach((k, v) -> {
            if (!k.isEmpty() && !KEYS.contains(k) && !k.endsWith("_hide")) {
                issues.add(new Issue(k, v, Issue.Kind.UNKNOWN_KEY, "unknown key '" + k + "' (ignored); Playground reads "
                        + new java.util.TreeSet<>(KEYS) + " and <control>_hide"));
            }
        });
        Reader r = new Reader(map, issues);
        PlaygroundState d = defaults("");
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        for (Feature f : Feature.values()) {
            if (r.bool(f.id(), d.features().contains(f))) {
                features.add(f);
            }
        }
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k.endsWith("_hide")) {
                hidden.put(k, "true".equals(v));
            }
        });
        String problem = r.object("problem", List.of("classification", "regression"), "classification");
        String regularization = r.object("regularization", List.of("none", "L1", "L2"), "none");
        PlaygroundState state = new PlaygroundState(
                PlaygroundActivation.ofId(r.object("activation", ACTIVATION_IDS, "tanh")),
                regularization.equals("none") ? Regularization.NONE : Regularization.valueOf(regularization),
                r.number("batchSize", d.batchSize()),
                DatasetKind.ofId(r.object("dataset", List.of("circle", "xor", "gauss", "spiral"), "circle")),
                DatasetKind.ofId(r.object("regDataset", List.of("reg-plane", "reg-gauss"), "reg-plane")),
                r.number("learningRate", d.learningRate()), r.number("regularizationRate", d.regularizationRate()),
                r.number("noise", d.noise()), r.numbers("networkShape", d.networkShape()), r.string("seed", ""),
                r.bool("showTestData", false), r.bool("discretize", false), r.number("percTrainData", 50), features,
                r.bool("cosX", false), r.bool("cosY", false), r.bool("collectStats", false), r.string("tutorial", ""),
                problem.equals("regression"), r.bool("initZero", false), r.bool("hideText", false), hidden);
        return new Reading(state, issues);
    }

    /** The hash Playground writes for this state (without the {@code #}), keys in Playground's order. */
    public String toHash() {
        StringJoiner j = new StringJoiner("&");
        j.add("activation=" + activation.id());
        if (regularization != Regularization.NONE) {
            j.add("regularization=" + regularization.name());
        }
        j.add("batchSize=" + JsNumbers.format(batchSize));
        j.add("dataset=" + dataset.id());
        j.add("regDataset=" + regDataset.id());
        j.add("learningRate=" + JsNumbers.format(learningRate));
        j.add("regularizationRate=" + JsNumbers.format(regularizationRate));
        j.add("noise=" + JsNumbers.format(noise));
        StringJoiner shape = new StringJoiner(",");
        networkShape.forEach(v -> shape.add(JsNumbers.format(v)));
        j.add("networkShape=" + shape);
        j.add("seed=" + seed);
        j.add("showTestData=" + showTestData);
        j.add("discretize=" + discretize);
        j.add("percTrainData=" + JsNumbers.format(percTrainData));
        j.add("x=" + features.contains(Feature.X));
        j.add("y=" + features.contains(Feature.Y));
        j.add("xTimesY=" + features.contains(Feature.X_TIMES_Y));
        j.add("xSquared=" + features.contains(Feature.X_SQUARED));
        j.add("ySquared=" + features.contains(Feature.Y_SQUARED));
        j.add("cosX=" + cosX);
        j.add("sinX=" + features.contains(Feature.SIN_X));
        j.add("cosY=" + cosY);
        j.add("sinY=" + features.contains(Feature.SIN_Y));
        j.add("collectStats=" + collectStats);
        if (!tutorial.isEmpty()) {
            j.add("tutorial=" + tutorial);
        }
        j.add("problem=" + (regression ? "regression" : "classification"));
        j.add("initZero=" + initZero);
        j.add("hideText=" + hideText);
        hidden.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** Playground's URL for this state. */
    public String toUrl() {
        return SITE + "#" + toHash();
    }

    /** The same state with another seed. */
    public PlaygroundState withSeed(String newSeed) {
        return new PlaygroundState(activation, regularization, batchSize, dataset, regDataset, learningRate,
                regularizationRate, noise, networkShape, newSeed, showTestData, discretize, percTrainData, features,
                cosX, cosY, collectStats, tutorial, regression, initZero, hideText, hidden);
    }

    /** The same state with another learning rate. */
    public PlaygroundState withLearningRate(double rate) {
        return new PlaygroundState(activation, regularization, batchSize, dataset, regDataset, rate,
                regularizationRate, noise, networkShape, seed, showTestData, discretize, percTrainData, features,
                cosX, cosY, collectStats, tutorial, regression, initZero, hideText, hidden);
    }

    /** The same state with another regularization and rate. */
    public PlaygroundState withRegularization(Regularization newRegularization, double rate) {
        return new PlaygroundState(activation, newRegularization, batchSize, dataset, regDataset, learningRate,
                rate, noise, networkShape, seed, showTestData, discretize, percTrainData, features,
                cosX, cosY, collectStats, tutorial, regression, initZero, hideText, hidden);
    }

    /** The same state with other display settings (test points shown, heatmaps discretized). */
    public PlaygroundState withDisplay(boolean newShowTestData, boolean newDiscretize) {
        return new PlaygroundState(activation, regularization, batchSize, dataset, regDataset, learningRate,
                regularizationRate, noise, networkShape, seed, newShowTestData, newDiscretize, percTrainData, features,
                cosX, cosY, collectStats, tutorial, regression, initZero, hideText, hidden);
    }

    /** The enabled features in Playground's input order. */
    public List<Feature> inputs() {
        return new ArrayList<>(features);
    }

    /** Playground's reading rules over the split hash, noting what they ignore or change. */
    private record Reader(Map<String, String> map, List<Issue> issues) {
        boolean has(String key) {
            String v = map.get(key);
            return v != null && !v.strip().isEmpty();
        }

        boolean bool(String key, boolean fallback) {
            if (!has(key)) {
                return fallback;
            }
            String v = map.get(key);
            if (!v.equals("true") && !v.equals("false")) {
                issues.add(new Issue(key, v, Issue.Kind.NOT_A_BOOLEAN, key + "=" + v
                        + " is read as true (Playground reads anything but 'false' as true); write true or false"));
            }
            return !v.equals("false");
        }

        double number(String key, double fallback) {
            return has(key) ? checked(key, map.get(key), map.get(key)) : fallback;
        }

        private double checked(String key, String part, String whole) {
            double v = JsNumbers.parse(part);
            if (Double.isNaN(v)) {
                issues.add(new Issue(key, whole, Issue.Kind.NOT_A_NUMBER, key + "=" + whole + ": '" + part
                        + "' is not a number"));
            }
            return v;
        }

        String string(String key, String fallback) {
            return has(key) ? map.get(key) : fallback;
        }

        String object(String key, List<String> valid, String fallback) {
            if (!has(key)) {
                return fallback;
            }
            if (!valid.contains(map.get(key))) {
                issues.add(new Issue(key, map.get(key), Issue.Kind.UNKNOWN_VALUE, key + "=" + map.get(key)
                        + " is not one of " + valid + " (Playground uses " + fallback + ")"));
                return fallback;
            }
            return map.get(key);
        }

        List<Double> numbers(String key, List<Double> fallback) {
            if (!map.containsKey(key)) {
                return fallback;
            }
            String v = map.get(key) == null ? "" : map.get(key);
            List<Double> out = new ArrayList<>();
            if (!v.isEmpty()) {
                for (String part : v.split(",", -1)) {
                    out.add(checked(key, part, v));
                }
            }
            return out;
        }
    }
}
