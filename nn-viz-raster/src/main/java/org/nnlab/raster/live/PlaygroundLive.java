package org.nnlab.raster.live;

import java.util.Map;


import org.nnlab.core.io.JsonWriter;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundFrame;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.view.PlaygroundView;

/**
 * A Playground session on a live page: the page's controls as commands on the session's thread
 * ({@link SessionLoop}), and frames drawn by {@link PlaygroundView}.
 *
 * <p>Controls ({@code action}): {@code play}, {@code pause}, {@code step} (one epoch, and pause), {@code reset}
 * (new weights from the stream, as the page's reset button), {@code regenerate} (new points, weights kept), and
 * {@code state} with {@code hash}: Playground's hash after a change on the page. As on Playground's page, a new
 * learning rate or display setting (test points, discretize) applies to the running network; any other change
 * builds a new session from the hash, which is what opening that address gives (Playground instead draws a new
 * seed for new data and new weights from wherever its stream is, which no address can reproduce).
 */
final class PlaygroundLive extends LoopPage<PlaygroundSession> {
    /** Pixels per Playground page pixel in the frames, unless the picture would be wider than {@link #MAX_WIDTH}. */
    static final double SCALE = 1.25;
    /**
     * The widest frame, pixels: about the page's middle column on a desktop screen. Frames are drawn at the size the
     * page shows them; a wider picture would be scaled down by the browser after costing its pixels to draw, encode
     * and send (the 6-layer network at 1.25 is 1335 px wide).
     */
    static final int MAX_WIDTH = 900;

    private static final Map<String, String> RESOURCES = Map.of("playground.html", "text/html; charset=utf-8",
            "live.css", "text/css; charset=utf-8", "live.js", "text/javascript; charset=utf-8",
            "playground.js", "text/javascript; charset=utf-8");

    private PlaygroundSession session;          // the loop's thread only, after construction
    /** Draws the frames, keeping the data's dots between them; the encoder's thread only (one frame at a time). */
    private final PlaygroundView.Painter painter = new PlaygroundView.Painter();

    PlaygroundLive(PlaygroundSession session) {
        super("nnlab-live-playground");
        PlaygroundView.requireDrawable(session, scale(session));
        this.session = session;
        start();
    }

    @Override
    public String html() {
        return "playground.html";
    }

    @Override
    public Map<String, String> resources() {
        return RESOURCES;
    }

    @Override
    PlaygroundSession session() {
        return session;
    }

    @Override
    boolean epoch() {
        if (session.diverged()) {
            return false;
        }
        session.step();
        return true;
    }

    @Override
    public void control(Map<String, String> form) throws InterruptedException {
        String action = form.getOrDefault("action", "");
        loop.call(() -> {
            switch (action) {
                case "play" -> loop.play(!session.diverged());
                case "pause" -> loop.play(false);
                case "step" -> {
                    loop.play(false);
                    session.step();
                }
                case "reset" -> session.reset();
                case "regenerate" -> session.regenerate();
                case "state" -> apply(form.get("hash"));
                default -> throw new IllegalArgumentException("action '" + action
                        + "': must be play, pause, step, reset, regenerate or state");
            }
            return null;
        });
    }
    /** A hash from the page: the running network's rate and display change in place, anything else reloads. */
    private void apply(String hash) {
        if (hash == null) {
            throw new IllegalArgumentException("action 'state' needs a hash");
        }
        PlaygroundState.Reading reading = PlaygroundState.read(hash);
        for (PlaygroundState.Issue issue : reading.issues()) {
            if (issue.kind() == PlaygroundState.Issue.Kind.NOT_A_NUMBER
                    || issue.kind() == PlaygroundState.Issue.Kind.UNKNOWN_VALUE) {
                throw new IllegalArgumentException(issue.message());
            }
        }
        PlaygroundState now = session.state();
        PlaygroundState next = reading.state().seed().isEmpty() ? reading.state().withSeed(now.seed()) : reading.state();
        if (next.equals(now)) {
            return;
        }
        boolean inPlace = next.withLearningRate(now.learningRate()).withDisplay(now.showTestData(), now.discretize())
                .equals(now);
        if (inPlace) {
            double rate = next.learningRate();
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("learningRate " + rate + ": must be a finite number >= 0");
            }
            session.setLearningRate(rate);
            session.setDisplay(next.showTestData(), next.discretize());
            return;
        }
        if (session.ownData()) {
            throw new IllegalArgumentException("this session trains on your program's data: only the learning rate, "
                    + "test points and discretize can change here");
        }
        PlaygroundSession fresh = PlaygroundSession.load(next);
        PlaygroundView.requireDrawable(fresh, scale(fresh));
        session = fresh;
        loop.play(false);
    }

    /** {@link #SCALE}, or less (down to 0.5) so that the picture is at most {@link #MAX_WIDTH} wide. */
    static double scale(PlaygroundSession session) {
        return Math.max(0.5, Math.min(SCALE, MAX_WIDTH / (double) PlaygroundView.size(session, 1)[0]));
    }

    @Override
    boolean trainFor(long nanos) {
        long end = System.nanoTime() + nanos;
        do {
            if (session.diverged()) {
                return false;
            }
            session.step();
        } while (keepTraining(end));
        return !session.diverged();
    }

    @Override
    SessionLoop.Snapshot snapshot() {
        PlaygroundFrame frame = PlaygroundFrame.of(session);      // copies, and every neuron's grid; drawn elsewhere
        double scale = scale(session);
        int[] size = PlaygroundView.size(session, scale);
        EpochStats last = session.last();
        String json = JsonWriter.toJson(w -> w.beginObject()
                .name("epoch").value(session.epoch())
                .name("trainLoss").value(last.trainLoss())
                .name("testLoss").value(last.testLoss())
                .name("playing").value(loop.playing())
                .name("diverged").value(session.diverged())
                .name("ownData").value(session.ownData())
                .name("hash").value(session.state().toHash())
                .name("width").value(size[0])
                .name("height").value(size[1])
                .endObject());
        return new SessionLoop.Snapshot(() -> painter.figure(frame, scale), json);
    }
}
