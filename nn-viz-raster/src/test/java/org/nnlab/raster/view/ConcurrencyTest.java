package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.core.Compute;

/**
 * Reproducibility and isolation: the same configuration and seed give bitwise the same run, whether
 * runs go one by one or on eight threads at once (so independent runs share no mutable state), and the
 * run record names the kernels it ran on.
 */
class ConcurrencyTest {
    /** A run's result as a string of every number it produced (weights, losses, pixels). */
    private static List<Callable<String>> runs() {
        List<Callable<String>> runs = new ArrayList<>();
        String[] hashes = {"dataset=spiral&networkShape=8,8&x=true&y=true&sinX=true&sinY=true&seed=0.1",
            "dataset=xor&networkShape=4,2&activation=relu&learningRate=0.1&seed=0.2",
            "dataset=gauss&networkShape=6&regularization=L1&regularizationRate=0.01&seed=0.3",
            "dataset=circle&networkShape=3,3,3&batchSize=1&noise=20&seed=0.4",
            "problem=regression&regDataset=reg-gauss&networkShape=5,5&seed=0.5",
            "dataset=spiral&networkShape=8,8,8&xSquared=true&ySquared=true&seed=0.6"};
        for (String h : hashes) {
            runs.add(() -> {
                PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(h));
                s.step(40);
                StringBuilder b = new StringBuilder(s.record().toString());
                b.append(java.util.Arrays.hashCode(PlaygroundView.output(s, 60).rgb()));
                for (double[] w : s.network().weightMatrices()) {
                    b.append(java.util.Arrays.toString(w));
                }
                return b.toString();
            });
        }
        for (String preset : new String[] {"ring", "gaussians", "line", "disjoint"}) {
            runs.add(() -> {
                GanSession g = GanSession.create(RealData.named(preset), GanConfig.preset(preset), Rng.seeded(9));
                g.train(200);
                return g.weightsJson() + java.util.Arrays.toString(g.frame().heatmapD());
            });
        }
        for (long seed : new long[] {1, 2}) {
            runs.add(() -> {
                ShapeShop.Round r = ShapeShop.run(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.LINE,
                        ShapeClass.NOISE), Architecture.MLP, 20, InitialImage.NOISE, 0.005, seed, 500));
                StringBuilder b = new StringBuilder();
                for (ShapeShop.ClassResult c : r.classes()) {
                    b.append(java.util.Arrays.toString(c.image())).append(c.steps());
                }
                return b.toString();
            });
        }
        return runs;
    }

    @Test
    void parallelRunsEqualSequentialRunsBitForBit() throws Exception {
        List<String> sequential = new ArrayList<>();
        for (Callable<String> run : runs()) {
            sequential.add(run.call());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<String>> futures = new ArrayList<>();
                for (Callable<String> run : runs()) {
                    futures.add(pool.submit(run));
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).as("run %d, round %d", i, round).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void runRecordsNameTheKernels() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("seed=0.7"));
        s.step(1);
        assertThat(s.record().kernels()).isEqualTo(Compute.kernels());
        assertThat(s.record().toString()).contains("kernels=");
    }
}
