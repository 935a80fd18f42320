package org.nnlab.actmax;

import java.util.ArrayList;
import java.util.List;

/**
 * The ShapeShop paper's experiments as runnable scenarios: how the diversity of the training data
 * changes what a class learns, and what an MLP learns against a CNN. Each returns the rounds in order,
 * for {@code ShapeShopView.rows} and for comparing |r| across them.
 */
public final class ShapeShopScenarios {
    private ShapeShopScenarios() {
    }

    /**
     * Data diversity: the two line classes alone, then with the two circles, then with the two noise
     * classes too; the same model, epochs, start, step and seed in every round. Watch the line classes'
     * |r|: with little to tell them from, a class can be recognised by a few pixels; more diverse data
     * asks for more of the shape.
     */
    public static List<ShapeShop.Round> dataDiversity(Architecture architecture, int epochs, long seed) {
        List<List<ShapeClass>> stages = List.of(
                List.of(ShapeClass.LINE, ShapeClass.LINE_HORIZONTAL),
                List.of(ShapeClass.LINE, ShapeClass.LINE_HORIZONTAL, ShapeClass.CIRCLE, ShapeClass.CIRCLE_HOLLOW),
                List.of(ShapeClass.LINE, ShapeClass.LINE_HORIZONTAL, ShapeClass.CIRCLE, ShapeClass.CIRCLE_HOLLOW,
                        ShapeClass.NOISE, ShapeClass.NOISE_BLUR));
        List<ShapeShop.Round> rounds = new ArrayList<>();
        for (List<ShapeClass> classes : stages) {
            rounds.add(ShapeShop.run(new ShapeShop.Config(classes, architecture, epochs, InitialImage.ZEROS, 0.005, seed,
                    10_000)));
        }
        return rounds;
    }

    /**
     * MLP against CNN on the paper's six classes (box, line, circle, triangle, noise, blurred noise),
     * 100 epochs from black with step 0.005: the README figure's comparison, where the CNN's images
     * correlate better with every shape.
     */
    public static List<ShapeShop.Round> mlpVersusCnn(long seed) {
        List<ShapeClass> six = List.of(ShapeClass.BOX, ShapeClass.LINE, ShapeClass.CIRCLE, ShapeClass.TRI,
                ShapeClass.NOISE, ShapeClass.NOISE_BLUR);
        List<ShapeShop.Round> rounds = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            rounds.add(ShapeShop.run(new ShapeShop.Config(six, a, 100, InitialImage.ZEROS, 0.005, seed, 10_000)));
        }
        return rounds;
    }
}
