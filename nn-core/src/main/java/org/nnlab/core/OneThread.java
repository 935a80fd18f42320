package org.nnlab.core;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fail-fast guard for objects that one thread at a time may use (training sessions): a second thread that
 * enters while another is inside gets a {@link ConcurrentModificationException} naming both, instead of lost
 * epochs or an index error deep in a kernel. Re-entry by the same thread is allowed. Costs one
 * compare-and-set per call; it guarantees nothing about use without overlap, which needs the caller's own
 * synchronization ({@code synchronized (session) {...}}) to publish changes between threads.
 *
 * <pre>{@code
 * guard.enter();
 * try { ... } finally { guard.exit(); }
 * }</pre>
 */
public final class OneThread {
    private final String what;
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private int depth;                 // read and written by the owner only

    /** A guard for objects named {@code what} in messages ("PlaygroundSession"). */
    public OneThread(String what) {
        this.what = what;
    }

    /**
     * Enters; must be paired with {@link #exit()} in a {@code finally}.
     *
     * @throws ConcurrentModificationException if another thread is inside
     */
    public void enter() {
        Thread me = Thread.currentThread();
        if (!owner.compareAndSet(null, me) && owner.get() != me) {
            Thread other = owner.get();
            throw new ConcurrentModificationException(what + " is not thread-safe: thread \"" + me.getName()
                    + "\" used it while thread \"" + (other == null ? "?" : other.getName())
                    + "\" was using it; give each thread its own " + what + " or synchronize on it");
        }
        depth++;
    }

    /** Leaves what {@link #enter()} entered. */
    public void exit() {
        if (--depth == 0) {
            owner.set(null);
        }
    }
}
