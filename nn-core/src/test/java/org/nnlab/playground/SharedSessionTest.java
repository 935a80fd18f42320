package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A session shared by eight threads fails fast instead of silently losing epochs. */
class SharedSessionTest {
    @Test
    void concurrentStepsFailFastAndNoEpochIsLost() throws InterruptedException {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("seed=3&networkShape=8,8"));
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 300; i++) {
                    try {
                        s.step();
                        done.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            }, "stepper-" + t);
            threads.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentModificationException.class)
                .hasMessageContaining("PlaygroundSession is not thread-safe: thread \"stepper-"));
        synchronized (s) {
            assertThat(s.epoch()).as("every successful step counted once").isEqualTo(done.get());
            assertThat(s.history()).hasSize(done.get() + 1);
        }
    }
}
