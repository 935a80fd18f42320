package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.NoGrad;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.op.Padding;

/** End-to-end learning and bitwise determinism, from fixed seeds. */
class TrainingTest {

    static final Tensor XOR_X = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    static final Tensor XOR_Y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);

    static Sequential xorModel(Rng rng) {
        return Sequential.of(Linear.of(2, 8, rng), ActivationLayer.of(Activation.TANH), Linear.of(8, 1, rng));
    }

    static float[] trainXor(long seed, int steps) {
        Rng rng = Rng.seeded(seed);
        Sequential model = xorModel(rng);
        Optimizer opt = Adam.over(model.parameters()).learningRate(0.05f);
        for (int i = 0; i < steps; i++) {
            opt.step(Losses.bceWithLogits(model.forward(XOR_X), XOR_Y));
        }
        return flatten(model.parameters());
    }

    static float[] flatten(List<Tensor> ps) {
        int n = ps.stream().mapToInt(Tensor::size).sum();
        float[] all = new float[n];
        int at = 0;
        for (Tensor p : ps) {
            System.arraycopy(p.array(), 0, all, at, p.size());
            at += p.size();
        }
        return all;
    }

    @Test
    void mlpLearnsXorToFullAccuracy() {
        Rng rng = Rng.seeded(42);
        Sequential model = xorModel(rng);
        Optimizer opt = Adam.over(model.parameters()).learningRate(0.05f);
        float first = 0;
        float last = 0;
        for (int i = 0; i < 300; i++) {
            Tensor loss = Losses.bceWithLogits(model.forward(XOR_X), XOR_Y);
            if (i == 0) {
                first = loss.item();
            }
            last = loss.item();
            opt.step(loss);
        }
        Tensor logits = NoGrad.run(() -> model.forward(XOR_X));
        for (int i = 0; i < 4; i++) {
            assertThat(logits.array()[i] > 0 ? 1f : 0f).as("XOR sample %d", i).isEqualTo(XOR_Y.array()[i]);
        }
        assertThat(last).isLessThan(0.05f).isLessThan(first / 10);
    }

    @Test
    void sameSeedGivesBitwiseTheSameWeightsAfter100Steps() {
        float[] first = trainXor(7, 100);
        float[] second = trainXor(7, 100);
        assertThat(second).containsExactly(first);
        assertThat(trainXor(8, 100)).isNotEqualTo(first);
    }

    @Test
    void sameSeedGivesTheSameCnnRunWithDropout() {
        assertThat(trainCnn(3, 20).weights).containsExactly(trainCnn(3, 20).weights);
    }

    /** Two 8x8 patterns: a vertical bar and a horizontal bar, at random positions, with noise. */
    static Tensor[] barImages(Rng rng, int n) {
        float[] x = new float[n * 64];
        float[] y = new float[n * 2];
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            int pos = 1 + rng.nextInt(6);
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = 0.1f * rng.nextFloat();
            }
            for (int t = 1; t < 7; t++) {
                int r = cls == 0 ? t : pos;
                int c = cls == 0 ? pos : t;
                x[i * 64 + r * 8 + c] = 1f;
            }
            y[i * 2 + cls] = 1f;
        }
        return new Tensor[] {Tensor.of(x, n, 1, 8, 8), Tensor.of(y, n, 2)};
    }

    record CnnRun(Sequential model, float[] weights) {
    }

    static CnnRun trainCnn(long seed, int epochs) {
        Rng rng = Rng.seeded(seed);
        Sequential model = Sequential.of(Conv2d.of(1, 4, 3, Padding.SAME, rng), ActivationLayer.of(Activation.RELU),
                new MaxPool2d(), new Dropout(0.25f), new Flatten(), Linear.of(4 * 4 * 4, 2, rng));
        Tensor[] data = barImages(rng.split(), 32);
        Optimizer opt = Adam.over(model.parameters()).learningRate(0.01f);
        Rng dropout = rng.split();
        for (int e = 0; e < epochs; e++) {
            for (int b = 0; b < 32; b += 4) {
                Tensor logits = model.forward(data[0].sliceRows(b, b + 4), Pass.training(dropout));
                opt.step(Losses.softmaxCrossEntropy(logits, data[1].sliceRows(b, b + 4)));
            }
        }
        return new CnnRun(model, flatten(model.parameters()));
    }

    @Test
    void smallCnnTellsVerticalFromHorizontalBars() {
        CnnRun run = trainCnn(11, 30);
        Tensor[] test = barImages(Rng.seeded(12345), 40);
        Tensor logits = NoGrad.run(() -> run.model().forward(test[0]));
        int correct = 0;
        for (int i = 0; i < 40; i++) {
            int predicted = logits.array()[2 * i] > logits.array()[2 * i + 1] ? 0 : 1;
            int label = test[1].array()[2 * i] == 1f ? 0 : 1;
            correct += predicted == label ? 1 : 0;
        }
        assertThat(correct).as("held-out accuracy out of 40").isEqualTo(40);
    }
}
