package org.nnlab.raster.live;

/**
 * The newest frame of a live page, and a place to wait for the next one: publishing replaces the frame (the
 * newest wins; a slow browser skips frames, it never queues them), and readers wait for a version newer than
 * the one they have.
 */
final class FrameBox {
    /**
     * One published frame; immutable.
     *
     * @param version 1, 2, ... in publishing order
     * @param png     the picture, a PNG file's bytes (never modified after publishing)
     * @param json    the numbers beside it, a JSON object
     */
    record Frame(long version, byte[] png, String json) {
    }

    private Frame latest;
    private boolean closed;

    /** @param first the frame readers get until the first is published (version 0) */
    FrameBox(Frame first) {
        latest = first;
    }

    synchronized void publish(byte[] png, String json) {
        latest = new Frame(latest.version() + 1, png, json);
        notifyAll();
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
