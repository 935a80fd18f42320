package org.nnlab.raster.live;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.nnlab.core.Tensor;
import org.nnlab.core.io.Json;
import org.nnlab.core.io.JsonWriter;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.gan.StepTrace;
import org.nnlab.raster.Figure;
import org.nnlab.raster.view.GanLabOverview;
import org.nnlab.raster.view.GanLabView;

/**
 * A GAN Lab session on a live page: the page's controls as commands on the session's thread
 * ({@link SessionLoop}), and frames drawn from {@link GanFrame} copies off that thread: the layered distributions
 * view in every frame, and as parts ({@link FrameBox}) the model overview graph, redrawn at most every
 * {@link #OVERVIEW_NANOS}, and the two charts, at most every {@link #CHARTS_NANOS}, both at once after a control.
 *
 * <p>Controls ({@code action}): {@code play}, {@code pause}, {@code step} (one epoch: kD discriminator updates,
 * then kG generator updates), {@code stepD} and {@code stepG} (GAN Lab's one-network step buttons), {@code reset},
 * {@code dataset} with {@code name} (line, gaussians, ring or disjoint: a new session on that distribution with its
 * preset, as GAN Lab loads it), {@code draw} with {@code xs} and {@code ys} (comma-separated unit coordinates: a
 * new session on the drawn distribution, the settings kept), {@code config} with {@code key} and {@code value}
 * (one of GAN Lab's hyperparameter names, {@link GanConfig#fromJson}), {@code layer} with {@code name} and
 * {@code on}, and {@code slow} with {@code on}.
 *
 * <p>Slow motion, as GAN Lab's: each update is walked through its five phases ({@link StepTrace}), one every
 * {@link #PHASE_NANOS}. Until the last phase the picture shows the networks as they were before the update, with
 * the update's batch drawn over them: its samples, then coloured by the discriminator's predictions, and for the
 * generator its gradients; the last phase shows the updated networks. While playing in slow motion, updates follow
 * one another in the epoch's order (kD of D, kG of G), each counted as an epoch as GAN Lab's step buttons count.
 */
final class GanLive extends LoopPage<GanSession> {
    /** The distributions view's side, pixels (GAN Lab's 400). */
    static final int SIZE = 400;
    /** The overview graph's scale (760 x 450 at 1). */
    static final double OVERVIEW_SCALE = 0.75;
    /** The charts' size, pixels (side by side, under the overview graph). */
    static final int CHART_WIDTH = 570;
    static final int CHART_HEIGHT = 190;
    /** The overview graph's mini-plots follow training this often (about 10 a second). */
    static final long OVERVIEW_NANOS = 100_000_000L;
    /** The charts gain points this often (4 a second). */
    static final long CHARTS_NANOS = 250_000_000L;
    /** How long slow motion shows each phase of an update. */
    static final long PHASE_NANOS = 750_000_000L;

    private static final Map<String, String> RESOURCES = Map.of("ganlab.html", "text/html; charset=utf-8",
            "live.css", "text/css; charset=utf-8", "live.js", "text/javascript; charset=utf-8",
            "ganlab.js", "text/javascript; charset=utf-8");
    /** The hyperparameters the page may change, by GAN Lab's names; noiseSize follows noiseType. */
    private static final Set<String> TEXT_KEYS = Set.of("noiseType", "dOpt", "gOpt", "loss");
    private static final Set<String> NUMBER_KEYS = Set.of("gLayers", "dLayers", "gNeurons", "dNeurons", "dLR", "gLR",
            "kD", "kG", "batch", "beta1", "beta2", "epsilon");

    private GanSession session;                                   // the loop's thread only, from here on
    private final EnumSet<GanLabView.Part> layers = EnumSet.copyOf(GanLabView.Part.ganLabDefault());
    private final Chart chart = new Chart();
    private boolean slow;
    private boolean running;                                      // the user pressed play
    private Walk walk;                                            // the update slow motion shows, or null
    private int scheduled;                                        // slow motion: updates so far, for kD/kG order
    private long overviewDrawn = Long.MIN_VALUE / 2;              // when the parts were last drawn (nanoTime)
    private long chartsDrawn = Long.MIN_VALUE / 2;

    /** An update walked through in slow motion: its trace, the frame before it, and the phase shown. */
    private static final class Walk {
        final StepTrace trace;
        final GanFrame before;
        int phase;
        long phaseStart;

        Walk(StepTrace trace, GanFrame before) {
            this.trace = trace;
            this.before = before;
            this.phaseStart = System.nanoTime();
        }

        boolean last() {
            return phase == StepTrace.Phase.UPDATE.ordinal();
        }
    }

    GanLive(GanSession session) {
        super("nnlab-live-ganlab");
        this.session = session;
        start();
    }

    @Override
    public String html() {
        return "ganlab.html";
    }

    @Override
    public Map<String, String> resources() {
        return RESOURCES;
    }

    @Override
    GanSession session() {
        return session;
    }

    @Override
    boolean epoch() {
        if (session.diverged()) {
            return false;
        }
        session.epoch();
        return true;
    }

    @Override
    public void control(Map<String, String> form) throws InterruptedException {
        String action = form.getOrDefault("action", "");
        loop.call(() -> {
            overviewDrawn = chartsDrawn = Long.MIN_VALUE / 2;      // a control's effect shows in the next frame, whole
            switch (action) {
                case "play" -> {
                    running = !session.diverged();
                    loop.play(running);
                }
                case "pause" -> stop();
                case "step" -> {
                    stop();
                    walk = null;
                    epoch();
                }
                case "stepD", "stepG" -> {
                    stop();
                    update(action.equals("stepD") ? StepTrace.Network.DISCRIMINATOR : StepTrace.Network.GENERATOR);
                    loop.play(slow);                       // slow motion walks through the phases, then stops
                }
                case "reset" -> {
                    session.reset();
                    restart();
                }
                case "dataset" -> {
                    String name = required(form, "name");
                    session = session.withData(RealData.named(name), GanConfig.preset(name));
                    restart();
                }
                case "draw" -> {
                    RealData drawn = RealData.drawing(numbers(form, "xs"), numbers(form, "ys"));
                    session = session.withData(drawn, session.config());
                    restart();
                }
                case "config" -> configure(required(form, "key"), required(form, "value"));
                case "layer" -> layer(required(form, "name"), flag(form));
                case "slow" -> {
                    slow = flag(form);
                    walk = null;
                }
                default -> throw new IllegalArgumentException("action '" + action + "': must be play, pause, step, "
                        + "stepD, stepG, reset, dataset, draw, config, layer or slow");
            }
            return null;
        });
    }

    private void stop() {
        running = false;
        loop.play(false);
    }

    /** After a new session or a reset: the charts and slow motion start again. */
    private void restart() {
        walk = null;
        scheduled = 0;
        chart.clear();
    }

    /** One update of one network: traced and walked through in slow motion, else done at once. */
    private void update(StepTrace.Network network) {
        if (slow) {
            GanFrame before = session.frame();
            walk = new Walk(network == StepTrace.Network.DISCRIMINATOR ? session.stepDiscriminator()
                    : session.stepGenerator(), before);
        } else {
            walk = null;
            if (network == StepTrace.Network.DISCRIMINATOR) {
                session.stepDiscriminator();
            } else {
                session.stepGenerator();
            }
        }
    }

    /** One of GAN Lab's hyperparameters by its name; a structural change resets the networks (spec 2.j). */
    private void configure(String key, String value) {
        Object parsed;
        if (TEXT_KEYS.contains(key)) {
            parsed = value;
        } else if (NUMBER_KEYS.contains(key)) {
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("config " + key + ": '" + value + "' is not a number");
            }
        } else {
            throw new IllegalArgumentException("config key '" + key + "': must be one of noiseType, gLayers, gNeurons, "
                    + "dLayers, dNeurons, dLR, gLR, dOpt, gOpt, loss, kD, kG, batch, beta1, beta2, epsilon");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) Json.parse(session.config().toJson()));
        fields.remove("noiseSize");                                // the label says it ("1D Gaussian")
        fields.put(key, parsed);
        GanConfig next = GanConfig.fromJson(JsonWriter.toJson(w -> {
            w.beginObject();
            fields.forEach((k, v) -> {
                w.name(k);
                if (v instanceof String s) {
                    w.value(s);
                } else {
                    w.value((Double) v);
                }
            });
            w.endObject();
        }));
        if (session.apply(next)) {
            restart();
        }
    }

    private void layer(String name, boolean on) {
        GanLabView.Part layer;
        try {
            layer = GanLabView.Part.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer '" + name + "': must be one of "
                    + Arrays.toString(GanLabView.Part.values()).toLowerCase(Locale.ROOT));
        }
        if (on) {
            layers.add(layer);
        } else {
            layers.remove(layer);
        }
    }

    private static String required(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return v;
    }

    private static boolean flag(Map<String, String> form) {
        String on = required(form, "on");
        if (!on.equals("true") && !on.equals("false")) {
            throw new IllegalArgumentException("on '" + on + "': must be true or false");
        }
        return on.equals("true");
    }

    /** A comma-separated list of finite numbers. */
    private static double[] numbers(Map<String, String> form, String name) {
        String[] cells = required(form, name).split(",");
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                v[i] = Double.parseDouble(cells[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "[" + i + "]: '" + cells[i] + "' is not a number");
            }
        }
        return v;
    }

    @Override
    boolean trainFor(long nanos) {
        if (!slow) {
            walk = null;
            long end = System.nanoTime() + nanos;
            do {
                if (!epoch()) {
                    running = false;
                    return false;
                }
            } while (keepTraining(end));
            return true;
        }
        long now = System.nanoTime();
        if (walk == null || (walk.last() && now - walk.phaseStart >= PHASE_NANOS)) {
            if (!running || session.diverged() || session.config().kD() + session.config().kG() == 0) {
                running = false;                   // a step button's walk is over, or nothing to train
                return false;
            }
            int k = scheduled++ % (session.config().kD() + session.config().kG());
            update(k < session.config().kD() ? StepTrace.Network.DISCRIMINATOR : StepTrace.Network.GENERATOR);
        } else if (now - walk.phaseStart >= PHASE_NANOS) {
            walk.phase++;
            walk.phaseStart = now;
        }
        long wait = Math.min(nanos, walk.phaseStart + PHASE_NANOS - System.nanoTime());
        if (wait > 0) {
            LockSupport.parkNanos(wait);           // slow motion: nothing to compute until the next phase
        }
        return true;
    }

    @Override
    SessionLoop.Snapshot snapshot() {
        GanFrame now = session.frame();
        chart.add(session, now);
        Walk w = walk;
        GanFrame shown = w != null && !w.last() ? w.before : now;
        StepTrace trace = w == null ? null : w.trace;
        int phase = w == null ? -1 : w.phase;
        GanConfig config = session.config();
        Set<GanLabView.Part> shownLayers = EnumSet.copyOf(layers);
        Map<String, Supplier<Figure>> parts = new LinkedHashMap<>();
        long t = System.nanoTime();
        if (t - overviewDrawn >= OVERVIEW_NANOS) {
            overviewDrawn = t;
            float[] noiseHead = session.noiseAtlas().head(GanFrame.FIXED);
            parts.put("overview", () -> GanLabOverview.of(shown, config, noiseHead, OVERVIEW_SCALE));
        }
        if (t - chartsDrawn >= CHARTS_NANOS) {
            chartsDrawn = t;
            double[][] points = chart.copy();
            parts.put("charts", () -> GanLabView.charts(points[0], points[1], points[2], points[3], points[4],
                    CHART_WIDTH, CHART_HEIGHT));
        }
        String json = JsonWriter.toJson(j -> {
            j.beginObject()
                    .name("epoch").value(session.epochCount())
                    .name("dLoss").value(chart.dLoss)               // the last of each, as the charts show them
                    .name("gLoss").value(chart.gLoss)
                    .name("kl").value(now.kl())
                    .name("js").value(now.js())
                    .name("playing").value(loop.playing())
                    .name("running").value(running)
                    .name("diverged").value(session.diverged())
                    .name("dataset").value(session.data().name())
                    .name("config").value(session.config().toJson())
                    .name("slow").value(slow)
                    .name("layers").beginArray();
            for (GanLabView.Part l : layers) {
                j.value(l.name().toLowerCase(Locale.ROOT));
            }
            j.endArray().name("walk");
            if (w == null) {
                j.nullValue();
            } else {
                walkJson(j, w);
            }
            j.endObject();
        });
        return new SessionLoop.Snapshot(() -> distributions(shown, config, shownLayers, trace, phase), json, parts);
    }

    /** The update's network, its phase (1..5), GAN Lab's caption, and the phase's tensors in brief. */
    private static void walkJson(JsonWriter j, Walk w) {
        StepTrace.Step step = w.trace.phases().get(w.phase);
        j.beginObject()
                .name("network").value(w.trace.network().name().toLowerCase(Locale.ROOT))
                .name("phase").value(w.phase + 1)
                .name("phases").value(w.trace.phases().size())
                .name("caption").value(step.caption())
                .name("loss").value(w.trace.loss())
                .name("tensors").beginArray();
        for (Map.Entry<String, Tensor> e : step.tensors().entrySet()) {
            Tensor t = e.getValue();
            float[] v = t.toArray();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double squares = 0;
            for (float x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
                squares += (double) x * x;
            }
            StringBuilder shape = new StringBuilder();
            for (int a = 0; a < t.rank(); a++) {
                shape.append(a == 0 ? "" : " x ").append(t.dim(a));
            }
            j.beginObject().name("name").value(e.getKey()).name("shape").value(shape.length() == 0 ? "scalar" : shape.toString())
                    .name("mean").value(sum / v.length).name("min").value(min).name("max").value(max)
                    .name("norm").value(Math.sqrt(squares)).endObject();
        }
        j.endArray().endObject();
    }

    /** The layered distributions view, with slow motion's batch over it until the update's last phase. */
    private static Figure distributions(GanFrame frame, GanConfig config, Set<GanLabView.Part> layers, StepTrace trace,
                                        int phase) {
        Figure f = GanLabView.distributions(frame, config.noise(), SIZE, layers);
        if (trace != null && phase < StepTrace.Phase.UPDATE.ordinal()) {
            SlowMotion.draw(f.main(), trace, StepTrace.Phase.values()[phase]);
        }
        return f;
    }

    /**
     * The charts' points, one per frame whose epoch moved on (GAN Lab's cadence): epoch, D loss (L_D/2), G loss,
     * KL, JS. A step of one network alone leaves the other's loss at its last value. At most {@link #CAPACITY}
     * points: when full, every other point is dropped, so a long run keeps its whole span.
     */
    private static final class Chart {
        static final int CAPACITY = 1024;
        private final double[][] points = new double[5][CAPACITY];
        private int size;
        private long epoch = -1;
        private double dLoss = Double.NaN;
        private double gLoss = Double.NaN;

        void clear() {
            size = 0;
            epoch = -1;
            dLoss = Double.NaN;
            gLoss = Double.NaN;
        }

        void add(GanSession session, GanFrame frame) {
            List<GanSession.EpochLosses> history = session.history();
            if (history.isEmpty() || session.epochCount() == epoch) {
                return;
            }
            epoch = session.epochCount();
            GanSession.EpochLosses last = history.get(history.size() - 1);
            dLoss = last.dSteps().length > 0 ? last.displayedDLoss() : dLoss;
            gLoss = last.gSteps().length > 0 ? last.gLoss() : gLoss;
            if (size == CAPACITY) {
                for (double[] series : points) {
                    for (int i = 0; i < CAPACITY / 2; i++) {
                        series[i] = series[2 * i];
                    }
                }
                size = CAPACITY / 2;
            }
            double[] row = {epoch, dLoss, gLoss, frame.kl(), frame.js()};
            for (int s = 0; s < row.length; s++) {
                points[s][size] = row[s];
            }
            size++;
        }

        double[][] copy() {
            double[][] out = new double[points.length][];
            for (int s = 0; s < points.length; s++) {
                out[s] = Arrays.copyOf(points[s], size);
            }
            return out;
        }
    }
}
