package org.nnlab.raster.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Function;

import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundSession;

/**
 * A session on a live page in the browser: every number and picture computed here, in Java; the page only
 * shows frames and sends controls.
 *
 * <pre>{@code
 * var session = PlaygroundSession.load(PlaygroundState.parse("seed=0.12345&dataset=spiral"));
 * try (var live = Live.open(session)) {      // prints http://127.0.0.1:PORT/TOKEN/ : open it in a browser
 *     live.step(500);                         // the page follows; play, pause and change settings there too
 * }
 * }</pre>
 *
 * <p>From {@link #open} on, the session belongs to the live page's own thread: a program trains and reads it
 * through {@link #step} and {@link #with}, never directly (the session refuses a second thread). The server
 * listens on 127.0.0.1 only, and the address carries a random 128-bit token without which every request is
 * refused.
 */
public final class Live implements AutoCloseable {
    private final PlaygroundLive page;
    private final LiveServer server;

    private Live(PlaygroundLive page, LiveServer server) {
        this.page = page;
        this.server = server;
    }

    /** {@link #open(PlaygroundSession, int)} on a free port, printing the address on standard output. */
    public static Live open(PlaygroundSession session) {
        Live live = open(session, 0);
        System.out.println("nnlab live: " + live.url());
        return live;
    }

    /**
     * Serves {@code session} on a live Playground page.
     *
     * @param port 0 for a free port, else 1..65535
     * @throws IllegalArgumentException if the port is out of range or the session's network is too large to
     *                                  draw
     * @throws UncheckedIOException     if the port cannot be bound
     */
    public static Live open(PlaygroundSession session, int port) {
        PlaygroundLive page = new PlaygroundLive(session);
        try {
            return new Live(page, new LiveServer(page, port));
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
     * Trains {@code epochs} epochs on the page's thread, after whatever the page asked for before; the page
     * shows frames along the way.
     *
     * @return the last epoch's losses
     * @throws IllegalArgumentException if epochs is negative
     */
    public EpochStats step(int epochs) throws InterruptedException {
        return page.step(epochs);
    }

    /**
     * Runs {@code task} with the session on the page's thread and returns its result, for reading it or changing
     * it directly ({@code live.with(s -> s.accuracy())}); the page shows the outcome. The session is the one the
     * page shows now, which is a new one after a change on the page that reloads it.
     */
    public <T> T with(Function<PlaygroundSession, T> task) throws InterruptedException {
        return page.with(task);
    }

    /** Stops the server and the page's threads; the session is free for its program again. */
    @Override
    public void close() {
        server.close();
        page.close();
    }

    /** Whether every thread of this page has ended (for tests). */
    boolean stopped() {
        return server.stopped() && page.stopped();
    }
}
