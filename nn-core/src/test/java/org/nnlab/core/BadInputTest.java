package org.nnlab.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nnlab.core.op.Convolution;
import org.nnlab.core.op.Padding;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Losses;
import org.nnlab.nn.Pass;

/** Every shape mismatch names the op and both shapes; invalid arguments say what is valid. */
class BadInputTest {
    private final Tensor a43 = Tensor.zeros(4, 3);

    private static void fails(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void shapeMismatchesNameTheOpAndBothShapes() {
        fails(() -> a43.matmul(Tensor.zeros(2, 5)), "matmul: inner dimensions differ: [4, 3] x [2, 5] (3 != 2)");
        fails(() -> a43.matmulTransA(Tensor.zeros(3, 5)), "matmulTransA: shared dimensions differ: [4, 3]ᵀ x [3, 5] (4 != 3)");
        fails(() -> a43.matmulTransB(Tensor.zeros(5, 4)), "matmulTransB: shared dimensions differ: [4, 3] x [5, 4]ᵀ (3 != 4)");
        fails(() -> a43.matmul(Tensor.zeros(3)), "matmul: needs two matrices, got [4, 3] and [3]");
        String hint = "; the smaller shape must be a scalar or equal the trailing dimensions of the larger";
        fails(() -> a43.add(Tensor.zeros(4)), "add: cannot broadcast [4, 3] with [4]" + hint);
        fails(() -> a43.sub(Tensor.zeros(3, 4)), "sub: cannot broadcast [4, 3] with [3, 4]" + hint);
        fails(() -> a43.mul(Tensor.zeros(2, 3)), "mul: cannot broadcast [4, 3] with [2, 3]" + hint);
        fails(() -> a43.div(Tensor.zeros(4, 1)), "div: cannot broadcast [4, 3] with [4, 1]" + hint);
        fails(() -> Losses.mse(a43, Tensor.zeros(3, 4)), "mse: predictions [4, 3] and targets [3, 4] differ");
        fails(() -> Losses.bceWithLogits(a43, Tensor.zeros(4)), "bceWithLogits: predictions [4, 3] and targets [4] differ");
        fails(() -> Losses.softmaxCrossEntropy(a43, Tensor.zeros(4, 2)), "softmaxCrossEntropy: predictions [4, 3] and targets [4, 2] differ");
        fails(() -> Losses.softmaxCrossEntropy(a43, new int[] {0, 1, 3, 0}), "softmaxCrossEntropy: label 3 of row 2 is outside [0, 3)");
        fails(() -> a43.reshape(5, -1), "reshape: cannot infer -1 in [5, -1] for [4, 3] (12 elements)");
        fails(() -> a43.reshape(2, 5), "reshape: [4, 3] has 12 elements, [2, 5] has 10");
        fails(() -> Tensor.concatRows(a43, Tensor.zeros(2, 4)),
                "concatRows: tensor 1 has shape [2, 4], tensor 0 has [4, 3]; all but the first dimension must agree");
        fails(() -> a43.sliceRows(2, 5), "sliceRows: range [2, 5) is outside 0..4 of [4, 3]");
        fails(() -> Tensor.zeros(1, 2, 5, 5).conv2d(Tensor.zeros(3, 1, 3, 3), Padding.VALID),
                "conv2d: input channels differ: input [1, 2, 5, 5] has 2, weight [3, 1, 3, 3] has 1");
        fails(() -> Tensor.zeros(1, 1, 2, 2).conv2d(Tensor.zeros(1, 1, 3, 3), Padding.VALID),
                "conv2d: kernel 3x3 is larger than the 2x2 input with valid padding");
        fails(() -> Convolution.conv2d(Tensor.zeros(1, 1, 4, 4), Tensor.zeros(2, 1, 3, 3), Tensor.zeros(3), Padding.SAME),
                "conv2d: bias must be [2] for weight [2, 1, 3, 3], got [3]");
        fails(() -> a43.maxPool2x2(), "maxPool2x2: needs input [n, c, h, w], got [4, 3]");
        fails(() -> Linear.of(3, 2, Rng.seeded(1)).forward(Tensor.zeros(4, 5), Pass.EVAL),
                "Linear: expects input [batch, 3], got [4, 5]");
    }

    @Test
    void invalidArgumentsSayWhatIsValid() {
        fails(() -> Shape.of(2, -1), "Shape: dimension 1 must be >= 0, got -1 in [2, -1]");
        fails(() -> Tensor.zeros(-3), "Shape: dimension 0 must be >= 0, got -3 in [-3]");
        fails(() -> Shape.of(1, 2, 3, 4, 5), "Shape: rank must be <= 4, got 5 ([1, 2, 3, 4, 5])");
        fails(() -> Shape.of(100_000, 100_000), "Shape: [100000, 100000] has more than 2147483639 elements; a float[] cannot hold it");
        fails(() -> Tensor.of(new float[5], 2, 3), "Tensor.of: values.length 5 != size of [2, 3] = 6");
        fails(() -> Linear.of(0, 3, Rng.seeded(1)), "Linear: in must be >= 1, got 0");
        fails(() -> new Dropout(1f), "Dropout: p must be in [0.0, 1.0), got 1.0");
        fails(() -> a43.dropout(Rng.seeded(1), -0.1f), "dropout: p must be in [0.0, 1.0), got -0.1");
        fails(() -> Rng.seeded(1).nextInt(0), "Rng.nextInt: bound must be > 0, got 0");
        fails(() -> a43.sum(2), "axis 2 is out of range for shape [4, 3] (rank 2)");
        fails(() -> a43.item(), "item: tensor must have one element, got [4, 3]");
    }

    @Test
    void gradientsNeedAScalarLossAndTrainableTensors() {
        Tensor w = Tensor.ones(3, 1).trainable();
        Tensor out = Tensor.ones(8, 3).matmul(w);
        fails(() -> out.gradients(w), "gradients: loss must be a scalar, got [8, 1]; reduce it first, e.g. loss.mean()");
        Tensor constant = Tensor.ones(3);
        fails(() -> out.sum().gradients(w, constant),
                "gradients: tensor 1 of 2, Tensor[3] (full), does not require a gradient; call trainable() on it");
    }

    @Test
    void onlyTrainableLeavesChangeInPlace() {
        Tensor produced = Tensor.ones(2).trainable().tanh();
        assertThatThrownBy(() -> produced.mulInPlace(2f)).isInstanceOf(IllegalStateException.class)
                .hasMessage("mulInPlace: only trainable leaves can change in place; this tensor was produced by tanh");
        assertThatThrownBy(() -> Tensor.ones(2).copyInPlace(new float[2])).isInstanceOf(IllegalStateException.class)
                .hasMessage("copyInPlace: only trainable leaves can change in place; this tensor was produced by full");
    }
}
