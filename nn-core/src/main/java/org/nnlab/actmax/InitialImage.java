package org.nnlab.actmax;

import java.util.Arrays;

import org.nnlab.core.Rng;

/** ShapeShop's four starting images for activation maximization (spec A.6), a new draw per class. */
public enum InitialImage {
    /** All 0 (the black tile, ShapeShop's default). */
    ZEROS("zeros"),
    /** All 1. */
    ONES("ones"),
    /** Every pixel U[0, 1). */
    NOISE("noise"),
    /** U[0, 1) blurred by the σ = 1 Gaussian. */
    NOISE_BLUR("noise_blur");

    private final String uiName;

    InitialImage(String uiName) {
        this.uiName = uiName;
    }

    /** The UI name: zeros, ones, noise, noise_blur. */
    public String uiName() {
        return uiName;
    }

    /**
     * The start with this UI name.
     *
     * @throws IllegalArgumentException for other names
     */
    public static InitialImage ofName(String name) {
        for (InitialImage i : values()) {
            if (i.uiName.equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("InitialImage: unknown start \"" + name + "\"; expected zeros, ones, noise or noise_blur");
    }

    /** A 28 x 28 start image. */
    public float[] draw(Rng rng) {
        int n = TrainingClass.SIDE * TrainingClass.SIDE;
        float[] x = new float[n];
        switch (this) {
            case ZEROS -> { }
            case ONES -> Arrays.fill(x, 1f);
            case NOISE, NOISE_BLUR -> {
                for (int i = 0; i < n; i++) {
                    x[i] = (float) rng.nextDouble();
                }
                if (this == NOISE_BLUR) {
                    return GaussianBlur.apply(x, TrainingClass.SIDE, TrainingClass.SIDE);
                }
            }
        }
        return x;
    }
}
