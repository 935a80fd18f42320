package org.nnlab.actmax;

import org.nnlab.core.Rng;

/**
 * A class of 28 x 28 one-channel training images (values 0 background, 1 shape): one of ShapeShop's
 * shapes ({@link ShapeClass}) or a freeform image of your own ({@link Freeform}).
 */
public interface TrainingClass {
    /** Pixels per side. */
    int SIDE = 28;

    /** The class's name as shown and written (ShapeShop's UI name for its shapes: box, line, ...). */
    String label();

    /** One training image, 784 values row-major, top row first; noise classes draw a new one each call. */
    float[] draw(Rng rng);

    /**
     * The clean template the generated image is correlated with: the image itself, or for the noise
     * classes a new random draw (so |r| ≈ 0 there means nothing).
     */
    default float[] template(Rng rng) {
        return draw(rng);
    }
}
