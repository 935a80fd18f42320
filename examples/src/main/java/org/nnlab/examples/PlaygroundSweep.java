package org.nnlab.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.ContactSheet;
import org.nnlab.raster.Figure;
import org.nnlab.raster.view.PlaygroundView;

/**
 * Who solves the spiral? Runs Playground configurations (feature sets x architectures) in parallel
 * threads, each its own seeded session, and renders a contact sheet of their output maps ranked by test
 * loss: {@code ... org.nnlab.examples.PlaygroundSweep [EPOCHS] [OUT.png]}.
 */
public final class PlaygroundSweep {
    private PlaygroundSweep() {
    }

    private record Run(String label, PlaygroundSession session) {
    }

    /** Sweeps 3 feature sets x 3 architectures and writes the contact sheet. */
    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path out = Path.of(args.length > 1 ? args[1] : "sweep.png");
        sweep(epochs, System.out).writePng(out);
        System.out.println("-> " + out);
    }

    /** The sweep's contact sheet, best first; prints each configuration's test loss to {@code log}. */
    static Figure sweep(int epochs, java.io.PrintStream log) throws Exception {
        String[][] features = {{"x, y", "x=true&y=true"},
            {"x, y, squares", "x=true&y=true&xSquared=true&ySquared=true"},
            {"all seven", "x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true"}};
        String[] shapes = {"4", "8,8", "8,8,5"};
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<Run>> futures = new ArrayList<>();
        for (String[] f : features) {
            for (String shape : shapes) {
                futures.add(pool.submit(() -> {
                    PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("dataset=spiral&networkShape=" + shape
                            + "&" + f[1] + "&learningRate=0.03&seed=0.5"));
                    s.step(epochs);
                    return new Run(f[0] + " \u00b7 [" + shape + "]", s);
                }));
            }
        }
        List<Run> runs = new ArrayList<>();
        for (Future<Run> r : futures) {
            runs.add(r.get());
        }
        pool.shutdown();
        runs.sort(Comparator.comparingDouble(r -> r.session().last().testLoss()));
        List<Figure> figures = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Run r : runs) {
            double loss = r.session().last().testLoss();
            log.printf(Locale.ROOT, "%-30s test loss %.3f%n", r.label(), loss);
            figures.add(PlaygroundView.output(r.session(), 200));
            titles.add(String.format(Locale.ROOT, "%s: %.3f", r.label(), loss));
        }
        String heading = String.format(Locale.ROOT, "Spiral: test loss after %,d epochs, best first "
                + "(features \u00b7 hidden layers: loss)", epochs);
        return ContactSheet.of(heading, 3, figures, titles, 12);
    }
}
