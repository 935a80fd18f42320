package org.nnlab.actmax;

import java.util.ArrayList;
import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.nn.Sequential;

/**
 * One ShapeShop "Train and Visualize" round (spec A.1): build the data for the chosen classes, train
 * the chosen model, then for each class in label order maximize its post-softmax probability from the
 * chosen initial image and correlate the result with the class's clean template.
 *
 * <pre>{@code
 * ShapeShop.Round round = ShapeShop.run(new ShapeShop.Config(
 *         List.of(ShapeClass.BOX, ShapeClass.LINE, ShapeClass.CIRCLE, ShapeClass.TRI, ShapeClass.NOISE,
 *                 ShapeClass.NOISE_BLUR), Architecture.CNN, 100, InitialImage.ZEROS, 0.005, 7, 10_000));
 * round.classes().forEach(c -> System.out.println(c.name() + " |r| " + Pearson.format(c.r())));
 * }</pre>
 */
public final class ShapeShop {
    /** ShapeShop's epoch choices. */
    public static final int[] EPOCH_CHOICES = {50, 100, 150, 200, 250};
    /** ShapeShop's step sizes. */
    public static final double[] STEP_CHOICES = {0.001, 0.005, 0.01};

    private ShapeShop() {
    }

    /**
     * A round's settings.
     *
     * @param classes      the training classes, in label order (at least 2)
     * @param architecture MLP or CNN
     * @param epochs       training epochs (ShapeShop offers 50 to 250)
     * @param start        the initial image of activation maximization
     * @param step         the ascent's step size
     * @param seed         every random draw of the round comes from this seed
     * @param maxSteps     the ascent's cap (ShapeShop has none; default 10,000)
     */
    public record Config(List<? extends TrainingClass> classes, Architecture architecture, int epochs, InitialImage start,
                         double step, long seed, int maxSteps) {
        /** Validates the settings. */
        public Config {
            Checks.requireArgument(classes.size() >= 2, "ShapeShop: needs at least 2 classes, got %d", classes.size());
            Checks.requireArgument(epochs >= 1, "ShapeShop: epochs must be >= 1, got %d", epochs);
            Checks.requireArgument(step > 0, "ShapeShop: step must be > 0, got %s", step);
            Checks.requireArgument(maxSteps >= 1, "ShapeShop: maxSteps must be >= 1, got %d", maxSteps);
            classes = List.copyOf(classes);
        }
    }

    /**
     * One class's outcome.
     *
     * @param name        the class's name
     * @param image       the generated 28 x 28 image (raw values)
     * @param training    a clean training tile of the class (for display)
     * @param r           |Pearson r| against the class's template, NaN when undefined
     * @param steps       ascent steps taken
     * @param reached     whether p passed 0.99
     * @param probability p at the last evaluation
     * @param diverged    whether the ascent stopped on NaN or infinity (see {@link ActivationMaximization.Result})
     */
    public record ClassResult(String name, float[] image, float[] training, double r, int steps, boolean reached,
                              double probability, boolean diverged) {
    }

    /** What a long round reports while it runs (the command line's progress line, a live page); all default to nothing. */
    public interface Progress {
        /** After each training epoch, with its mean loss. */
        default void trained(int epoch, int epochs, double loss) {
        }

        /** Once training is done, with its accuracies and losses, before the first class's ascent. */
        default void finishedTraining(ShapeShopTrainer.Outcome training) {
        }

        /** After each ascent step of a class: steps taken of the cap (the ascent usually stops far earlier). */
        default void ascended(int classIndex, long step, long maxSteps) {
        }

        /** After each class's ascent. */
        default void maximized(int classIndex, int classes, ClassResult result) {
        }
    }

    /**
     * The round's outcome.
     *
     * @param config   the settings
     * @param training accuracies and losses
     * @param classes  one result per class, in label order
     * @param model    the trained model
     */
    public record Round(Config config, ShapeShopTrainer.Outcome training, List<ClassResult> classes, Sequential model) {
        /** Whether a training loss or any class's ascent turned NaN or infinite. */
        public boolean diverged() {
            for (double loss : training.epochLosses()) {
                if (!Double.isFinite(loss)) {
                    return true;
                }
            }
            return classes.stream().anyMatch(ClassResult::diverged);
        }
    }

    /** Runs a round. */
    public static Round run(Config config) {
        return run(config, new Progress() { });
    }

    /** Runs a round, reporting each training epoch and each class to {@code progress}. */
    public static Round run(Config config, Progress progress) {
        Rng rng = Rng.seeded(config.seed());
        Rng dataRng = rng.split();
        Rng modelRng = rng.split();
        Rng trainRng = rng.split();
        Rng startRng = rng.split();
        Rng templateRng = rng.split();
        ShapeDataset data = ShapeDataset.build(config.classes(), dataRng);
        Sequential model = config.architecture().build(config.classes().size(), modelRng);
        ShapeShopTrainer.Outcome training = ShapeShopTrainer.train(model, data, config.epochs(), trainRng,
                (epoch, loss) -> progress.trained(epoch, config.epochs(), loss));
        progress.finishedTraining(training);
        List<ClassResult> results = new ArrayList<>();
        ActivationMaximization.Options options = ActivationMaximization.Options.shapeShop(config.step())
                .withMaxSteps(config.maxSteps());
        for (int c = 0; c < config.classes().size(); c++) {
            TrainingClass cls = config.classes().get(c);
            int classIndex = c;
            ActivationMaximization.Result r = ActivationMaximization.maximize(
                    ActivationMaximization.classProbability(model, c), config.start().draw(startRng), options,
                    (step, maxSteps) -> progress.ascended(classIndex, step, maxSteps));
            float[] template = cls.template(templateRng);
            results.add(new ClassResult(cls.label(), r.image(), template, Pearson.absolute(template, r.image()), r.steps(),
                    r.reached(), r.value(), r.diverged()));
            progress.maximized(c, config.classes().size(), results.get(c));
        }
        return new Round(config, training, List.copyOf(results), model);
    }
}
