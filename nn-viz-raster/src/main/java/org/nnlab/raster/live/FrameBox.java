package org.nnlab.raster.live;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The newest frame of a live page, and a place to wait for the next one: publishing replaces the frame (the
 * newest wins; a slow browser skips frames, it never queues them), and readers wait for a version newer than
 * the one they have. A frame may carry parts, pictures beside the main one that change less often (GAN Lab's
 * overview graph and charts): a frame without a part keeps the part of the frame before.
 *
 * <p>The box also knows whether a page keeps up ({@link #awaitingPage}): while a page watches the event stream
 * and is two pictures behind, a new frame would only be skipped, and drawing it would take the cores the browser
 * needs to show the ones before.
 */
final class FrameBox {
    /**
     * One published frame; immutable.
     *
     * @param version 1, 2, ... in publishing order
     * @param png     the picture, a PNG file's bytes (never modified after publishing)
     * @param json    the numbers beside it, a JSON object
     * @param parts   the parts by name, each from the frame that last drew it
     */
    record Frame(long version, byte[] png, String json, Map<String, Panel> parts) {
        Frame(long version, byte[] png, String json) {
            this(version, png, json, Map.of());
        }
    }

    /**
     * A part's picture.
     *
     * @param version the version of the frame that drew it
     * @param png     a PNG file's bytes
     */
    record Panel(long version, byte[] png) {
    }

    /**
     * How long a frame no page has taken holds the next one back: a page that stopped fetching (a hidden tab, a
     * client reading only the events) still gets five frames a second.
     */
    static final long TAKE_NANOS = 200_000_000L;

    private Frame latest;
    private boolean closed;
    private int watchers;            // event streams open
    private long taken;              // the newest version a page has fetched the picture of
    private long publishedAt;        // System.nanoTime() of the latest publish

    /** @param first the frame readers get until the first is published (version 0) */
    FrameBox(Frame first) {
        latest = first;
    }

    synchronized void publish(byte[] png, String json) {
        publish(png, json, Map.of());
    }

    /** Publishes a frame with new pictures for {@code newParts}; the other parts stay as they were. */
    synchronized void publish(byte[] png, String json, Map<String, byte[]> newParts) {
        long version = latest.version() + 1;
        Map<String, Panel> parts = latest.parts();
        if (!newParts.isEmpty()) {
            parts = new TreeMap<>(parts);
            for (Map.Entry<String, byte[]> e : newParts.entrySet()) {
                parts.put(e.getKey(), new Panel(version, e.getValue()));
            }
            parts = Collections.unmodifiableMap(parts);
        }
        latest = new Frame(version, png, json, parts);
        publishedAt = System.nanoTime();
        notifyAll();
    }

    /** An event stream opens ({@code true}) or closes. */
    synchronized void watch(boolean on) {
        watchers += on ? 1 : -1;
    }

    /** A page has fetched the picture of frame {@code version}. */
    synchronized void taken(long version) {
        taken = Math.max(taken, version);
    }

    /**
     * Whether the next frame should wait: a page watches, it has not taken even the picture before the newest (one
     * frame may be in flight, so that the next is drawn while the browser shows the last), and the newest is
     * younger than {@link #TAKE_NANOS}. With no page watching (a program, a test) frames never wait.
     */
    synchronized boolean awaitingPage() {
        return watchers > 0 && taken < latest.version() - 1 && System.nanoTime() - publishedAt < TAKE_NANOS;
    }

    synchronized Frame latest() {
        return latest;
    }

    /**
     * The newest frame once its version is above {@code seen}, or the newest as it is after {@code timeoutMillis}
     * or when the box closes (the caller compares versions).
     */
    synchronized Frame awaitNewer(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (latest.version() <= seen && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return latest;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }
}
