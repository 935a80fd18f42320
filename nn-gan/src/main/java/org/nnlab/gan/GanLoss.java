package org.nnlab.gan;

import org.nnlab.core.Compute;

/**
 * GAN Lab's two losses on the discriminator's sigmoid outputs p = D(x) = σ(z) (spec 2.e), with their
 * gradients with respect to the logits z, which is where back-propagation starts.
 *
 * <ul>
 *   <li>{@link #LOG}: L_D = -[mean(0.95·ln p_real) + mean ln(1 - p_fake)], L_G = -mean ln p_fake (the
 *       non-saturating generator loss). The 0.95 scales only the real term. The logs are taken from the
 *       logits, ln σ(z) = -softplus(-z) and ln(1 - σ(z)) = -softplus(z), so a saturated D gives a large
 *       finite loss where GAN Lab's ln of a float32 sigmoid gives infinity; elsewhere the two agree to
 *       float rounding.</li>
 *   <li>{@link #LEAST_SQUARES}: L_D = mean (p_real - 1)² + mean p_fake², L_G = mean (p_fake - 1)², on the
 *       sigmoid outputs, without ½ factors.</li>
 * </ul>
 */
public enum GanLoss {
    /** "Log loss", the default. */
    LOG("Log loss"),
    /** "LeastSq loss". */
    LEAST_SQUARES("LeastSq loss");

    /** The factor on the real term of the log loss. */
    public static final double REAL_FACTOR = 0.95;

    private final String label;

    GanLoss(String label) {
        this.label = label;
    }

    /** GAN Lab's name: "Log loss" or "LeastSq loss". */
    public String label() {
        return label;
    }

    /**
     * The loss with this GAN Lab label.
     *
     * @throws IllegalArgumentException for other labels
     */
    public static GanLoss ofLabel(String label) {
        for (GanLoss l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        throw new IllegalArgumentException("GanLoss: unknown loss \"" + label + "\"; expected \"Log loss\" or \"LeastSq loss\"");
    }

    /** Per thread: two arrays of softplus terms (the loss runs every step: no allocation). */
    private static final ThreadLocal<double[][]> TERMS = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    /**
     * softplus(sign·z[i]) = ln(1 + e^(sign·z[i])) for i in [0, n) into this thread's array {@code slot}, without overflow,
     * on the kernels ({@link Compute#strictSoftplus}: vector lanes with fdlibm's bits).
     */
    private static double[] softplusTerms(float[] z, int n, double sign, int slot) {
        double[][] holder = TERMS.get();
        if (holder[slot].length < n) {
            holder[slot] = new double[n];
        }
        double[] terms = holder[slot];
        for (int i = 0; i < n; i++) {
            terms[i] = sign * z[i];
        }
        Compute.strictSoftplus(terms, terms, n);
        return terms;
    }

    /**
     * L_D for n real and n fake predictions p = σ(z), and its gradient with respect to the logits.
     *
     * @param zReal     the real rows' logits (the log loss is computed from them, stably)
     * @param zFake     the fake rows' logits
     * @param realDelta receives dL_D/dz for the real rows
     * @param fakeDelta receives dL_D/dz for the fake rows
     */
    public double discriminator(float[] pReal, float[] pFake, float[] zReal, float[] zFake, int n, float[] realDelta,
                                float[] fakeDelta) {
        double realTerm = 0;
        double fakeTerm = 0;
        double[] realSoftplus = this == LOG ? softplusTerms(zReal, n, -1, 0) : null;    // softplus(-z)
        double[] fakeSoftplus = this == LOG ? softplusTerms(zFake, n, 1, 1) : null;     // softplus(z)
        for (int i = 0; i < n; i++) {
            double r = pReal[i];
            double f = pFake[i];
            if (this == LOG) {
                realTerm -= REAL_FACTOR * realSoftplus[i];                 // 0.95·ln σ(z)
                fakeTerm -= fakeSoftplus[i];                               // ln(1 - σ(z))
                realDelta[i] = (float) (-REAL_FACTOR * (1 - r) / n);        // d(-0.95 ln σ(z))/dz = -0.95(1 - p)
                fakeDelta[i] = (float) (f / n);                              // d(-ln(1 - σ(z)))/dz = p
            } else {
                realTerm += (r - 1) * (r - 1);
                fakeTerm += f * f;
                realDelta[i] = (float) (2 * (r - 1) * r * (1 - r) / n);
                fakeDelta[i] = (float) (2 * f * f * (1 - f) / n);
            }
        }
        return this == LOG ? -(realTerm / n + fakeTerm / n) : realTerm / n + fakeTerm / n;
    }

    /**
     * L_G for n fake predictions p = σ(z), and its gradient with respect to the logits.
     *
     * @param zFake     the logits (the log loss is computed from them, stably)
     * @param fakeDelta receives dL_G/dz
     */
    public double generator(float[] pFake, float[] zFake, int n, float[] fakeDelta) {
        double sum = 0;
        double[] softplus = this == LOG ? softplusTerms(zFake, n, -1, 0) : null;        // softplus(-z)
        for (int i = 0; i < n; i++) {
            double f = pFake[i];
            if (this == LOG) {
                sum -= softplus[i];                                        // ln σ(z)
                fakeDelta[i] = (float) (-(1 - f) / n);
            } else {
                sum += (f - 1) * (f - 1);
                fakeDelta[i] = (float) (2 * (f - 1) * f * (1 - f) / n);
            }
        }
        return this == LOG ? -sum / n : sum / n;
    }
}
