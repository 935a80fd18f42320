package org.nnlab.gan;

import org.nnlab.core.Rng;

/**
 * GAN Lab's four noise types (spec 2.b): 1-D or 2-D, uniform U[0, 1) per coordinate, or a normal with
 * mean 0.5 and σ 0.25 truncated at 2σ (values further out are drawn again, so the support is (0, 1)).
 */
public enum NoiseType {
    /** "1D Uniform". */
    UNIFORM_1D("1D Uniform", 1, false),
    /** "1D Gaussian". */
    GAUSSIAN_1D("1D Gaussian", 1, true),
    /** "2D Uniform", the built-in default. */
    UNIFORM_2D("2D Uniform", 2, false),
    /** "2D Gaussian". */
    GAUSSIAN_2D("2D Gaussian", 2, true);

    private final String label;
    private final int size;
    private final boolean gaussian;

    NoiseType(String label, int size, boolean gaussian) {
        this.label = label;
        this.size = size;
        this.gaussian = gaussian;
    }

    /** GAN Lab's name, as in its menu and its presets ("2D Gaussian"). */
    public String label() {
        return label;
    }

    /** Coordinates per noise vector: 1 or 2. */
    public int size() {
        return size;
    }

    /** Whether the coordinates are truncated normals rather than uniforms. */
    public boolean gaussian() {
        return gaussian;
    }

    /**
     * The type with this GAN Lab label ("1D Uniform", ..., "2D Gaussian").
     *
     * @throws IllegalArgumentException for other labels
     */
    public static NoiseType ofLabel(String label) {
        for (NoiseType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("NoiseType: unknown noise type \"" + label
                + "\"; expected \"1D Uniform\", \"1D Gaussian\", \"2D Uniform\" or \"2D Gaussian\"");
    }

    /** n noise vectors, row-major [n, size()]. */
    public float[] sample(Rng rng, int n) {
        float[] out = new float[n * size];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (gaussian ? truncatedNormal(rng) : rng.nextDouble());
        }
        return out;
    }

    private static double truncatedNormal(Rng rng) {
        while (true) {
            double n = RealData.normal(rng);
            if (Math.abs(n) <= 2) {
                return 0.5 + 0.25 * n;
            }
        }
    }
}
