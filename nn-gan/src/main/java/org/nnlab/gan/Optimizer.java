package org.nnlab.gan;

/**
 * GAN Lab's two optimizers (spec 2.d), one per network: plain SGD, w ← w - η·g, and Adam,
 * w ← w - η·m̂ / (sqrt(v̂) + ε) with m̂ = m/(1 - β₁ᵗ), v̂ = v/(1 - β₂ᵗ).
 */
public enum Optimizer {
    /** "SGD", no momentum. */
    SGD("SGD"),
    /** "Adam". */
    ADAM("Adam");

    private final String label;

    Optimizer(String label) {
        this.label = label;
    }

    /** GAN Lab's name: "SGD" or "Adam". */
    public String label() {
        return label;
    }

    /**
     * The optimizer with this GAN Lab label.
     *
     * @throws IllegalArgumentException for other labels
     */
    public static Optimizer ofLabel(String label) {
        for (Optimizer o : values()) {
            if (o.label.equalsIgnoreCase(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("Optimizer: unknown optimizer \"" + label + "\"; expected \"SGD\" or \"Adam\"");
    }

    /** The state of one optimizer over n parameters: Adam's moments and step count. */
    static final class State {
        private final Optimizer kind;
        private final double learningRate;
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final float[] m;
        private final float[] v;
        private int t;

        State(Optimizer kind, int n, double learningRate, double beta1, double beta2, double epsilon) {
            this.kind = kind;
            this.learningRate = learningRate;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.m = kind == ADAM ? new float[n] : null;
            this.v = kind == ADAM ? new float[n] : null;
        }

        /**
         * One update of w in place from its gradient g. Each new value (w, and Adam's m and v) is computed in
         * double from the stored floats and rounded to float once, so the update is never less accurate than
         * GAN Lab's, whose TensorFlow.js optimizers round after every operation.
         */
        void step(float[] w, float[] g) {
            if (kind == SGD) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (w[i] - learningRate * g[i]);
                }
                return;
            }
            t++;
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < w.length; i++) {
                double gi = g[i];
                double mi = beta1 * m[i] + (1 - beta1) * gi;
                double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
                m[i] = (float) mi;
                v[i] = (float) vi;
                w[i] = (float) (w[i] - learningRate * (mi / correction1) / (Math.sqrt(vi / correction2) + epsilon));
            }
        }
    }
}
