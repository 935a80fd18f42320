package org.nnlab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Runs a sweep on this machine's cores: {@code threads} workers take the next trial index from one counter,
 * run it, and hand its record to the sink as soon as it finishes. Memory is bounded whatever the sweep's size:
 * at most {@code threads} runs exist at a time, and nothing is kept once the sink has its record.
 *
 * <p>Records reach the sink one at a time (the sink need not be thread-safe), in the order runs finish, which
 * varies; each record is the same whatever thread ran it ({@link Sweep#run(long)} is a pure function).
 * Interrupting the calling thread cancels the sweep within one epoch of each running run: running runs are
 * abandoned (no record), finished ones have reached the sink, and the call throws InterruptedException.
 */
public final class LocalSweep {
    private LocalSweep() {
    }

    /** Every core of this machine. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs every trial of {@code sweep} not skipped, on {@code threads} threads, giving each record to {@code sink}.
     *
     * @param skip trials already done (a resumed sweep), by index
     * @return the number of runs made
     * @throws InterruptedException if the calling thread was interrupted (the sweep is cancelled first)
     * @throws RuntimeException     what a run or the sink threw (the other runs are cancelled first)
     */
    public static long run(Sweep sweep, int threads, LongPredicate skip, Consumer<SweepRecord> sink)
            throws InterruptedException {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("LocalSweep: threads must be 1..1024, got " + threads);
        }
        AtomicLong next = new AtomicLong();
        AtomicLong made = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Object sinkLock = new Object();
        long size = sweep.size();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (long i = next.getAndIncrement(); i < size && !cancelled.get(); i = next.getAndIncrement()) {
                        if (skip.test(i)) {
                            continue;
                        }
                        SweepRecord r = sweep.run(i, cancelled::get);
                        synchronized (sinkLock) {
                            if (!cancelled.get()) {
                                sink.accept(r);
                                made.incrementAndGet();
                            }
                        }
                    }
                } catch (CancellationException e) {
                    // the sweep was cancelled: this run is abandoned
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    cancelled.set(true);
                }
            }, "nnlab-sweep-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            for (Thread w : workers) {
                w.join();           // each stops within one epoch
            }
            throw e;
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return made.get();
    }
}
