package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.ActivationMaximization;
import org.nnlab.core.Rng;
import org.nnlab.nn.dense.DenseStack;

/** Activation maximization of GAN Lab's discriminator output: the point D finds most real. */
class DiscriminatorMaximizationTest {
    @Test
    void ascentFindsWhereTheDiscriminatorSaysReal() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(4));
        s.train(300);
        DenseStack d = s.discriminator();
        DenseStack.Workspace pass = d.workspace(1);
        float[] delta = new float[1];
        ActivationMaximization.Objective real = (x, gradient) -> {
            d.forward(x, 1, pass);
            float p = pass.output()[0];
            delta[0] = p * (1 - p);                                          // dD/dz of the sigmoid
            d.backward(pass, delta, null, gradient);
            return p;
        };
        float[] start = {0.5f, 0.45f};                                       // the ring's empty centre
        float[] g = new float[2];
        double before = real.evaluate(start, g);
        ActivationMaximization.Result r = ActivationMaximization.maximize(real, start,
                new ActivationMaximization.Options(0.005, 0.99, 3000, 0, 0, 0, 0));
        assertThat(r.value()).isGreaterThan(before);
        // and the gradient it climbs is the one GAN Lab draws: dD/dx from the frame's own backward pass
        double h = 1e-3;
        double numeric = (d.apply(new float[] {start[0] + (float) h, start[1]}, 1)[0]
                - d.apply(new float[] {start[0] - (float) h, start[1]}, 1)[0]) / (2 * h);
        assertThat((double) g[0]).isCloseTo(numeric, org.assertj.core.api.Assertions.within(2e-3 + 0.02 * Math.abs(numeric)));
    }
}
