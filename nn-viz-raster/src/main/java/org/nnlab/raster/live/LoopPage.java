package org.nnlab.raster.live;

import java.util.function.Function;

/**
 * A live page whose session belongs to one {@link SessionLoop}: the frames, the loop, and the program's side
 * (training epochs with frames along the way, and tasks on the session's thread). Subclasses say what an epoch,
 * a slice of play and a snapshot are, and call {@link #start()} once they are fully built.
 *
 * @param <S> what {@link #with} hands to a program's task
 */
abstract class LoopPage<S> implements LivePage<S> {
    final FrameBox frames = new FrameBox(new FrameBox.Frame(0, new byte[0], "{}"));
    final SessionLoop loop;

    LoopPage(String threadName) {
        loop = new SessionLoop(threadName, new SessionLoop.Session() {
            @Override
            public boolean train(long nanos) {
                return LoopPage.this.trainFor(nanos);
            }

            @Override
            public SessionLoop.Snapshot snapshot() {
                return LoopPage.this.snapshot();
            }
        }, frames);
    }

    /** Starts the session's thread; the last line of a subclass's constructor. */
    final void start() {
        loop.start();
    }

    /**
     * While playing: trains for about {@code nanos} (at least one step, then while {@link #keepTraining}); false to
     * stop playing.
     */
    abstract boolean trainFor(long nanos);

    /**
     * Whether a slice of play that ends at {@code end} ({@link System#nanoTime}) goes on after a step: until then,
     * and not once a control waits, so that a control never waits for the rest of a slice.
     */
    final boolean keepTraining(long end) {
        return System.nanoTime() < end && !loop.commandWaiting();
    }

    /** The session's numbers now and its picture to draw, from copies (on the session's thread). */
    abstract SessionLoop.Snapshot snapshot();

    /** One epoch, unless the session has diverged; false if it has (then nothing was trained). */
    abstract boolean epoch();

    /** What a program's task gets: the session the page shows now. */
    abstract S session();

    @Override
    public FrameBox frames() {
        return frames;
    }

    @Override
    public void train(int epochs) throws InterruptedException {
        if (epochs < 0) {
            throw new IllegalArgumentException("Live.train: epochs must be >= 0, got " + epochs);
        }
        loop.call(() -> {
            long sliceEnd = System.nanoTime() + SessionLoop.SLICE_NANOS;
            for (int e = 0; e < epochs && epoch(); e++) {      // e counts the epochs trained
                if (System.nanoTime() >= sliceEnd) {
                    loop.frameIfFree();
                    sliceEnd = System.nanoTime() + SessionLoop.SLICE_NANOS;
                }
            }
            return null;
        });
    }

    @Override
    public <T> T with(Function<S, T> task) throws InterruptedException {
        return loop.call(() -> task.apply(session()));
    }

    @Override
    public void close() {
        loop.close();
    }

    @Override
    public boolean stopped() {
        return loop.stopped();
    }
}
