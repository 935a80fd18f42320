package org.nnlab.raster.live;

import java.util.Map;
import java.util.function.Function;

/**
 * One live session as the server sees it: a page (HTML, CSS and JavaScript from the jar's resources), its
 * newest frame, the controls the page sends, and the program's side ({@link Live}), all of which run on the
 * session's own thread.
 *
 * @param <S> what the program reaches through {@link #with}: the session, or the newest ShapeShop round
 */
interface LivePage<S> extends AutoCloseable {
    /** The page's HTML file, one of {@link #resources()}. */
    String html();

    /** The files the page may load, by name, with their content types; all are resources of this package. */
    Map<String, String> resources();

    /**
     * A picture the page shows that the server draws once (ShapeShop's shape buttons), by a name from the page's
     * fixed list; null for any other name. Nothing a request names is read from disk.
     */
    default byte[] picture(String name) {
        return null;
    }

    /** The newest frame and the place to wait for the next. */
    FrameBox frames();

    /**
     * Runs one control on the session's thread and waits for it.
     *
     * @param form the control's fields ({@code action} and its values)
     * @throws IllegalArgumentException with the library's message for a bad action or value; the session is
     *                                  unchanged
     */
    void control(Map<String, String> form) throws InterruptedException;

    /** Trains {@code epochs} epochs on the session's thread, with frames along the way (see {@link Live#train}). */
    void train(int epochs) throws InterruptedException;

    /** Runs {@code task} on the session's thread with what the page shows now. */
    <T> T with(Function<S, T> task) throws InterruptedException;

    /** Stops the session's thread; the session is no longer touched. */
    @Override
    void close();

    /** Whether the session's threads have ended (for tests). */
    boolean stopped();
}
