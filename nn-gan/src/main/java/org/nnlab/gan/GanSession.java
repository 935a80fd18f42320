package org.nnlab.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nnlab.core.Checks;
import org.nnlab.core.OneThread;
import org.nnlab.core.Memory;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.io.Json;
import org.nnlab.core.io.JsonWriter;
import org.nnlab.nn.AbstractOptimizer;
import org.nnlab.nn.UpdateRule;
import org.nnlab.nn.dense.DenseStack;
import org.nnlab.core.Compute;
import org.nnlab.core.ProgressListener;

/**
 * One GAN Lab experiment: a real distribution, its 12,000-sample atlas, a noise atlas, a generator and
 * a discriminator with their optimizers, and the epoch counter (spec 2.f).
 *
 * <p>An {@link #epoch()} is kD discriminator updates, each on the next real batch and the next noise
 * batch (noise taken first), then kG generator updates, each on the next noise batch; batches are
 * consecutive slices of the atlases (one counter for real data, one shared by both networks for noise),
 * with no extra draws for the pictures. {@link #stepDiscriminator()} and {@link #stepGenerator()} are
 * GAN Lab's step buttons (one update, one epoch on the counter) and return the update's five phases as
 * data. {@link #frame()} computes everything the views show.
 *
 * <pre>{@code
 * GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(7));
 * s.train(2000);
 * GanFrame f = s.frame();            // D heatmap, manifold, fixed fakes, dD/dx, KL and JS
 * }</pre>
 *
 * <p>A run that diverges (a NaN or infinite parameter, or a NaN loss) is flagged by {@link #diverged()};
 * training goes on without throwing, and the pictures draw NaN in grey.
 *
 * <p>Not thread-safe: one thread at a time. Training, the step buttons, {@link #apply}, {@link #frame()} and
 * {@link #setWeights} entered by a second thread while another is inside fail fast with a
 * {@link java.util.ConcurrentModificationException} (they share reused buffers; before, a shared session threw
 * {@code ArrayIndexOutOfBoundsException}). Independent sessions on separate threads are fine.
 */
public final class GanSession {
    private final RealData data;
    private final Rng rng;
    private GanConfig config;
    private DenseStack generator;
    private DenseStack discriminator;
    private Atlas real;
    private Atlas noise;
    private AbstractOptimizer dOptimizer;
    private AbstractOptimizer gOptimizer;
    private long epoch;
    private boolean diverged;
    private final OneThread guard = new OneThread("GanSession");
    private final List<EpochLosses> history = new ArrayList<>();
    private Buffers buffers;

    private GanSession(RealData data, GanConfig config, Rng rng, Atlas real, Atlas noise) {
        Memory.require(bytes(config), "GanSession: G " + (config.gLayers() + 1) + " x " + config.gNeurons() + ", D "
                + (config.dLayers() + 1) + " x " + config.dNeurons() + ", batch " + config.batch());
        this.data = data;
        this.config = config;
        this.rng = rng;
        start(real, noise);
    }

    /**
     * The memory a session of this configuration needs, in bytes, estimated before anything is allocated:
     * per parameter its value, gradient, Adam's two moments and the matrix products' double copy (24 bytes);
     * per neuron its activation and delta in float and in double (24 bytes: the row-major layout's double copies,
     * or the feature-major layout's columns) for each row of the passes, which hold up to 4·batch rows in training and
     * the visualisation's 900 cells, 441 manifold corners and 150 fixed fakes.
     */
    public static long bytes(GanConfig config) {
        long rows = 4L * config.batch() + 900 + 441 + 150;
        long total = 0;
        int[][] nets = {
            {config.noise().size(), config.gLayers() + 1, config.gNeurons(), 2},
            {2, config.dLayers() + 1, config.dNeurons(), 1}};
        for (int[] n : nets) {
            long hidden = n[1];
            long width = n[2];
            long params = (n[0] + 1) * width + (hidden - 1) * (width + 1) * width + (width + 1) * n[3];
            long neurons = n[0] + hidden * width + n[3];
            total += Memory.times(params, 24) + Memory.times(Memory.times(neurons, rows), 24);
        }
        return total < 0 ? Long.MAX_VALUE : total;
    }

    /**
     * A new experiment: weights drawn by GAN Lab's initialisation, a 12,000-sample real atlas and a 12,000
     * row noise atlas, all from {@code rng} (the same seed gives bitwise the same run).
     *
     * @throws IllegalArgumentException if the session would need more memory than {@link Memory#budget()}
     *                                  ({@link #bytes(GanConfig)})
     */
    public static GanSession create(RealData data, GanConfig config, Rng rng) {
        return new GanSession(data, config, rng, null, null);
    }

    /**
     * An experiment on given atlases (as {@code nnlab ganlab --real --noise}): batches are their
     * consecutive rows in order; weights are still drawn from {@code rng} unless set with
     * {@link #setWeights}.
     *
     * @throws IllegalArgumentException if the real atlas is not 2 wide or the noise atlas not as wide as
     *                                  the noise type
     */
    public static GanSession withAtlases(RealData data, GanConfig config, Atlas real, Atlas noise, Rng rng) {
        Checks.requireArgument(real.cols() == 2, "GanSession: the real atlas has %d columns, needs 2", real.cols());
        Checks.requireArgument(noise.cols() == config.noise().size(), "GanSession: the noise atlas has %d columns, %s needs %d",
                noise.cols(), config.noise().label(), config.noise().size());
        return new GanSession(data, config, rng, real, noise);
    }

    private void start(Atlas givenReal, Atlas givenNoise) {
        Rng weights = rng.split();
        Rng atlases = rng.split();
        int noiseSize = config.noise().size();
        generator = GanNetworks.generator(config, weights);
        discriminator = GanNetworks.discriminator(config, weights);
        real = givenReal != null ? givenReal : new Atlas(data.sample(atlases, Atlas.ROWS), Atlas.ROWS, 2);
        noise = givenNoise != null ? givenNoise
                : new Atlas(config.noise().sample(atlases, Atlas.ROWS), Atlas.ROWS, noiseSize);
        dOptimizer = newOptimizer(config.dRule(), discriminator, config.dLearningRate());
        gOptimizer = newOptimizer(config.gRule(), generator, config.gLearningRate());
        epoch = 0;
        diverged = false;
        history.clear();
        buffers = new Buffers(config.batch(), noiseSize, generator, discriminator);
    }

    /** A fresh optimizer for {@code net}. */
    private static AbstractOptimizer newOptimizer(UpdateRule rule, DenseStack net, double lr) {
        return rule.create(net.parameterCount(), lr);
    }

    /**
     * Changes the hyperparameters (spec 2.j). Learning rates, optimizers, loss and k change between epochs
     * without a reset (a changed optimizer or learning rate starts a new optimizer, so Adam's moments
     * restart, as GAN Lab's {@code updateOptimizer} does); a changed noise type, network shape or batch
     * resets: new weights and atlases from the session's generator, epoch 0.
     *
     * @return whether the session was reset
     * @throws IllegalArgumentException if a reset would need more memory than {@link Memory#budget()}; the
     *                                  session is unchanged
     */
    public boolean apply(GanConfig next) {
        guard.enter();
        try {
            GanConfig before = config;
            if (before.structurallyDiffers(next)) {                 // refused before anything changes
                Memory.require(bytes(next), "GanSession.apply: G " + (next.gLayers() + 1) + " x " + next.gNeurons()
                        + ", D " + (next.dLayers() + 1) + " x " + next.dNeurons() + ", batch " + next.batch());
            }
            config = next;
            if (before.structurallyDiffers(next)) {
                start(null, null);
                return true;
            }
            if (before.dOptimizer() != next.dOptimizer() || before.dLearningRate() != next.dLearningRate()
                    || before.beta1() != next.beta1() || before.beta2() != next.beta2() || before.epsilon() != next.epsilon()) {
                dOptimizer = newOptimizer(next.dRule(), discriminator, next.dLearningRate());
            }
            if (before.gOptimizer() != next.gOptimizer() || before.gLearningRate() != next.gLearningRate()
                    || before.beta1() != next.beta1() || before.beta2() != next.beta2() || before.epsilon() != next.epsilon()) {
                gOptimizer = newOptimizer(next.gRule(), generator, next.gLearningRate());
            }
            return false;
        } finally {
            guard.exit();
        }
    }

    /**
     * GAN Lab's reset button: new weights and new atlases drawn from the session's generator, fresh optimizers,
     * epoch 0 and an empty history; the data and the configuration stay.
     */
    public void reset() {
        guard.enter();
        try {
            start(null, null);
        } finally {
            guard.exit();
        }
    }

    /**
     * A new experiment on other data (GAN Lab's distribution menu, or a drawing) whose draws come from a
     * generator split from this session's, so that the same seed and the same choices give bitwise the same
     * runs; this session is left as it is.
     *
     * @throws IllegalArgumentException as {@link #create} does
     */
    public GanSession withData(RealData newData, GanConfig newConfig) {
        guard.enter();
        try {
            return new GanSession(newData, newConfig, rng.split(), null, null);
        } finally {
            guard.exit();
        }
    }

    // ------------------------------------------------------------------ training

    /** The epoch's losses: each D and G step's loss, evaluated before that step's update. */
    public record EpochLosses(long epoch, double[] dSteps, double[] gSteps) {
        /** L_D of the epoch's last D step (NaN if it had none). */
        public double dLoss() {
            return dSteps.length == 0 ? Double.NaN : dSteps[dSteps.length - 1];
        }

        /** L_G of the epoch's last G step (NaN if it had none). */
        public double gLoss() {
            return gSteps.length == 0 ? Double.NaN : gSteps[gSteps.length - 1];
        }

        /** What GAN Lab displays for D: L_D / 2. */
        public double displayedDLoss() {
            return dLoss() / 2;
        }
    }

    /** One epoch: kD discriminator updates, then kG generator updates. */
    public EpochLosses epoch() {
        return run(config.kD(), config.kG());
    }

    /** {@code epochs} epochs; returns the last one's statistics. */
    public EpochLosses train(int epochs) {
        return train(epochs, ProgressListener.NONE);
    }

    /**
     * {@code epochs} epochs, telling {@code listener} after each (epochs done of {@code epochs}); between two calls
     * the listener may read the session ({@link #history()}, {@link #frame()}). Returns the last one's statistics.
     */
    public EpochLosses train(int epochs, ProgressListener listener) {
        Checks.requireArgument(epochs >= 1, "GanSession.train: epochs must be >= 1, got %d", epochs);
        EpochLosses last = null;
        for (int i = 0; i < epochs; i++) {
            last = epoch();
            Compute.progress(i + 1, epochs);
            listener.progress(i + 1, epochs);
        }
        return last;
    }

    private EpochLosses run(int dSteps, int gSteps) {
        guard.enter();
        try {
            double[] d = new double[dSteps];
            double[] g = new double[gSteps];
            for (int i = 0; i < dSteps; i++) {
                d[i] = discriminatorUpdate(null);
            }
            for (int i = 0; i < gSteps; i++) {
                g[i] = generatorUpdate(null);
            }
            epoch++;
            EpochLosses stats = new EpochLosses(epoch, d, g);
            history.add(stats);
            return stats;
        } finally {
            guard.exit();
        }
    }

    /**
     * GAN Lab's "Discriminator" step button: one D update (not kD), counted as an epoch, returned as its
     * five phases: samples, predictions, loss, gradients, update.
     */
    public StepTrace stepDiscriminator() {
        guard.enter();
        try {
            StepTrace.Builder trace = new StepTrace.Builder(StepTrace.Network.DISCRIMINATOR);
            double loss = discriminatorUpdate(trace);
            epoch++;
            history.add(new EpochLosses(epoch, new double[] {loss}, new double[0]));
            return trace.build();
        } finally {
            guard.exit();
        }
    }

    /** GAN Lab's "Generator" step button: one G update, counted as an epoch, as its five phases. */
    public StepTrace stepGenerator() {
        guard.enter();
        try {
            StepTrace.Builder trace = new StepTrace.Builder(StepTrace.Network.GENERATOR);
            double loss = generatorUpdate(trace);
            epoch++;
            history.add(new EpochLosses(epoch, new double[0], new double[] {loss}));
            return trace.build();
        } finally {
            guard.exit();
        }
    }

    /** One discriminator update on the next noise batch and the next real batch; returns L_D before it. */
    private double discriminatorUpdate(StepTrace.Builder trace) {
        Buffers b = buffers;
        int n = config.batch();
        noise.nextBatch(b.noise, n);
        generator.forward(b.noise, n, b.gPass);
        real.nextBatch(b.dInput, n);                                        // rows 0..n-1 real
        System.arraycopy(b.gPass.output(), 0, b.dInput, 2 * n, 2 * n);      // rows n..2n-1 fake
        if (trace != null) {
            trace.phase(StepTrace.Phase.SAMPLES, "noise", Tensor.of(Arrays.copyOf(b.noise, n * noiseSize()), n, noiseSize()),
                    "fake", Tensor.of(Arrays.copyOf(b.gPass.output(), 2 * n), n, 2),
                    "real", Tensor.of(Arrays.copyOf(b.dInput, 2 * n), n, 2));
        }
        discriminator.forward(b.dInput, 2 * n, b.dPass);
        float[] p = b.dPass.output();
        float[] pFake = b.fakePredictions;
        System.arraycopy(p, n, pFake, 0, n);
        if (trace != null) {
            trace.phase(StepTrace.Phase.PREDICTIONS, "realPredictions", Tensor.of(Arrays.copyOf(p, n), n),
                    "fakePredictions", Tensor.of(Arrays.copyOf(pFake, n), n));
        }
        float[] z = b.dPass.logits();
        float[] zFake = b.fakeLogits;
        System.arraycopy(z, n, zFake, 0, n);
        double loss = config.loss().discriminator(p, pFake, z, zFake, n, b.dDelta, b.fakeDelta);
        System.arraycopy(b.fakeDelta, 0, b.dDelta, n, n);
        if (trace != null) {
            trace.phase(StepTrace.Phase.LOSS, "loss", Tensor.scalar((float) loss));
        }
        discriminator.backward(b.dPass, b.dDelta, b.dGradients, null);
        if (trace != null) {
            trace.phase(StepTrace.Phase.GRADIENTS, layers(discriminator, b.dGradients));
        }
        discriminator.step(dOptimizer, b.dGradients);
        if (trace != null) {
            trace.phase(StepTrace.Phase.UPDATE, layers(discriminator, discriminator.parameters()));
        }
        check(loss, discriminator);
        return loss;
    }

    /** One generator update on the next noise batch, through D to G; returns L_G before it. */
    private double generatorUpdate(StepTrace.Builder trace) {
        Buffers b = buffers;
        int n = config.batch();
        noise.nextBatch(b.noise, n);
        generator.forward(b.noise, n, b.gPass);
        if (trace != null) {
            trace.phase(StepTrace.Phase.SAMPLES, "noise", Tensor.of(Arrays.copyOf(b.noise, n * noiseSize()), n, noiseSize()),
                    "fake", Tensor.of(Arrays.copyOf(b.gPass.output(), 2 * n), n, 2));
        }
        discriminator.forward(b.gPass.output(), n, b.dPass);
        float[] pFake = b.dPass.output();
        if (trace != null) {
            trace.phase(StepTrace.Phase.PREDICTIONS, "fakePredictions", Tensor.of(Arrays.copyOf(pFake, n), n));
        }
        double loss = config.loss().generator(pFake, b.dPass.logits(), n, b.dDelta);
        if (trace != null) {
            trace.phase(StepTrace.Phase.LOSS, "loss", Tensor.scalar((float) loss));
        }
        discriminator.backward(b.dPass, b.dDelta, null, b.fakeGradients);   // dL/dx at the fakes, D unchanged
        float[] fake = b.gPass.output();
        for (int i = 0; i < 2 * n; i++) {
            double y = fake[i];
            b.fakeGradients[i] = (float) (b.fakeGradients[i] * (1 - y * y));     // through G's tanh, rounded once
        }
        generator.backward(b.gPass, b.fakeGradients, b.gGradients, null);
        if (trace != null) {
            Map<String, Tensor> grads = layers(generator, b.gGradients);
            grads.put("fakeGradients", Tensor.of(Arrays.copyOf(b.fakeGradients, 2 * n), n, 2));
            trace.phase(StepTrace.Phase.GRADIENTS, grads);
        }
        generator.step(gOptimizer, b.gGradients);
        if (trace != null) {
            trace.phase(StepTrace.Phase.UPDATE, layers(generator, generator.parameters()));
        }
        check(loss, generator);
        return loss;
    }

    private void check(double loss, DenseStack updated) {
        diverged = diverged || Double.isNaN(loss) || !updated.isFinite();
    }

    /** A network's per-layer slices of a parameter-shaped array, as W1, b1, W2, b2, ... */
    private static Map<String, Tensor> layers(DenseStack net, float[] values) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.size(l - 1);
            int o = net.size(l);
            int w = net.weightOffset(l);
            int b = net.biasOffset(l);
            out.put("W" + l, Tensor.of(Arrays.copyOfRange(values, w, w + in * o), in, o));
            out.put("b" + l, Tensor.of(Arrays.copyOfRange(values, b, b + o), o));
        }
        return out;
    }

    // ------------------------------------------------------------------ state

    /** The pictures' quantities now: see {@link GanFrame}. */
    public GanFrame frame() {
        guard.enter();
        try {
            return GanFrame.of(this, false);
        } finally {
            guard.exit();
        }
    }

    /**
     * KL and JS now, as {@link #frame()} reports them (the same bits), without the frame's grid evaluation: what a
     * sweep reads to rank runs.
     */
    public GridDivergence divergence() {
        guard.enter();
        try {
            return GanFrame.divergence(this);
        } finally {
            guard.exit();
        }
    }

    /** {@link #frame()} with GAN Lab's own (buggy, sub-normalised) KL and JS (spec 2.g), for chart parity. */
    public GanFrame frameGanLabCompatible() {
        guard.enter();
        try {
            return GanFrame.of(this, true);
        } finally {
            guard.exit();
        }
    }

    /** Epochs trained (the step buttons count one each). */
    public long epochCount() {
        return epoch;
    }

    /**
     * The loss history as CSV ({@link org.nnlab.core.io.CsvWriter}): a header {@code epoch,dLoss,gLoss}, then one
     * row per epoch from 1: L_D and L_G of the epoch's last D and G step, as in the command line's JSON (GAN Lab's
     * chart shows dLoss / 2); a network whose k is 0 leaves its cell {@code NaN}.
     *
     * @throws java.io.UncheckedIOException if {@code out} fails
     */
    public void writeHistoryCsv(Appendable out) {
        org.nnlab.core.io.CsvWriter csv = org.nnlab.core.io.CsvWriter.to(out).header("epoch", "dLoss", "gLoss");
        for (EpochLosses e : history) {
            csv.cell(e.epoch()).cell(e.dLoss()).cell(e.gLoss()).endRow();
        }
    }

    /** Every epoch's statistics, oldest first (unmodifiable view). */
    public List<EpochLosses> history() {
        return Collections.unmodifiableList(history);
    }

    /** Whether a parameter became NaN or infinite, or a loss NaN. */
    public boolean diverged() {
        return diverged;
    }

    /** The current hyperparameters. */
    public GanConfig config() {
        return config;
    }

    /** The real distribution. */
    public RealData data() {
        return data;
    }

    /** The generator (live: it changes as training goes on). */
    public DenseStack generator() {
        return generator;
    }

    /** The discriminator (live). */
    public DenseStack discriminator() {
        return discriminator;
    }

    /** The real atlas. */
    public Atlas realAtlas() {
        return real;
    }

    /** The noise atlas. */
    public Atlas noiseAtlas() {
        return noise;
    }

    /** Noise coordinates per sample. */
    public int noiseSize() {
        return config.noise().size();
    }

    /**
     * Replaces both networks' parameters (layer-major: per layer W [in, out] row-major, then b).
     *
     * @throws IllegalArgumentException if a count differs from the networks'
     */
    public void setWeights(float[] g, float[] d) {
        guard.enter();
        try {
            generator.setParameters(g);
            discriminator.setParameters(d);
        } finally {
            guard.exit();
        }
    }

    /** Both networks' parameters as JSON, {@code {"g": [...], "d": [...]}}, layer-major. */
    public String weightsJson() {
        return JsonWriter.toJson(this::writeWeights);
    }

    /** Writes both networks' parameters as {@link #weightsJson()} does, into a document being written. */
    public void writeWeights(JsonWriter w) {
        w.beginObject().name("g").values(generator.parameters()).name("d").values(discriminator.parameters()).endObject();
    }

    /**
     * Loads {@code {"g": [...], "d": [...]}} as written by {@link #weightsJson()}.
     *
     * @throws IllegalArgumentException naming the key whose array is missing or has the wrong length
     */
    public void loadWeightsJson(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("GanSession.loadWeightsJson: expected {\"g\": [...], \"d\": [...]}");
        }
        float[] g = Json.floats(map.get("g"), "weights \"g\"");
        float[] d = Json.floats(map.get("d"), "weights \"d\"");
        Checks.requireArgument(g.length == generator.parameterCount(),
                "GanSession.loadWeightsJson: \"g\" has %d values, the generator %s has %d parameters", g.length,
                generator.shape(), generator.parameterCount());
        Checks.requireArgument(d.length == discriminator.parameterCount(),
                "GanSession.loadWeightsJson: \"d\" has %d values, the discriminator %s has %d parameters", d.length,
                discriminator.shape(), discriminator.parameterCount());
        setWeights(g, d);
    }

    @Override
    public String toString() {
        return "GanSession[" + data.name() + ", G " + generator.shape() + ", D " + discriminator.shape() + ", epoch " + epoch
                + (diverged ? ", diverged" : "") + "]";
    }

    /** Reused buffers for one batch. */
    private static final class Buffers {
        final float[] noise;
        final float[] dInput;
        final float[] dDelta;
        final float[] fakeDelta;
        final float[] fakePredictions;
        final float[] fakeLogits;
        final float[] fakeGradients;
        final float[] dGradients;
        final float[] gGradients;
        final DenseStack.Workspace gPass;
        final DenseStack.Workspace dPass;

        Buffers(int batch, int noiseSize, DenseStack g, DenseStack d) {
            noise = new float[batch * noiseSize];
            dInput = new float[4 * batch];
            dDelta = new float[2 * batch];
            fakeDelta = new float[batch];
            fakePredictions = new float[batch];
            fakeLogits = new float[batch];
            fakeGradients = new float[2 * batch];
            dGradients = new float[d.parameterCount()];
            gGradients = new float[g.parameterCount()];
            gPass = g.workspace(batch);
            dPass = d.workspace(2 * batch);
        }
    }
}
