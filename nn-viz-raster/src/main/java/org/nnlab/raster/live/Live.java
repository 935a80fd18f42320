package org.nnlab.raster.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Function;

import org.nnlab.actmax.ShapeShop;
import org.nnlab.gan.GanSession;
import org.nnlab.playground.PlaygroundSession;

/**
 * A session on a live page in the browser: every number and picture computed here, in Java; the page only
 * shows frames and sends controls. Playground, GAN Lab and ShapeShop each have their page.
 *
 * <pre>{@code
 * var session = PlaygroundSession.load(PlaygroundState.parse("seed=0.12345&dataset=spiral"));
 * try (var live = Live.open(session)) {      // prints http://127.0.0.1:PORT/TOKEN/ : open it in a browser
 *     live.train(500);                        // the page follows; play, pause and change settings there too
 * }
 * var gan = Live.open(GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(7)));
 * var shapes = Live.open(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.CIRCLE), Architecture.MLP, 50,
 *         InitialImage.ZEROS, 0.005, 7, 10_000));
 * shapes.train(50);                           // one round of 50 epochs; its rows appear class by class
 * }</pre>
 *
 * <p>From {@code open} on, the session belongs to the live page's own thread: a program trains and reads it
 * through {@link #train} and {@link #with}, never directly (the sessions refuse a second thread). The server
 * listens on 127.0.0.1 only, and the address carries a random 128-bit token without which every request is
 * refused.
 *
 * @param <S> what {@link #with} hands to a task: the Playground or GAN Lab session the page shows, or ShapeShop's
 *            newest round (null before the first)
 */
public final class Live<S> implements AutoCloseable {
    private final LivePage<S> page;
    private final LiveServer server;

    private Live(LivePage<S> page, LiveServer server) {
        this.page = page;
        this.server = server;
    }

    /** {@link #open(PlaygroundSession, int)} on a free port, printing the address on standard output. */
    public static Live<PlaygroundSession> open(PlaygroundSession session) {
        return announce(open(session, 0));
    }

    /**
     * Serves {@code session} on a live Playground page: play, step, reset, data sets, features, layers, learning
     * rate and the rest of Playground's controls; the address carries Playground's hash.
     *
     * @param port 0 for a free port, else 1..65535
     * @throws IllegalArgumentException if the port is out of range or the session's network is too large to
     *                                  draw
     * @throws UncheckedIOException     if the port cannot be bound
     */
    public static Live<PlaygroundSession> open(PlaygroundSession session, int port) {
        return serve(new PlaygroundLive(session), port);
    }

    /** {@link #open(GanSession, int)} on a free port, printing the address on standard output. */
    public static Live<GanSession> open(GanSession session) {
        return announce(open(session, 0));
    }

    /**
     * Serves {@code session} on a live GAN Lab page: play, one epoch, the discriminator-only and generator-only
     * steps with slow motion through an update's five phases, the layers of the distributions view, learning
     * rates, optimizers, loss, kD and kG, noise, networks, the distributions (and drawing one), the model
     * overview graph and the charts.
     *
     * @param port 0 for a free port, else 1..65535
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Live<GanSession> open(GanSession session, int port) {
        return serve(new GanLive(session), port);
    }

    /** {@link #open(ShapeShop.Config, int)} on a free port, printing the address on standard output. */
    public static Live<ShapeShop.Round> open(ShapeShop.Config settings) {
        return announce(open(settings, 0));
    }

    /**
     * Serves a ShapeShop page with these settings chosen and nothing trained yet: the user picks classes (or
     * draws one), the model, epochs, initial image and step, and trains; each round's row appears class by class.
     *
     * @param port 0 for a free port, else 1..65535
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Live<ShapeShop.Round> open(ShapeShop.Config settings, int port) {
        return serve(new ShapeShopLive(settings, null), port);
    }

    /** {@link #open(ShapeShop.Round, int)} on a free port, printing the address on standard output. */
    public static Live<ShapeShop.Round> open(ShapeShop.Round round) {
        return announce(open(round, 0));
    }

    /**
     * Serves a ShapeShop page that shows a round already run (its row, its settings chosen), to go on from.
     *
     * @param port 0 for a free port, else 1..65535
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Live<ShapeShop.Round> open(ShapeShop.Round round, int port) {
        return serve(new ShapeShopLive(round.config(), round), port);
    }

    private static <S> Live<S> announce(Live<S> live) {
        System.out.println("nnlab live: " + live.url());
        return live;
    }

    private static <S> Live<S> serve(LivePage<S> page, int port) {
        try {
            return new Live<>(page, new LiveServer(page, port));
        } catch (IOException e) {
            page.close();
            throw new UncheckedIOException("Live.open: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            page.close();                        // a bad port: the page's thread must not outlive the failure
            throw e;
        }
    }

    /** The page's address, with its token: {@code http://127.0.0.1:PORT/TOKEN/}. */
    public URI url() {
        return server.url();
    }

    /**
     * Trains on the page's thread, after whatever the page asked for before, and shows frames along the way:
     * {@code epochs} epochs of the Playground or GAN Lab session (fewer if it diverges), or one ShapeShop round of
     * {@code epochs} epochs with the settings the page shows (at least 1).
     *
     * @throws IllegalArgumentException if epochs is negative (or 0 for ShapeShop)
     */
    public void train(int epochs) throws InterruptedException {
        page.train(epochs);
    }

    /**
     * Runs {@code task} on the page's thread with what it shows now and returns its result, for reading it or
     * changing it directly ({@code live.with(s -> s.last())}); the page shows the outcome. A Playground or GAN Lab
     * session is the one the page shows now, which is a new one after a change on the page that builds a new
     * session; for ShapeShop it is the newest round, null before the first.
     */
    public <T> T with(Function<S, T> task) throws InterruptedException {
        return page.with(task);
    }

    /** Stops the server and the page's threads; the session is free for its program again. */
    @Override
    public void close() {
        server.close();
        page.close();
    }

    /** Frames published so far (for measurements: frames sent against frames a browser drew). */
    long framesPublished() {
        return page.frames().latest().version();
    }

    /** Whether every thread of this page has ended (for tests). */
    boolean stopped() {
        return server.stopped() && page.stopped();
    }
}
