package org.nnlab.playground;

import java.util.List;

import org.nnlab.core.Rng;
import org.nnlab.nn.AbstractOptimizer;
import org.nnlab.nn.Activation;
import org.nnlab.nn.OptimizerKind;
import org.nnlab.nn.UpdateRule;
import org.nnlab.nn.dense.DenseStack;

/**
 * Playground's training with the options Playground does not have (momentum, Adam, inverted dropout, softmax
 * over several classes), on the library's shared engine: a {@link DenseStack} with float32 parameters and
 * double sums, and the shared optimizers. What stays Playground's: the training set's fixed order, an update
 * after example i when (i + 1) % batchSize == 0 with the leftover carried into the next epoch, the mean
 * gradient over the examples since the last update, and the regularization step after the optimizer's, with
 * L1's dead links (a link whose weight changes sign under the penalty is 0 for good).
 *
 * <p>The session's {@link PlaygroundNetwork} stays the network that everything else reads (the pictures, the
 * JSON, the weight editor): this engine starts from its weights and writes its own back after every epoch.
 */
final class OptionsEngine {
    private final PlaygroundNetwork network;
    private final DenseStack stack;
    private final DenseStack.Workspace ws;
    private final AbstractOptimizer optimizer;
    private final UpdateRule rule;
    private final double dropout;
    private final Rng dropoutRng;
    private final boolean[] dead;                    // per parameter: L1 killed the link
    private final boolean[] isWeight;                // per parameter: a weight (regularized), not a bias
    private final float[] sums;                      // Σ dE/dθ since the last update
    private final float[] gradients;
    private final float[] delta;
    private final float[] rows;
    private int pending;                             // examples accumulated since the last update

    /**
     * @param capacity the most examples one pass holds (the training set's size)
     */
    OptionsEngine(PlaygroundNetwork network, UpdateRule rule, double dropout, Rng dropoutRng, int capacity) {
        this.network = network;
        this.rule = rule;
        this.dropout = dropout;
        this.dropoutRng = dropoutRng;
        this.stack = network.toDenseStack();
        this.ws = stack.workspace(Math.max(1, capacity));
        this.optimizer = rule.create(stack.parameterCount(), 1);
        int count = stack.parameterCount();
        this.dead = new boolean[count];
        this.isWeight = new boolean[count];
        for (int l = 1; l <= stack.layers(); l++) {
            int out = stack.size(l);
            for (int s = 0; s < stack.size(l - 1); s++) {
                for (int d = 0; d < out; d++) {
                    int at = stack.weightOffset(l) + s * out + d;
                    isWeight[at] = true;
                    dead[at] = network.isDead(l, d, s);
                }
            }
        }
        this.sums = new float[count];
        this.gradients = new float[count];
        this.delta = new float[Math.max(1, capacity) * stack.outputs()];
        this.rows = new float[Math.max(1, capacity) * stack.inputs()];
    }

    /** Whether a session with these settings needs this engine rather than Playground's exact one. */
    static boolean needed(UpdateRule rule, double dropout, int classes) {
        return rule.kind() != OptimizerKind.SGD || dropout > 0 || classes > 1;
    }

    /** The rule this engine was made with. */
    UpdateRule rule() {
        return rule;
    }

    /** One epoch over the training set, then the weights written back to the network. */
    void epoch(double[][] inputs, List<Example> train, double batchSize, double learningRate, Regularization regularization,
               double regularizationRate) {
        int from = 0;
        for (int i = 0; i < train.size(); i++) {
            if ((i + 1) % batchSize == 0) {                  // Playground's update test, in double
                accumulate(inputs, train, from, i + 1);
                update(learningRate, regularization, regularizationRate);
                from = i + 1;
            }
        }
        accumulate(inputs, train, from, train.size());       // the leftover joins the next epoch's first batch
        writeBack();
    }

    /** Adds dE/dθ of examples [from, to) to the sums, as one batch through the stack. */
    private void accumulate(double[][] inputs, List<Example> train, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int in = stack.inputs();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < in; c++) {
                rows[r * in + c] = (float) inputs[from + r][c];
            }
        }
        stack.forward(rows, n, ws, dropout, dropoutRng);
        float[] y = ws.output();
        int classes = stack.outputs();
        for (int r = 0; r < n; r++) {
            double label = train.get(from + r).label();
            if (classes > 1) {                                // softmax and cross-entropy: dE/dz = p − onehot
                for (int c = 0; c < classes; c++) {
                    delta[r * classes + c] = y[r * classes + c] - (c == (int) label ? 1f : 0f);
                }
            } else {                                          // ½(y − t)²: dE/dz = (y − t)·f'(z)
                double e = y[r] - label;
                delta[r] = (float) (stack.output() == Activation.TANH ? e * (1 - (double) y[r] * y[r]) : e);
            }
        }
        stack.backward(ws, delta, gradients, null);
        for (int i = 0; i < sums.length; i++) {
            sums[i] = dead[i] ? 0f : sums[i] + gradients[i];
        }
        pending += n;
    }

    /**
     * The optimizer's step on the mean gradient, then Playground's regularization step w2 = w1 − η·λ·R'(w_old)
     * on the weights, with L1's dead links.
     */
    private void update(double learningRate, Regularization regularization, double regularizationRate) {
        if (pending == 0) {
            return;
        }
        float[] before = stack.parameters();
        float[] w = before.clone();
        for (int i = 0; i < sums.length; i++) {
            gradients[i] = sums[i] / pending;
            sums[i] = 0;
        }
        if (learningRate > 0 && Double.isFinite(learningRate)) {
            optimizer.learningRate(learningRate);
            optimizer.step(w, gradients);
        } else {                                              // 0 leaves the weights, NaN makes the divergence show
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (w[i] - learningRate * gradients[i]);
            }
        }
        for (int i = 0; i < w.length; i++) {
            if (dead[i]) {
                w[i] = 0;
            } else if (isWeight[i]) {
                double w1 = w[i];
                double w2 = w1 - learningRate * regularizationRate * regularization.derivative(before[i]);
                if (regularization == Regularization.L1 && w1 * w2 < 0) {
                    w[i] = 0;
                    dead[i] = true;
                } else {
                    w[i] = (float) w2;
                }
            }
        }
        stack.setParameters(w);
        pending = 0;
    }

    /** Copies the stack's weights, biases and dead links into the session's network. */
    private void writeBack() {
        float[] p = stack.parameters();
        for (int l = 1; l <= stack.layers(); l++) {
            int out = stack.size(l);
            for (int d = 0; d < out; d++) {
                network.setBias(l, d, p[stack.biasOffset(l) + d]);
                for (int s = 0; s < stack.size(l - 1); s++) {
                    int at = stack.weightOffset(l) + s * out + d;
                    network.setWeight(l, d, s, p[at]);
                    if (dead[at]) {
                        network.kill(l, d, s);
                    }
                }
            }
        }
    }

    /** Mean cross-entropy −ln p(label) over {@code data} (dropout off); NaN for an empty set. */
    double crossEntropy(double[][] inputs, List<Example> data) {
        double loss = 0;
        for (int i = 0; i < data.size(); i++) {
            loss -= Math.log(probabilities(inputs[i])[(int) data.get(i).label()]);
        }
        return loss / data.size();
    }

    /** The share of points whose most probable class is the label (ties: the first class); NaN when empty. */
    double classAccuracy(double[][] inputs, List<Example> data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] p = probabilities(inputs[i]);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            right += best == (int) data.get(i).label() ? 1 : 0;
        }
        return (double) right / data.size();
    }

    private float[] probabilities(double[] input) {
        float[] x = new float[input.length];
        for (int c = 0; c < x.length; c++) {
            x[c] = (float) input[c];
        }
        return stack.apply(x, 1);
    }
}
