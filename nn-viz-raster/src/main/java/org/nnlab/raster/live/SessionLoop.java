package org.nnlab.raster.live;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.nnlab.raster.Figure;
import org.nnlab.raster.Png;

/**
 * The one thread that owns a live session: it runs the page's and the program's commands in the order they
 * arrive, trains between them while the page plays (until {@link #FRAME_NANOS} after the last snapshot began,
 * so up to 33 frames a second), and snapshots a frame after each change. The snapshot holds copies the session
 * never touches again (its numbers, and the data its picture is drawn from); a second thread draws the picture
 * and encodes it to PNG, with a helper thread for half of it.
 *
 * <p>No new snapshot is taken while that thread is busy, nor while a watching page has yet to fetch the frame
 * before ({@link FrameBox#awaitingPage}): the cores go to the frames a browser can show, and training takes what
 * is left. While playing, training waits for the frame being drawn ({@link #awaitEncoder}).
 */
final class SessionLoop implements AutoCloseable {
    /** What the loop drives: one training slice, and a snapshot of the session as it is. */
    interface Session {
        /** Trains for about {@code nanos} (at least one step); false once there is nothing left to train. */
        boolean train(long nanos);

        /** The session's numbers now, and its picture to draw, from copies. */
        Snapshot snapshot();
    }

    /**
     * A copy of the session's numbers, and its pictures to draw.
     *
     * @param picture draws the picture on the encoder's thread, from copies of the session's data only
     * @param json    the numbers, a JSON object
     * @param parts   the parts to draw anew with this frame, by name (see {@link FrameBox}), drawn likewise
     */
    record Snapshot(Supplier<Figure> picture, String json, Map<String, Supplier<Figure>> parts) {
        Snapshot(Supplier<Figure> picture, String json) {
            this(picture, json, Map.of());
        }
    }

    private static final System.Logger LOG = System.getLogger(SessionLoop.class.getName());
    /**
     * A frame this often while playing (about 33 a second): a little under 1/30 s, so that the last epoch of a slice,
     * the HTTP threads and the collector, which the clock cannot foresee, still leave 30 frames a second. A browser
     * that shows fewer holds frames back itself ({@link FrameBox#awaitingPage}).
     */
    static final long FRAME_NANOS = 30_000_000L;
    /** The shortest training slice between frames, so that a slow snapshot never stops training. */
    static final long MIN_SLICE_NANOS = 5_000_000L;
    /** How long a program's long command trains between frames. */
    static final long SLICE_NANOS = 30_000_000L;
    /** How long a command may wait for its turn and run before its caller gives up. */
    static final long COMMAND_SECONDS = 60;

    private final BlockingQueue<FutureTask<?>> commands = new LinkedBlockingQueue<>();
    private final AtomicBoolean encoding = new AtomicBoolean();
    private final ExecutorService encoder;
    /** Encodes the lower half of each picture while the encoder does the upper one ({@link Png#encode}). */
    private final ExecutorService helper;
    private final FrameBox frames;
    private final Thread owner;
    private final Session session;
    private volatile boolean closed;
    private boolean playing;                 // owner thread only
    private boolean due = true;              // a snapshot is due (owner thread only)
    private boolean shown = true;            // the last command's effect is in a snapshot (owner thread only)
    private long frameStart;                 // when the last snapshot began (owner thread only)

    SessionLoop(String name, Session session, FrameBox frames) {
        this.session = session;
        this.frames = frames;
        this.encoder = Executors.newSingleThreadExecutor(r -> daemon(r, name + "-encoder"));
        this.helper = Executors.newSingleThreadExecutor(r -> daemon(r, name + "-encoder-helper"));
        this.owner = daemon(this::run, name);
    }

    /** Starts the session's thread (after the page that owns this loop is fully built). */
    void start() {
        owner.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Runs {@code command} on the session's thread after the commands before it, and returns its result; a
     * frame follows. Called on the session's thread itself, it runs at once.
     *
     * @throws IllegalArgumentException    as the command throws it
     * @throws IllegalStateException       as the command throws it, or if the loop is closed or the command
     *                                     did not finish within {@link #COMMAND_SECONDS}
     */
    <T> T call(Callable<T> command) throws InterruptedException {
        if (Thread.currentThread() == owner) {
            return runHere(command);
        }
        if (closed) {
            throw new IllegalStateException("the live session is closed");
        }
        FutureTask<T> task = new FutureTask<>(command);
        commands.add(task);
        LockSupport.unpark(owner);                     // ends a wait for the encoder: commands go first
        try {
            return task.get(COMMAND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            task.cancel(false);
            throw new IllegalStateException("the live session did not answer within " + COMMAND_SECONDS + " s");
        }
    }

    private static <T> T runHere(Callable<T> command) {
        try {
            return command.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plays or pauses (on the session's thread). */
    void play(boolean on) {
        playing = on;
    }

    boolean playing() {
        return playing;
    }

    /** Whether a command waits for its turn: a slice of play ends early for it (a control shows a slice sooner). */
    boolean commandWaiting() {
        return !commands.isEmpty();
    }

    /** Takes a snapshot now if the encoder is free, else marks one due; for long commands between slices. */
    void frameIfFree() {
        due = true;
        publishIfFree();
    }

    private void run() {
        try {
            while (!closed) {
                FutureTask<?> command = playing ? commands.poll() : commands.poll(shown ? 20 : 1, TimeUnit.MILLISECONDS);
                if (command != null) {
                    command.run();
                    due = true;
                    shown = false;
                } else if (playing && (shown || !encoding.get())) {
                    // a frame clock: the next snapshot starts FRAME_NANOS after the last one began, whatever the
                    // drawing, the wait for it and anything else took in between; a control's frame goes first
                    long slice = frameStart + FRAME_NANOS - System.nanoTime();
                    playing = session.train(Math.max(MIN_SLICE_NANOS, slice));
                    due = true;
                }
                try {
                    publishIfFree();
                } catch (RuntimeException e) {             // a picture that cannot be drawn: say so, keep serving
                    LOG.log(System.Logger.Level.WARNING, "nnlab live: no frame: " + e.getMessage(), e);
                }
                if (playing || !shown) {
                    awaitEncoder();
                }
            }
        } catch (InterruptedException e) {
            // closed
        } finally {
            FutureTask<?> left;
            while ((left = commands.poll()) != null) {
                left.cancel(false);
            }
        }
    }

    /**
     * Frames first: while playing, training waits for the frame being drawn (at most {@link #FRAME_NANOS}), so
     * that on a machine with few cores, shared with the browser, drawing is not starved by training; the slice
     * that follows is what is left of the frame's {@link #FRAME_NANOS}. A command that arrives meanwhile ends the
     * wait: it runs at once, and its frame is snapshotted as soon as the encoder is free, before any more training.
     */
    private void awaitEncoder() {
        long deadline = System.nanoTime() + FRAME_NANOS;
        for (long left = FRAME_NANOS; encoding.get() && left > 0 && !closed && commands.isEmpty();
                left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void publishIfFree() {
        if (!due || closed || frames.awaitingPage() || !encoding.compareAndSet(false, true)) {
            return;                  // nothing new, or the page has yet to take the frame before: train on meanwhile
        }
        due = false;
        shown = true;
        Snapshot s;
        long start = System.nanoTime();
        frameStart = start;
        try {
            s = session.snapshot();
        } catch (RuntimeException e) {
            encoding.set(false);
            throw e;
        }
        encoder.execute(() -> {
            try {
                Figure f = s.picture().get();
                Map<String, byte[]> parts = new HashMap<>();
                s.parts().forEach((name, part) -> {
                    Figure p = part.get();
                    parts.put(name, Png.encode(p.width(), p.height(), p.rgb()));
                });
                frames.publish(Png.encode(f.width(), f.height(), f.rgb(), helper), s.json(), parts);
            } catch (RuntimeException e) {              // a picture that cannot be drawn: say so, keep serving
                LOG.log(System.Logger.Level.WARNING, "nnlab live: no frame: " + e.getMessage(), e);
            } finally {
                encoding.set(false);
                LockSupport.unpark(owner);
            }
        });
    }

    /** Stops both threads and waits for the owner to finish its current slice (at most a few seconds). */
    @Override
    public void close() {
        closed = true;
        owner.interrupt();
        frames.close();
        try {
            owner.join(TimeUnit.SECONDS.toMillis(10));         // before the encoder stops: it may hand one more frame
            encoder.shutdown();
            encoder.awaitTermination(10, TimeUnit.SECONDS);
            helper.shutdown();
            helper.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            encoder.shutdownNow();
            helper.shutdownNow();
        }
    }

    /** Whether the owner thread has ended (for tests: nothing left running after close). */
    boolean stopped() {
        return !owner.isAlive() && encoder.isTerminated() && helper.isTerminated();
    }
}
