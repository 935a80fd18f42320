package org.nnlab.raster.live;

import java.util.Map;

/**
 * One live session as the server sees it: a page (HTML, CSS and JavaScript from the jar's resources), its
 * newest frame, and the controls the page sends, which run on the session's own thread.
 */
interface LivePage extends AutoCloseable {
    /** The resources the page may load, by name ({@code index.html} first), all in this package. */
    Map<String, String> resources();

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

    /** Stops the session's thread; the session is no longer touched. */
    @Override
    void close();
}
