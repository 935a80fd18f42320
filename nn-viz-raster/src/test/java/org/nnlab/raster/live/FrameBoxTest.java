package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The frame box's flow control: frames wait only for a page that watches and is two pictures behind, and not long. */
class FrameBoxTest {
    @Test
    void framesWaitOnlyForAWatchingPageTwoPicturesBehind() throws InterruptedException {
        FrameBox box = new FrameBox(new FrameBox.Frame(0, new byte[0], "{}"));
        box.publish(new byte[] {1}, "{}", Map.of());
        box.publish(new byte[] {2}, "{}", Map.of());
        assertThat(box.awaitingPage()).as("nobody watches: a program, a test").isFalse();

        box.watch(true);
        assertThat(box.awaitingPage()).as("a page watches and has taken nothing of versions 1 and 2").isTrue();
        box.taken(1);
        assertThat(box.awaitingPage()).as("version 2 in flight: the next may be drawn meanwhile").isFalse();
        box.publish(new byte[] {3}, "{}", Map.of());
        assertThat(box.awaitingPage()).as("two behind again").isTrue();
        box.taken(3);
        assertThat(box.awaitingPage()).as("the page has the newest").isFalse();

        box.publish(new byte[] {4}, "{}", Map.of());
        box.publish(new byte[] {5}, "{}", Map.of());
        assertThat(box.awaitingPage()).isTrue();
        Thread.sleep(FrameBox.TAKE_NANOS / 1_000_000 + 50);
        assertThat(box.awaitingPage()).as("a page that stopped fetching holds frames back %d ms at most",
                FrameBox.TAKE_NANOS / 1_000_000).isFalse();

        box.publish(new byte[] {6}, "{}", Map.of());
        box.watch(false);
        assertThat(box.awaitingPage()).as("the page has gone").isFalse();
        assertThat(box.latest().version()).isEqualTo(6);
    }
}
