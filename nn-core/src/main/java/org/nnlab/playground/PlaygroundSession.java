package org.nnlab.playground;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

import org.nnlab.core.Checks;
import org.nnlab.core.Memory;
import org.nnlab.core.OneThread;
import org.nnlab.core.Rng;
import org.nnlab.nn.UpdateRule;
import org.nnlab.core.Compute;
import org.nnlab.core.ProgressListener;
import org.nnlab.core.io.CsvWriter;

/**
 * TensorFlow Playground's page logic without the page: a {@link PlaygroundState} becomes data and a
 * network exactly as at page load (seed, data, shuffle, split, then weights from the same stream), and
 * {@link #step()} runs one epoch and the two losses, as one animation frame does.
 *
 * <p>The learning rate and the regularization can change between steps without a reset (Playground
 * resets on a regularization change; here it is allowed, as users asked, PR #139). A step that leaves a
 * loss or a parameter NaN or infinite marks the session {@link #diverged()}; later steps do nothing.
 * Nothing throws mid-run: the only exceptions are the validation errors of {@link #load}.
 *
 * <p>Not thread-safe: one thread at a time. A step, reset or regeneration entered by a second thread while
 * another is inside fails fast with a {@link java.util.ConcurrentModificationException} (before, eight
 * threads sharing a session silently lost epochs). Independent sessions on separate threads are fine and
 * give bitwise the results of sequential runs.
 */
public final class PlaygroundSession {
    /** Refused up front: a network with more links than this would not fit in memory as doubles. */
    public static final long MAX_LINKS = 50_000_000L;

    private final OneThread guard = new OneThread("PlaygroundSession");
    private final List<EpochStats> history = new ArrayList<>();
    private PlaygroundState state;
    private SeedRandom rng;
    private List<Example> train;
    private List<Example> test;
    private double[][] trainInputs;
    private double[][] testInputs;
    private PlaygroundNetwork network;
    private int epoch;
    private boolean diverged;
    private boolean ownData;
    private int classes = 1;                   // 1: Playground's single output node
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private UpdateRule rule = UpdateRule.sgd();
    private double dropout;
    private OptionsEngine options;             // the shared engine, when an option beyond Playground is on

    private PlaygroundSession(PlaygroundState state) {
        this.state = state;
    }

    /**
     * The session a Playground URL with this state opens: data from {@code Math.seedrandom(seed)}, then
     * the network's weights from the same stream.
     *
     * @throws IllegalArgumentException if the seed is empty, a hidden layer size is infinite or the
     *                                  network would exceed {@link #MAX_LINKS} links, or percTrainData leaves
     *                                  no training example
     */
    public static PlaygroundSession load(PlaygroundState state) {
        Checks.requireArgument(!state.seed().isEmpty(),
                "PlaygroundSession: the state has no seed; give one with state.withSeed(...)");
        hiddenSizes(state);            // validate before any work
        int n = state.regression() ? Datasets.REGRESS_SAMPLES : Datasets.CLASSIFY_SAMPLES;
        Checks.requireArgument(sliceIndex(Math.floor(n * state.percTrainData() / 100), n) > 0,
                "PlaygroundSession: percTrainData %s leaves none of the %d points for training; it must be in (0, 100]",
                JsNumbers.format(state.percTrainData()), n);
        PlaygroundSession s = new PlaygroundSession(state);
        s.generateData(state.seed());
        s.reset();
        return s;
    }

    /**
     * A session on your own points instead of a generated data set: the state's network, features and
     * training settings apply; its data set, noise and split are ignored. The weights come from
     * {@code SeedRandom.of(seed)}, so the same seed gives the same initial network.
     *
     * @throws IllegalArgumentException if the seed is empty, the training set is empty, a point is not
     *                                  finite, or the network is invalid (as for {@link #load})
     */
    public static PlaygroundSession withData(PlaygroundState state, List<Example> train, List<Example> test) {
        return ownData(state, train, test, 1);
    }

    /**
     * A multi-class session on your own points (not in Playground, issues #68, #175): labels are class
     * indices 0..classes-1, the output is a softmax over one node per class, the loss cross-entropy.
     * The state's network, features and training settings apply.
     *
     * @throws IllegalArgumentException as {@link #withData}, or for a label that is not an integer in range
     */
    public static PlaygroundSession withClasses(PlaygroundState state, List<Example> train, List<Example> test,
                                                int classes) {
        Checks.requireArgument(classes >= 2, "PlaygroundSession.withClasses: classes must be >= 2, got %d", classes);
        for (List<Example> set : List.of(train, test)) {
            for (int i = 0; i < set.size(); i++) {
                double label = set.get(i).label();
                Checks.requireArgument(label == Math.rint(label) && label >= 0 && label < classes,
                        "PlaygroundSession.withClasses: %s point %d has label %s; labels must be 0..%d",
                        set == train ? "train" : "test", i, label, classes - 1);
            }
        }
        return ownData(state, train, test, classes);
    }

    /** A session on the caller's points; weights from SeedRandom.of(seed); classes 1 = Playground's output. */
    private static PlaygroundSession ownData(PlaygroundState state, List<Example> train, List<Example> test,
                                             int classes) {
        Checks.requireArgument(!state.seed().isEmpty(),
                "PlaygroundSession: the state has no seed; give one with state.withSeed(...)");
        Checks.requireArgument(!train.isEmpty(), "PlaygroundSession.withData: the training set is empty");
        requireFinite("train", train);
        requireFinite("test", test);
        hiddenSizes(state);
        PlaygroundSession s = new PlaygroundSession(state);
        s.rng = SeedRandom.of(state.seed());
        s.ownData = true;
        s.classes = classes;
        s.useData(train, test);
        s.reset();
        return s;
    }

    private static void requireFinite(String which, List<Example> points) {
        for (int i = 0; i < points.size(); i++) {
            Example e = points.get(i);
            Checks.requireArgument(Double.isFinite(e.x()) && Double.isFinite(e.y()) && Double.isFinite(e.label()),
                    "PlaygroundSession.withData: %s point %d is not finite: %s", which, i, e);
        }
    }

    /**
     * The memory a network of these sizes needs, in bytes: per link its weight, accumulated derivative and dead
     * flag (17 bytes); per neuron six doubles of state and its row of the batched loss pass over up to 500
     * examples (4,048 bytes).
     */
    static long bytes(long links, long neurons) {
        return links * 17 + neurons * (6 * 8 + 500 * 8);
    }

    private static String shapeText(List<Double> shape) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        shape.forEach(v -> j.add(JsNumbers.format(v)));
        return j.toString();
    }

    /**
     * The hidden layer sizes as Playground's loops read them: ceil(v) nodes for v > 0, else 0.
     *
     * @throws IllegalArgumentException for an infinite size, too many links or neurons, or more memory than
     *                                  {@link org.nnlab.core.Memory#budget()}
     */
    static int[] hiddenSizes(PlaygroundState state) {
        int[] sizes = new int[state.networkShape().size()];
        long links = 0;
        long neurons = 0;
        int prev = state.features().size();
        for (int i = 0; i < sizes.length; i++) {
            double v = state.networkShape().get(i);
            Checks.requireArgument(!Double.isInfinite(v), "PlaygroundSession: networkShape[%d] must be finite, got %s",
                    i, JsNumbers.format(v));
            sizes[i] = v > 0 ? (int) Math.min(Math.ceil(v), Integer.MAX_VALUE) : 0;
            links += (long) prev * sizes[i];
            neurons += sizes[i];
            prev = sizes[i];
            // neurons cost memory even without links (a layer after zero features), so both are capped
            Checks.requireArgument(links <= MAX_LINKS && neurons <= MAX_LINKS,
                    "PlaygroundSession: networkShape %s needs more than %d links or neurons", state.networkShape(),
                    MAX_LINKS);
        }
        Memory.require(bytes(links, neurons), "PlaygroundSession: networkShape "
                + shapeText(state.networkShape()) + " with " + state.features().size() + " features (" + String.format(
                java.util.Locale.ROOT, "%,d", links) + " links)");
        return sizes;
    }

    private void generateData(String seed) {
        rng = SeedRandom.of(seed);
        int n = state.regression() ? Datasets.REGRESS_SAMPLES : Datasets.CLASSIFY_SAMPLES;
        DatasetKind kind = state.regression() ? state.regDataset() : state.dataset();
        List<Example> data = new ArrayList<>(Datasets.generate(kind, rng, n, state.noise() / 100));
        Datasets.shuffle(data, rng);
        int split = sliceIndex(Math.floor(data.size() * state.percTrainData() / 100), data.size());
        useData(data.subList(0, split), data.subList(split, data.size()));
    }

    private void useData(List<Example> trainPoints, List<Example> testPoints) {
        train = Collections.unmodifiableList(new ArrayList<>(trainPoints));
        test = Collections.unmodifiableList(new ArrayList<>(testPoints));
        trainInputs = PlaygroundEngine.inputs(state.inputs(), train);
        testInputs = PlaygroundEngine.inputs(state.inputs(), test);
    }

    /** JavaScript's {@code slice} end index: NaN is 0, negatives count from the end, clamped to the length. */
    private static int sliceIndex(double v, int length) {
        if (Double.isNaN(v)) {
            return 0;
        }
        if (v < 0) {
            return (int) Math.max(0, length + v);
        }
        return (int) Math.min(v, length);
    }

    /** A new network (weights drawn from wherever the stream is), epoch 0, history cleared. Data unchanged. */
    public void reset() {
        guard.enter();
        try {
            PlaygroundActivation out = state.regression() ? PlaygroundActivation.LINEAR : PlaygroundActivation.TANH;
            network = classes > 1
                    ? PlaygroundNetwork.classifier(state.features().size(), hiddenSizes(state), state.activation(), classes, rng,
                            state.initZero())
                    : PlaygroundNetwork.build(state.features().size(), hiddenSizes(state), state.activation(), out, rng,
                            state.initZero());
            options = null;
            useOptions();
            epoch = 0;
            diverged = false;
            history.clear();
            recordLosses();
        } finally {
            guard.exit();
        }
    }

    /**
     * Playground's "Regenerate": a new seed drawn from the stream ({@code toFixed(5)}), new points from
     * it; the weights stay and training continues on the new points.
     *
     * @throws IllegalStateException for a session on your own data ({@link #withData})
     */
    public void regenerate() {
        guard.enter();
        try {
            Checks.requireState(!ownData, "regenerate: this session trains on your own data; there is nothing to regenerate");
            String seed = rng.nextSeedString();
            state = state.withSeed(seed);
            generateData(seed);
        } finally {
            guard.exit();
        }
    }

    /** One epoch and both losses; does nothing once the session has diverged. */
    public EpochStats step() {
        guard.enter();
        try {
            if (!diverged) {
                double lr = schedule.rate(epoch + 1, state.learningRate());
                if (options != null) {
                    options.epoch(trainInputs, train, state.batchSize(), lr, state.regularization(),
                            state.regularizationRate());
                } else {
                    PlaygroundEngine.epoch(network, trainInputs, train, state.batchSize(), lr, state.regularization(),
                            state.regularizationRate());
                }
                epoch++;
                recordLosses();
            }
            return last();
        } finally {
            guard.exit();
        }
    }

    /**
     * Steps until {@code done} holds for the latest losses (checked after each epoch), training diverges,
     * or {@code maxEpochs} epochs have run; returns the latest losses.
     *
     * @throws IllegalArgumentException if maxEpochs is negative
     */
    public EpochStats stepUntil(java.util.function.Predicate<EpochStats> done, int maxEpochs) {
        Checks.requireArgument(maxEpochs >= 0, "PlaygroundSession.stepUntil: maxEpochs must be >= 0, got %d", maxEpochs);
        for (int i = 0; i < maxEpochs && !diverged && !done.test(last()); i++) {
            step();
        }
        return last();
    }

    /** Training and test accuracy now: the share of points on the right side of 0 (classification only). */
    public double[] accuracy() {
        if (classes > 1) {
            return new double[] {options.classAccuracy(trainInputs, train), options.classAccuracy(testInputs, test)};
        }
        return new double[] {PlaygroundEngine.accuracy(network, trainInputs, train),
                PlaygroundEngine.accuracy(network, testInputs, test)};
    }

    /** The run so far: the state hash, seed, epochs, losses (and accuracy for classification), kernels. */
    public org.nnlab.nn.RunRecord record() {
        java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put("trainLoss", last().trainLoss());
        metrics.put("testLoss", last().testLoss());
        if (!state.regression()) {
            double[] acc = accuracy();
            metrics.put("trainAccuracy", acc[0]);
            metrics.put("testAccuracy", acc[1]);
        }
        return org.nnlab.nn.RunRecord.of("playground", state.toHash(), state.seed(), epoch, metrics, diverged);
    }

    /** {@code epochs} steps, stopping early on divergence. */
    public EpochStats step(int epochs) {
        return step(epochs, ProgressListener.NONE);
    }

    /**
     * {@code epochs} steps, stopping early on divergence, telling {@code listener} after each (epochs done of
     * {@code epochs}); between two calls the listener may read the session ({@link #last()}, {@link #epoch()}).
     */
    public EpochStats step(int epochs, ProgressListener listener) {
        Checks.requireArgument(epochs >= 0, "PlaygroundSession.step: epochs must be >= 0, got %d", epochs);
        for (int i = 0; i < epochs && !diverged; i++) {
            step();
            Compute.progress(i + 1, epochs);
            listener.progress(i + 1, epochs);
        }
        return last();
    }

    private void recordLosses() {
        EpochStats stats = classes > 1
                ? new EpochStats(epoch, options.crossEntropy(trainInputs, train), options.crossEntropy(testInputs, test))
                : new EpochStats(epoch, PlaygroundEngine.loss(network, trainInputs, train),
                        PlaygroundEngine.loss(network, testInputs, test));
        history.add(stats);
        // empty sets report NaN losses in Playground too; divergence is about the parameters and real losses
        boolean lossesBroke = (!train.isEmpty() && !Double.isFinite(stats.trainLoss()))
                || (!test.isEmpty() && !Double.isFinite(stats.testLoss()));
        diverged = diverged || lossesBroke || !network.isFinite();
    }

    /** Sets the learning-rate schedule from the next epoch on (default: Playground's constant rate). */
    public void setLearningRateSchedule(LearningRateSchedule newSchedule) {
        schedule = newSchedule;
    }

    /**
     * Sets inverted dropout on the hidden nodes for training passes (0 = off, Playground's behaviour); training
     * then runs on the shared engine ({@link org.nnlab.nn.dense.DenseStack}), whose masks come from a generator
     * seeded by {@code SeedRandom.of(seed + "/dropout")}, so the run stays reproducible. Losses, accuracy and
     * heatmaps are computed without dropout. It survives resets; the optimizer's state restarts.
     *
     * @throws IllegalArgumentException if p is outside [0, 1)
     */
    public void setDropout(double p) {
        Checks.requireArgument(p >= 0 && p < 1, "PlaygroundSession.setDropout: p must be in [0, 1), got %s", p);
        guard.enter();
        try {
            dropout = p;
            useOptions();
        } finally {
            guard.exit();
        }
    }

    /**
     * Sets the update rule from the next update on; it survives resets. {@link UpdateRule#sgd()} is Playground's
     * exact rule; any other (momentum, Adam, Adadelta) runs on the shared engine with fresh optimizer state, the
     * regularization step and L1's dead links applied after the optimizer's step as Playground applies them.
     */
    public void setUpdateRule(UpdateRule newRule) {
        Checks.requireArgument(newRule != null, "PlaygroundSession.setUpdateRule: the rule must not be null");
        guard.enter();
        try {
            rule = newRule;
            useOptions();
        } finally {
            guard.exit();
        }
    }

    /** The update rule in use. */
    public UpdateRule updateRule() {
        return rule;
    }

    /** The engine for the current settings: Playground's exact one, or the shared one from the current weights. */
    private void useOptions() {
        options = OptionsEngine.needed(rule, dropout, classes)
                ? new OptionsEngine(network, rule, dropout, dropoutRng(), train.size() + test.size())
                : null;
    }

    private Rng dropoutRng() {
        return Rng.seeded(Double.doubleToLongBits(SeedRandom.of(state.seed() + "/dropout").nextDouble()));
    }

    /** Changes the learning rate from the next update on, without a reset (Playground's PR #6). */
    public void setLearningRate(double learningRate) {
        state = state.withLearningRate(learningRate);
    }

    /** Changes the regularization and its rate from the next update on, without a reset. */
    public void setRegularization(Regularization regularization, double rate) {
        state = state.withRegularization(regularization, rate);
    }

    /** Shows or hides the test points and discretizes the heatmaps or not; training is unchanged (as on the page). */
    public void setDisplay(boolean showTestData, boolean discretize) {
        state = state.withDisplay(showTestData, discretize);
    }

    /**
     * Whether the session trains on data a program gave it ({@link #withData}, {@link #withClasses}) rather than
     * on the points its state generates; such a session cannot regenerate or reload its data from a state.
     */
    public boolean ownData() {
        return ownData;
    }

    /** The current state (its seed changes on {@link #regenerate()}, its rates on the setters). */
    public PlaygroundState state() {
        return state;
    }

    /** The training points, in Playground's order. */
    public List<Example> trainData() {
        return train;
    }

    /** The test points, in Playground's order. */
    public List<Example> testData() {
        return test;
    }

    /** The live network. */
    public PlaygroundNetwork network() {
        return network;
    }

    /** Epochs since the last reset. */
    public int epoch() {
        return epoch;
    }

    /** Whether training produced NaN or infinity; a diverged session does not train further. */
    public boolean diverged() {
        return diverged;
    }

    /** The number of classes: 1 for Playground's single output (square error), more for softmax. */
    public int classes() {
        return classes;
    }

    /** The losses at reset (epoch 0) and after every epoch since. */
    public List<EpochStats> history() {
        return Collections.unmodifiableList(history);
    }

    /**
     * The loss history as CSV ({@link CsvWriter}): a header {@code epoch,trainLoss,testLoss}, then one row per
     * {@link #history()} entry, epoch 0 (the losses at reset) first; the losses of a diverged epoch are
     * {@code NaN} or {@code inf}.
     *
     * @throws java.io.UncheckedIOException if {@code out} fails
     */
    public void writeHistoryCsv(Appendable out) {
        CsvWriter csv = CsvWriter.to(out).header("epoch", "trainLoss", "testLoss");
        for (EpochStats s : history) {
            csv.cell(s.epoch()).cell(s.trainLoss()).cell(s.testLoss()).endRow();
        }
    }

    /** The latest losses. */
    public EpochStats last() {
        return history.get(history.size() - 1);
    }

    @Override
    public String toString() {
        EpochStats s = last();
        return String.format(java.util.Locale.ROOT, "PlaygroundSession[epoch=%d, trainLoss=%.3f, testLoss=%.3f%s, seed=%s]",
                s.epoch(), s.trainLoss(), s.testLoss(), diverged ? ", diverged" : "", state.seed());
    }
}
