package org.nnlab.raster.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Freeform;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.ShapeShopTrainer;
import org.nnlab.actmax.TrainingClass;
import org.nnlab.core.Rng;
import org.nnlab.core.io.JsonWriter;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Figure;
import org.nnlab.raster.view.ShapeShopView;

/**
 * ShapeShop on a live page: the user picks training classes by clicking shapes (or draws a 28 x 28 class of their
 * own), chooses the model, epochs, initial image and step, and trains; the round runs on the session's thread,
 * its training epochs show as progress, and its result row (generated image, training tile and |r| per class)
 * grows class by class. Rows stack, newest on top, as runs to compare.
 *
 * <p>Controls ({@code action}): {@code toggle} with {@code name} (a shape's UI name or a drawn class's name),
 * {@code freeform} with {@code name} and {@code pixels} (784 comma-separated values, top row first), {@code model},
 * {@code epochs}, {@code start}, {@code step} and {@code seed} with {@code value}, {@code train}, {@code stop} (ends
 * a round between epochs or classes; nothing of it is kept) and {@code clear} (the rows).
 */
final class ShapeShopLive extends LoopPage<ShapeShop.Round> {
    /** The most classes a round trains. */
    static final int MAX_CLASSES = 12;
    /** The most classes of one's own. */
    static final int MAX_DRAWN = 6;
    /** The most epochs a round trains. */
    static final int MAX_EPOCHS = 1000;
    /** Rows drawn in the frame (the newest); older rounds stay in {@link Live#with}'s reach only as the newest. */
    static final int ROWS_SHOWN = 4;
    /** The rows' scale (112 px generated images). */
    static final double SCALE = 1;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,24}");
    private static final Map<String, String> RESOURCES = Map.of("shapeshop.html", "text/html; charset=utf-8",
            "live.css", "text/css; charset=utf-8", "live.js", "text/javascript; charset=utf-8",
            "shapeshop.js", "text/javascript; charset=utf-8");

    /** Thumbnails by file name ("shape-box.png", "drawn-mine.png"), written on the session's thread, read by HTTP. */
    private final Map<String, byte[]> thumbnails = new ConcurrentHashMap<>();
    private final List<Freeform> drawn = new ArrayList<>();
    private final List<TrainingClass> chosen = new ArrayList<>();
    private final List<ShapeShop.Round> rounds = new ArrayList<>();
    private Architecture architecture;
    private int epochs;
    private InitialImage start;
    private double step;
    private long seed;
    private int maxSteps;
    private Running running;                                     // the round in progress, or null
    private String status = "";
    private volatile boolean stopAsked;

    /** A round in progress: its settings, the epoch reached, and the classes maximized so far. */
    private static final class Running {
        final ShapeShop.Config config;
        int epoch;
        double loss = Double.NaN;
        ShapeShopTrainer.Outcome training;
        final List<ShapeShop.ClassResult> classes = new ArrayList<>();

        Running(ShapeShop.Config config) {
            this.config = config;
        }
    }

    /** Thrown from a round's progress when the page asks it to stop. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    ShapeShopLive(ShapeShop.Config settings, ShapeShop.Round round) {
        super("nnlab-live-shapeshop");
        for (ShapeClass s : ShapeClass.values()) {
            thumbnails.put("shape-" + s.uiName() + ".png", thumbnail(s));
        }
        for (TrainingClass c : settings.classes()) {
            if (c instanceof Freeform f && drawn.size() < MAX_DRAWN && NAME.matcher(f.name()).matches()) {
                drawn.add(f);
                thumbnails.put("drawn-" + f.name() + ".png", thumbnail(f));
            }
            if (chosen.size() < MAX_CLASSES && (c instanceof ShapeClass || drawn.contains(c))) {
                chosen.add(c);
            }
        }
        architecture = settings.architecture();
        epochs = Math.min(settings.epochs(), MAX_EPOCHS);
        start = settings.start();
        step = settings.step();
        seed = settings.seed();
        maxSteps = settings.maxSteps();
        if (round != null) {
            rounds.add(round);
        }
        start();
    }

    private static byte[] thumbnail(TrainingClass c) {
        return ShapeShopView.image(c.draw(Rng.seeded(0)), 2).toPng();
    }

    @Override
    public String html() {
        return "shapeshop.html";
    }

    @Override
    public Map<String, String> resources() {
        return RESOURCES;
    }

    @Override
    public byte[] picture(String name) {
        return thumbnails.get(name);
    }

    @Override
    ShapeShop.Round session() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    /** A ShapeShop page has no epochs of its own to step: {@link #train} runs whole rounds. */
    @Override
    boolean epoch() {
        return false;
    }

    /** One round of {@code epochs} epochs with the page's settings, rows along the way. */
    @Override
    public void train(int epochs) throws InterruptedException {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("Live.train: a ShapeShop round's epochs must be 1.." + MAX_EPOCHS
                    + ", got " + epochs);
        }
        loop.call(() -> {
            round(epochs);
            return null;
        });
    }

    @Override
    public void control(Map<String, String> form) throws InterruptedException {
        String action = form.getOrDefault("action", "");
        if (action.equals("stop")) {
            stopAsked = true;                      // read by the round between epochs: the loop itself is busy
            return;
        }
        loop.call(() -> {
            switch (action) {
                case "toggle" -> toggle(required(form, "name"));
                case "freeform" -> freeform(required(form, "name"), required(form, "pixels"));
                case "model" -> architecture = Architecture.ofName(required(form, "value"));
                case "epochs" -> epochs = integer(form, "epochs", 1, MAX_EPOCHS);
                case "start" -> start = InitialImage.ofName(required(form, "value"));
                case "step" -> {
                    double s = number(form, "step");
                    if (!(s > 0) || s > 1) {
                        throw new IllegalArgumentException("step " + s + ": must be in (0, 1]");
                    }
                    step = s;
                }
                case "seed" -> seed = integer(form, "seed", 0, Integer.MAX_VALUE);
                case "train" -> {
                    config(epochs);                // refused now, with its reason, rather than on the loop
                    loop.play(true);
                }
                case "clear" -> {
                    rounds.clear();
                    status = "";
                }
                default -> throw new IllegalArgumentException("action '" + action + "': must be toggle, freeform, "
                        + "model, epochs, start, step, seed, train, stop or clear");
            }
            return null;
        });
    }

    private void toggle(String name) {
        TrainingClass c = byName(name);
        if (chosen.remove(c)) {
            return;
        }
        if (chosen.size() >= MAX_CLASSES) {
            throw new IllegalArgumentException("class '" + name + "': a round trains at most " + MAX_CLASSES + " classes");
        }
        chosen.add(c);
        chosen.sort((a, b) -> Integer.compare(order(a), order(b)));   // ShapeShop's label order: the palette's
    }

    private int order(TrainingClass c) {
        return c instanceof ShapeClass s ? s.ordinal() : ShapeClass.values().length + drawn.indexOf(c);
    }

    private TrainingClass byName(String name) {
        for (Freeform f : drawn) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        try {
            return ShapeClass.ofName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (drawn.isEmpty() ? "" : ", or one you drew"));
        }
    }

    private void freeform(String name, String pixels) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "': must be 1 to 24 letters, digits, '_' or '-'");
        }
        for (ShapeClass s : ShapeClass.values()) {
            if (s.uiName().equals(name)) {
                throw new IllegalArgumentException("name '" + name + "': is one of ShapeShop's shapes; choose another");
            }
        }
        if (drawn.size() >= MAX_DRAWN && drawn.stream().noneMatch(f -> f.name().equals(name))) {
            throw new IllegalArgumentException("at most " + MAX_DRAWN + " classes of your own; redraw one by its name");
        }
        String[] cells = pixels.split(",");
        float[] image = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                image[i] = Float.parseFloat(cells[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pixels[" + i + "]: '" + cells[i] + "' is not a number");
            }
        }
        Freeform f = new Freeform(name, image);                 // the library's checks: 784 finite values
        for (int i = 0; i < drawn.size(); i++) {
            if (drawn.get(i).name().equals(name)) {              // redrawn: replaces the old one where it was chosen
                int at = chosen.indexOf(drawn.get(i));
                drawn.set(i, f);
                if (at >= 0) {
                    chosen.set(at, f);
                }
                thumbnails.put("drawn-" + name + ".png", thumbnail(f));
                return;
            }
        }
        if (chosen.size() >= MAX_CLASSES) {
            throw new IllegalArgumentException("a round trains at most " + MAX_CLASSES + " classes; unpick one first");
        }
        drawn.add(f);
        thumbnails.put("drawn-" + name + ".png", thumbnail(f));
        chosen.add(f);
    }

    private ShapeShop.Config config(int roundEpochs) {
        if (chosen.size() < 2) {
            throw new IllegalArgumentException("pick at least 2 classes to train (" + chosen.size() + " picked)");
        }
        return new ShapeShop.Config(chosen, architecture, roundEpochs, start, step, seed, maxSteps);
    }

    private static String required(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return v;
    }

    private static double number(Map<String, String> form, String what) {
        String v = required(form, "value");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + v + "': not a number");
        }
    }

    private static int integer(Map<String, String> form, String what, int min, int max) {
        String v = required(form, "value");
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + v + "': must be a whole number " + min + ".." + max);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " " + n + ": must be " + min + ".." + max);
        }
        return (int) n;
    }

    /** While "playing": the round the page asked for, whole; then playing stops. */
    @Override
    boolean trainFor(long nanos) {
        try {
            round(epochs);
        } catch (IllegalArgumentException e) {
            status = e.getMessage();               // the settings changed since: say why on the page
        }
        return false;
    }

    /** Runs one round, publishing frames as it goes; a stop from the page ends it and keeps nothing. */
    private void round(int roundEpochs) {
        ShapeShop.Config config = config(roundEpochs);
        stopAsked = false;
        running = new Running(config);
        status = "";
        loop.frameIfFree();
        try {
            ShapeShop.Round round = ShapeShop.run(config, new ShapeShop.Progress() {
                @Override
                public void trained(int epoch, int of, double loss) {
                    checkStop();
                    running.epoch = epoch;
                    running.loss = loss;
                    loop.frameIfFree();
                }

                @Override
                public void finishedTraining(ShapeShopTrainer.Outcome training) {
                    checkStop();
                    running.training = training;
                    loop.frameIfFree();
                }

                @Override
                public void maximized(int c, int of, ShapeShop.ClassResult result) {
                    checkStop();
                    running.classes.add(result);
                    loop.frameIfFree();
                }
            });
            rounds.add(round);
            status = round.diverged() ? "The round diverged: a loss or an ascent reached NaN or infinity." : "";
        } catch (Stopped e) {
            status = "Stopped; that round is not kept.";
        } finally {
            running = null;
        }
    }

    /** Stops a round in progress at its next epoch or class, then the page's threads. */
    @Override
    public void close() {
        stopAsked = true;
        super.close();
    }

    private void checkStop() {
        if (stopAsked) {
            throw new Stopped();
        }
    }

    @Override
    SessionLoop.Snapshot snapshot() {
        List<ShapeShop.Round> shown = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Running r = running;
        if (r != null && r.training != null) {                 // the row in progress, its classes so far
            shown.add(new ShapeShop.Round(r.config, r.training, List.copyOf(r.classes), null));
            numbers.add(rounds.size() + 1);
        }
        for (int i = rounds.size() - 1; i >= 0 && shown.size() < ROWS_SHOWN; i--) {
            shown.add(rounds.get(i));
            numbers.add(i + 1);
        }
        ShapeShop.Round last = session();
        String json = JsonWriter.toJson(j -> {
            j.beginObject().name("shapes").beginArray();
            for (ShapeClass s : ShapeClass.values()) {
                j.value(s.uiName());
            }
            j.endArray().name("drawn").beginArray();
            for (Freeform f : drawn) {
                j.value(f.name());
            }
            j.endArray().name("chosen").beginArray();
            for (TrainingClass c : chosen) {
                j.value(c.label());
            }
            j.endArray()
                    .name("model").value(architecture.name().toLowerCase(Locale.ROOT))
                    .name("epochs").value(epochs)
                    .name("start").value(start.uiName())
                    .name("step").value(step)
                    .name("seed").value(seed)
                    .name("rounds").value(rounds.size())
                    .name("status").value(status)
                    .name("playing").value(loop.playing() || r != null)
                    .name("running");
            if (r == null) {
                j.nullValue();
            } else {
                j.beginObject().name("round").value(rounds.size() + 1).name("epoch").value(r.epoch)
                        .name("epochs").value(r.config.epochs()).name("loss").value(r.loss)
                        .name("trained").value(r.training != null).name("classesDone").value(r.classes.size())
                        .name("classes").value(r.config.classes().size()).endObject();
            }
            j.name("last");
            if (last == null) {
                j.nullValue();
            } else {
                j.beginObject().name("trainAccuracy").value(last.training().trainAccuracy())
                        .name("validationAccuracy").value(last.training().validationAccuracy())
                        .name("r").beginArray();
                for (ShapeShop.ClassResult c : last.classes()) {
                    j.value(c.r());
                }
                j.endArray().endObject();
            }
            j.endObject();
        });
        return new SessionLoop.Snapshot(() -> draw(shown, numbers), json);
    }

    /** The rows, newest on top, each numbered as ShapeShop numbers them; a hint before the first. */
    private static Figure draw(List<ShapeShop.Round> shown, List<Integer> numbers) {
        if (shown.isEmpty()) {
            Figure f = Figure.blank(640, 80);
            f.text("Pick at least two classes, then Train: each class's generated image appears here.", 14, 44, 14,
                    Argb.opaque(0x777777), Figure.Anchor.START, false);
            return f;
        }
        return ShapeShopView.rows(shown, numbers, SCALE);
    }
}
