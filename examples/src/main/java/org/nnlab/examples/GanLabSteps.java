package org.nnlab.examples;

import java.util.Locale;
import java.util.Map;

import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.gan.StepTrace;

/**
 * GAN Lab's step levels walked through in the console: one discriminator update and one generator
 * update phase by phase (GAN Lab's slow motion), then whole epochs with the grid metrics.
 */
public final class GanLabSteps {
    private GanLabSteps() {
    }

    /** Runs the walk-through on the ring preset. */
    public static void main(String[] args) {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(4));
        print(s.stepDiscriminator());
        print(s.stepGenerator());
        for (int block = 1; block <= 4; block++) {
            GanSession.EpochLosses e = s.train(500);
            GanFrame f = s.frame();
            System.out.printf(Locale.ROOT, "epoch %,5d  D loss/2 %.3f  G loss %.3f  KL %.2f  JS %.2f bits%n", e.epoch(),
                    e.displayedDLoss(), e.gLoss(), f.kl(), f.js());
        }
    }

    private static void print(StepTrace trace) {
        System.out.println("== one " + trace.network().name().toLowerCase(Locale.ROOT) + " update ==");
        for (StepTrace.Step step : trace.phases()) {
            System.out.println(step.phase().ordinal() + 1 + ". " + step.caption());
            for (Map.Entry<String, Tensor> t : step.tensors().entrySet()) {
                System.out.println("     " + t.getKey() + " " + t.getValue().shape()
                        + (t.getValue().size() == 1 ? String.format(Locale.ROOT, " = %.4f", t.getValue().item()) : ""));
            }
        }
    }
}
