package org.nnlab.examples;

import java.nio.file.Path;

import org.nnlab.raster.view.SweepView;
import org.nnlab.sweep.LocalSweep;
import org.nnlab.sweep.Space;
import org.nnlab.sweep.Summary;
import org.nnlab.sweep.Sweep;

/**
 * Which k and generator learning rates keep GAN Lab's ring from collapsing? A sweep on every core: k_D on a grid,
 * the generator's learning rate drawn log-uniformly, two seeds each; then the ranking by the final KL, the settings
 * that matter, and a sheet of the best and worst runs: {@code ... org.nnlab.examples.SweepExample [OUT.png]}.
 */
public final class SweepExample {
    private SweepExample() {
    }

    /** Runs the sweep, prints its summary and writes the sheet. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "sweep-ring.png");
        Space space = Space.parse("dataset=ring&kD={1|3}&gLR=[0.003..0.1]log", 3, 1);   // 2 x 3 draws
        Sweep sweep = Sweep.of("ganlab", space, Sweep.seeds(2), 200, new Sweep.Objective("kl", Double.NaN, false, 20));
        Summary summary = new Summary(sweep, 2);
        LocalSweep.run(sweep, LocalSweep.defaultThreads(), i -> false, summary);   // records as runs finish
        System.out.print(summary.format(3));
        SweepView.sheet(sweep, summary.best(), summary.worst(), 200).writePng(out);
        System.out.println("-> " + out);
    }
}
