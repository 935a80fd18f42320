package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/** A GAN session shared by eight threads fails fast (it used to throw ArrayIndexOutOfBoundsException). */
class SharedGanSessionTest {
    @Test
    void concurrentEpochsAndFramesFailFast() throws InterruptedException {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults(), Rng.seeded(2));
        AtomicInteger epochs = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int kind = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    try {
                        if (kind % 4 == 0) {
                            s.frame();
                        } else {
                            s.epoch();
                            epochs.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentModificationException.class)
                .hasMessageContaining("GanSession is not thread-safe"));
        synchronized (s) {
            assertThat(s.epochCount()).isEqualTo(epochs.get());
        }
    }
}
