package org.nnlab.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.view.PlaygroundView;

/**
 * A Playground URL, trained with progress on the console, then its picture:
 * {@code java --add-modules jdk.incubator.vector -cp examples/target/nnlab.jar org.nnlab.examples.PlaygroundExample [URL] [OUT.png]}.
 */
public final class PlaygroundExample {
    private PlaygroundExample() {
    }

    /** Loads the URL (a spiral with all features by default), trains 500 epochs, writes the picture. */
    public static void main(String[] args) throws IOException {
        String url = args.length > 0 ? args[0] : "https://playground.tensorflow.org/#dataset=spiral&networkShape=8,8,5"
                + "&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&learningRate=0.03&seed=0.5";
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(url));
        for (int block = 1; block <= 5; block++) {
            s.step(100);
            EpochStats last = s.last();
            System.out.printf(Locale.ROOT, "epoch %d  train %.3f  test %.3f%n", s.epoch(), last.trainLoss(), last.testLoss());
        }
        Path out = Path.of(args.length > 1 ? args[1] : "playground.png");
        PlaygroundView.figure(s).writePng(out);
        System.out.println(s.record() + " -> " + out);
    }
}
