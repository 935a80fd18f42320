package org.nnlab.gan;

import org.nnlab.nn.OptimizerKind;
import org.nnlab.nn.dense.DenseStack;
/**
 * GAN Lab's epoch restated independently of {@link GanSession} and {@link DenseStack}, in one of two arithmetics:
 * exact (float64 throughout, the oracle) or GAN Lab's own (TensorFlow.js on the CPU: every tensor stored in
 * float32, each operation's result rounded to float32, matrix products and sums accumulated in double
 * and rounded once, scalars such as the learning rate held as float32, Adam's β powers kept as float32
 * variables multiplied once per step). It follows spec 2.f as GanSession does: kD discriminator updates,
 * each on the next noise and the next real batch, then kG generator updates, each on the next noise batch;
 * the generator's gradient reaches its output through D's input gradient and tanh's 1 - y².
 */
final class GanRestatement {
    /** Which arithmetic. */
    enum Arithmetic {
        /** float64 everywhere: the oracle. */
        FLOAT64,
        /**
         * float64 arithmetic, but the state that persists between steps (parameters and Adam's moments)
         * stored in float32, as GAN Lab and nnlab both store it: the oracle for the arithmetic alone.
         */
        FLOAT64_STORED_AS_FLOAT32,
        /** GAN Lab's: float32 storage, double accumulation, a rounding after every operation. */
        GAN_LAB
    }

    private final Arithmetic arithmetic;
    private final GanConfig config;
    private final Net g;
    private final Net d;
    private final double[] real;
    private final double[] noise;
    private final int noiseCols;
    private long realBatches;
    private long noiseBatches;
    private final Adam gAdam;
    private final Adam dAdam;

    /** Starts from a session's initial weights and atlases (before it has trained). */
    GanRestatement(GanSession start, Arithmetic arithmetic) {
        this.arithmetic = arithmetic;
        this.config = start.config();
        this.g = new Net(start.generator(), true);
        this.d = new Net(start.discriminator(), false);
        this.real = doubles(start.realAtlas().head(Atlas.ROWS));
        this.noiseCols = start.noiseAtlas().cols();
        this.noise = doubles(start.noiseAtlas().head(Atlas.ROWS));
        this.gAdam = new Adam(g.p.length, config.gLearningRate());
        this.dAdam = new Adam(d.p.length, config.dLearningRate());
    }

    double[] generatorParameters() {
        return g.p.clone();
    }

    double[] discriminatorParameters() {
        return d.p.clone();
    }

    void epoch() {
        for (int k = 0; k < config.kD(); k++) {
            discriminatorUpdate();
        }
        for (int k = 0; k < config.kG(); k++) {
            generatorUpdate();
        }
    }

    /** An operation's result in this arithmetic. */
    private double q(double x) {
        return arithmetic == Arithmetic.GAN_LAB ? (float) x : x;
    }

    /** A value stored from one step to the next. */
    private double stored(double x) {
        return arithmetic == Arithmetic.FLOAT64 ? x : (float) x;
    }

    private static double[] doubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private double[] batch(double[] atlas, int cols, long k, int n) {
        double[] out = new double[n * cols];
        for (int i = 0; i < n; i++) {
            int row = (int) ((k * n + i) % Atlas.ROWS);
            System.arraycopy(atlas, row * cols, out, i * cols, cols);
        }
        return out;
    }

    private void discriminatorUpdate() {
        int n = config.batch();
        double[] z = batch(noise, noiseCols, noiseBatches++, n);
        double[] fake = g.forward(z, n)[g.layers()];
        double[] x = new double[4 * n];
        System.arraycopy(batch(real, 2, realBatches++, n), 0, x, 0, 2 * n);
        System.arraycopy(fake, 0, x, 2 * n, 2 * n);
        double[][] acts = d.forward(x, 2 * n);
        double[] p = acts[d.layers()];
        double[] delta = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double r = p[i];
            double f = p[n + i];
            if (config.loss() == GanLoss.LOG) {
                delta[i] = q(-GanLoss.REAL_FACTOR * (1 - r) / n);
                delta[n + i] = q(f / n);
            } else {
                delta[i] = q(2 * (r - 1) * r * (1 - r) / n);
                delta[n + i] = q(2 * f * f * (1 - f) / n);
            }
        }
        double[] grads = new double[d.p.length];
        d.backward(acts, delta, 2 * n, grads, false);
        step(config.dOptimizer(), dAdam, config.dLearningRate(), d.p, grads);
    }

    private void generatorUpdate() {
        int n = config.batch();
        double[] z = batch(noise, noiseCols, noiseBatches++, n);
        double[][] gActs = g.forward(z, n);
        double[] fake = gActs[g.layers()];
        double[][] dActs = d.forward(fake, n);
        double[] p = dActs[d.layers()];
        double[] delta = new double[n];
        for (int i = 0; i < n; i++) {
            double f = p[i];
            delta[i] = config.loss() == GanLoss.LOG ? q(-(1 - f) / n) : q(2 * (f - 1) * f * (1 - f) / n);
        }
        double[] dx = d.backward(dActs, delta, n, null, true);
        for (int i = 0; i < 2 * n; i++) {
            dx[i] = q(dx[i] * q(1 - q(fake[i] * fake[i])));                   // tanh's gradient, op by op
        }
        double[] grads = new double[g.p.length];
        g.backward(gActs, dx, n, grads, false);
        step(config.gOptimizer(), gAdam, config.gLearningRate(), g.p, grads);
    }

    private void step(OptimizerKind kind, Adam adam, double learningRate, double[] w, double[] grad) {
        if (kind == OptimizerKind.SGD) {
            double c = q(-learningRate);
            for (int i = 0; i < w.length; i++) {
                w[i] = stored(q(w[i] + q(c * grad[i])));
            }
        } else {
            adam.step(w, grad);
        }
    }

    /** Adam as TensorFlow.js writes it, each line one rounded operation in GAN Lab's arithmetic. */
    private final class Adam {
        private final double[] m;
        private final double[] v;
        private final double c;
        private final double b1;
        private final double b2;
        private final double eps;
        private double accB1 = 1;
        private double accB2 = 1;

        Adam(int n, double learningRate) {
            m = new double[n];
            v = new double[n];
            c = q(-learningRate);
            b1 = q(config.beta1());
            b2 = q(config.beta2());
            eps = q(config.epsilon());
        }

        void step(double[] w, double[] grad) {
            accB1 = q(accB1 * b1);
            accB2 = q(accB2 * b2);
            double oneMinusAccB1 = q(1 - accB1);
            double oneMinusAccB2 = q(1 - accB2);
            double oneMinusB1 = q(1 - b1);
            double oneMinusB2 = q(1 - b2);
            for (int i = 0; i < w.length; i++) {
                double gi = grad[i];
                m[i] = stored(q(q(m[i] * b1) + q(gi * oneMinusB1)));
                v[i] = stored(q(q(v[i] * b2) + q(q(gi * gi) * oneMinusB2)));
                double mHat = q(m[i] / oneMinusAccB1);
                double vHat = q(v[i] / oneMinusAccB2);
                w[i] = stored(q(q(c * q(mHat / q(eps + q(Math.sqrt(vHat))))) + w[i]));
            }
        }
    }

    /** A network in the restatement's arithmetic, with DenseStack's parameter layout. */
    private final class Net {
        final int[] sizes;
        final int[] weightAt;
        final int[] biasAt;
        final double[] p;
        final boolean tanh;

        Net(DenseStack net, boolean tanh) {
            this.tanh = tanh;
            sizes = new int[net.layers() + 1];
            weightAt = new int[sizes.length];
            biasAt = new int[sizes.length];
            for (int l = 0; l < sizes.length; l++) {
                sizes[l] = net.size(l);
                if (l > 0) {
                    weightAt[l] = net.weightOffset(l);
                    biasAt[l] = net.biasOffset(l);
                }
            }
            p = doubles(net.parameters());
        }

        int layers() {
            return sizes.length - 1;
        }

        /** Every layer's activations, [0] the input: matMul, then add the bias, then the activation. */
        double[][] forward(double[] x, int n) {
            double[][] a = new double[sizes.length][];
            a[0] = x;
            for (int l = 1; l < sizes.length; l++) {
                int in = sizes[l - 1];
                int out = sizes[l];
                double[] y = new double[n * out];
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < out; j++) {
                        double sum = 0;
                        for (int i = 0; i < in; i++) {
                            sum += a[l - 1][r * in + i] * p[weightAt[l] + i * out + j];
                        }
                        double z = q(q(sum) + p[biasAt[l] + j]);
                        double act;
                        if (l < layers()) {
                            act = Math.max(z, 0);
                        } else if (tanh) {
                            act = q(Math.tanh(z));
                        } else {
                            act = q(1 / (1 + Math.exp(-z)));
                        }
                        y[r * out + j] = act;
                    }
                }
                a[l] = y;
            }
            return a;
        }

        /**
         * Back-propagates dL/dz of the output layer; fills grads (if not null) and returns dL/dx of the input
         * if asked.
         */
        double[] backward(double[][] a, double[] outputDelta, int n, double[] grads, boolean inputGradient) {
            double[] delta = outputDelta;
            for (int l = layers(); l >= 1; l--) {
                int in = sizes[l - 1];
                int out = sizes[l];
                if (grads != null) {
                    for (int i = 0; i < in; i++) {
                        for (int j = 0; j < out; j++) {
                            double sum = 0;
                            for (int r = 0; r < n; r++) {
                                sum += a[l - 1][r * in + i] * delta[r * out + j];
                            }
                            grads[weightAt[l] + i * out + j] = q(sum);
                        }
                    }
                    for (int j = 0; j < out; j++) {
                        double sum = 0;
                        for (int r = 0; r < n; r++) {
                            sum += delta[r * out + j];
                        }
                        grads[biasAt[l] + j] = q(sum);
                    }
                }
                if (l == 1 && !inputGradient) {
                    return null;
                }
                double[] below = new double[n * in];
                for (int r = 0; r < n; r++) {
                    for (int i = 0; i < in; i++) {
                        double sum = 0;
                        for (int j = 0; j < out; j++) {
                            sum += delta[r * out + j] * p[weightAt[l] + i * out + j];
                        }
                        below[r * in + i] = l > 1 && !(a[l - 1][r * in + i] > 0) ? 0 : q(sum);
                    }
                }
                delta = below;
            }
            return delta;
        }
    }
}
