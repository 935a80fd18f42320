package org.nnlab.gan;

import java.util.Map;
import java.util.Set;

import org.nnlab.core.Checks;
import org.nnlab.core.io.Json;
import org.nnlab.core.io.JsonWriter;
import org.nnlab.nn.OptimizerKind;
import org.nnlab.nn.UpdateRule;

/**
 * GAN Lab's hyperparameters (spec 2.c to 2.f, 2.k). {@code gLayers} and {@code dLayers} are GAN Lab's
 * "hidden layers" setting L, the number of extra N→N layers: a network has L + 1 ReLU hidden layers.
 *
 * @param noise        the noise type (and so its size, 1 or 2)
 * @param gLayers      L for the generator, 0..5 in GAN Lab's UI
 * @param gNeurons     N for the generator
 * @param dLayers      L for the discriminator
 * @param dNeurons     N for the discriminator
 * @param dLearningRate the discriminator's learning rate (GAN Lab offers 0.001 to 1)
 * @param gLearningRate the generator's learning rate
 * @param dOptimizer   the discriminator's optimizer: GAN Lab's two, {@link OptimizerKind#SGD} or {@link OptimizerKind#ADAM}
 * @param gOptimizer   the generator's optimizer, likewise
 * @param loss         the loss
 * @param kD           discriminator updates per epoch, 0..10
 * @param kG           generator updates per epoch, 0..10
 * @param batch        samples per batch (GAN Lab fixes 150)
 * @param beta1        Adam's β₁
 * @param beta2        Adam's β₂
 * @param epsilon      Adam's ε (tfjs 0.12 used 1e-8 on WebGL with float32 rendering)
 */
public record GanConfig(NoiseType noise, int gLayers, int gNeurons, int dLayers, int dNeurons, double dLearningRate,
                        double gLearningRate, OptimizerKind dOptimizer, OptimizerKind gOptimizer, GanLoss loss, int kD, int kG,
                        int batch, double beta1, double beta2, double epsilon) {
    /** GAN Lab's batch size. */
    public static final int BATCH = 150;

    /** Validates every field; messages name the field, its value and the valid range. */
    public GanConfig {
        Checks.requireArgument(noise != null && dOptimizer != null && gOptimizer != null && loss != null,
                "GanConfig: noise, optimizers and loss must not be null");
        Checks.requireArgument(ganLab(dOptimizer), "GanConfig: dOpt must be \"SGD\" or \"Adam\", got \"%s\"",
                dOptimizer.label());
        Checks.requireArgument(ganLab(gOptimizer), "GanConfig: gOpt must be \"SGD\" or \"Adam\", got \"%s\"",
                gOptimizer.label());
        Checks.requireArgument(gLayers >= 0 && gLayers <= 20, "GanConfig: gLayers must be 0..20, got %d", gLayers);
        Checks.requireArgument(dLayers >= 0 && dLayers <= 20, "GanConfig: dLayers must be 0..20, got %d", dLayers);
        Checks.requireArgument(gNeurons >= 1 && gNeurons <= 4096, "GanConfig: gNeurons must be 1..4096, got %d", gNeurons);
        Checks.requireArgument(dNeurons >= 1 && dNeurons <= 4096, "GanConfig: dNeurons must be 1..4096, got %d", dNeurons);
        Checks.requireArgument(dLearningRate > 0 && Double.isFinite(dLearningRate),
                "GanConfig: dLearningRate must be > 0, got %s", dLearningRate);
        Checks.requireArgument(gLearningRate > 0 && Double.isFinite(gLearningRate),
                "GanConfig: gLearningRate must be > 0, got %s", gLearningRate);
        Checks.requireArgument(kD >= 0 && kD <= 100, "GanConfig: kD must be 0..100, got %d", kD);
        Checks.requireArgument(kG >= 0 && kG <= 100, "GanConfig: kG must be 0..100, got %d", kG);
        Checks.requireArgument(batch >= 1 && batch <= 100_000, "GanConfig: batch must be 1..100000, got %d", batch);
        Checks.requireArgument(beta1 >= 0 && beta1 < 1, "GanConfig: beta1 must be in [0, 1), got %s", beta1);
        Checks.requireArgument(beta2 >= 0 && beta2 < 1, "GanConfig: beta2 must be in [0, 1), got %s", beta2);
        Checks.requireArgument(epsilon > 0, "GanConfig: epsilon must be > 0, got %s", epsilon);
    }

    /** GAN Lab's optimizer named {@code label}, with a message that names the key and GAN Lab's two. */
    private static OptimizerKind optimizer(String label, String key) {
        for (OptimizerKind kind : new OptimizerKind[] {OptimizerKind.SGD, OptimizerKind.ADAM}) {
            if (kind.label().equalsIgnoreCase(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(Checks.format("GanConfig: %s must be \"SGD\" or \"Adam\", got \"%s\"", key, label));
    }

    private static boolean ganLab(OptimizerKind kind) {
        return kind == OptimizerKind.SGD || kind == OptimizerKind.ADAM;
    }

    /** The discriminator's update rule: its optimizer with this configuration's β₁, β₂ and ε. */
    public UpdateRule dRule() {
        return rule(dOptimizer);
    }

    /** The generator's update rule: its optimizer with this configuration's β₁, β₂ and ε. */
    public UpdateRule gRule() {
        return rule(gOptimizer);
    }

    private UpdateRule rule(OptimizerKind kind) {
        return kind == OptimizerKind.ADAM ? UpdateRule.adam(beta1, beta2, epsilon) : UpdateRule.sgd();
    }

    /**
     * The built-in defaults: 2-D uniform noise, L = 1 and N = 8 for both networks, SGD at 0.1 for both,
     * log loss, kD = 2, kG = 1, batch 150 (Adam's β₁ 0.9, β₂ 0.999, ε 1e-8).
     */
    public static GanConfig defaults() {
        return new GanConfig(NoiseType.UNIFORM_2D, 1, 8, 1, 8, 0.1, 0.1, OptimizerKind.SGD, OptimizerKind.SGD, GanLoss.LOG, 2, 1,
                BATCH, 0.9, 0.999, 1e-8);
    }

    /**
     * A dataset's preset (spec 2.k), which GAN Lab loads on every dataset change and reset:
     * <pre>
     * line       2D Uniform   G 1, 5   D 1, 6   lr D 0.03 / G 0.01   kD 2
     * gaussians  2D Gaussian  G 1, 8   D 1, 8   lr D 0.1 / G 0.03    kD 2
     * ring       2D Uniform   G 1, 10  D 2, 9   lr D 0.1 / G 0.03    kD 3
     * disjoint   2D Gaussian  G 2, 10  D 2, 11  lr D 0.1 / G 0.03    kD 1
     * </pre>
     * all with SGD for both, log loss and kG = 1. Other names (a drawing, your own points) get the
     * defaults, as GAN Lab's drawing loads no preset.
     */
    public static GanConfig preset(String dataset) {
        GanConfig d = defaults();
        return switch (dataset) {
            case "line" -> d.with(NoiseType.UNIFORM_2D, 1, 5, 1, 6, 0.03, 0.01, 2);
            case "gaussians" -> d.with(NoiseType.GAUSSIAN_2D, 1, 8, 1, 8, 0.1, 0.03, 2);
            case "ring" -> d.with(NoiseType.UNIFORM_2D, 1, 10, 2, 9, 0.1, 0.03, 3);
            case "disjoint" -> d.with(NoiseType.GAUSSIAN_2D, 2, 10, 2, 11, 0.1, 0.03, 1);
            default -> d;
        };
    }

    private GanConfig with(NoiseType n, int gl, int gn, int dl, int dn, double dlr, double glr, int kd) {
        return new GanConfig(n, gl, gn, dl, dn, dlr, glr, dOptimizer, gOptimizer, loss, kd, kG, batch, beta1, beta2,
                epsilon);
    }

    /** This configuration with other learning rates. */
    public GanConfig withLearningRates(double d, double g) {
        return new GanConfig(noise, gLayers, gNeurons, dLayers, dNeurons, d, g, dOptimizer, gOptimizer, loss, kD, kG,
                batch, beta1, beta2, epsilon);
    }

    /** This configuration with other optimizers. */
    public GanConfig withOptimizers(OptimizerKind d, OptimizerKind g) {
        return new GanConfig(noise, gLayers, gNeurons, dLayers, dNeurons, dLearningRate, gLearningRate, d, g, loss, kD,
                kG, batch, beta1, beta2, epsilon);
    }

    /** This configuration with another loss. */
    public GanConfig withLoss(GanLoss l) {
        return new GanConfig(noise, gLayers, gNeurons, dLayers, dNeurons, dLearningRate, gLearningRate, dOptimizer,
                gOptimizer, l, kD, kG, batch, beta1, beta2, epsilon);
    }

    /** This configuration with other update counts per epoch. */
    public GanConfig withK(int d, int g) {
        return new GanConfig(noise, gLayers, gNeurons, dLayers, dNeurons, dLearningRate, gLearningRate, dOptimizer,
                gOptimizer, loss, d, g, batch, beta1, beta2, epsilon);
    }

    /** This configuration with other network shapes (a structural change: a session resets). */
    public GanConfig withNetworks(int gl, int gn, int dl, int dn) {
        return new GanConfig(noise, gl, gn, dl, dn, dLearningRate, gLearningRate, dOptimizer, gOptimizer, loss, kD, kG,
                batch, beta1, beta2, epsilon);
    }

    /** This configuration with another noise type (a structural change). */
    public GanConfig withNoise(NoiseType n) {
        return new GanConfig(n, gLayers, gNeurons, dLayers, dNeurons, dLearningRate, gLearningRate, dOptimizer,
                gOptimizer, loss, kD, kG, batch, beta1, beta2, epsilon);
    }

    /**
     * Whether a session must reset to change from this configuration to {@code next} (spec 2.j): the
     * noise, either network's shape or the batch; learning rates, optimizers, loss and k change live.
     */
    public boolean structurallyDiffers(GanConfig next) {
        return noise != next.noise || gLayers != next.gLayers || gNeurons != next.gNeurons || dLayers != next.dLayers
                || dNeurons != next.dNeurons || batch != next.batch;
    }

    private static final Set<String> KEYS = Set.of("noiseSize", "noiseType", "gLayers", "dLayers", "gNeurons",
            "dNeurons", "dLR", "gLR", "dOpt", "gOpt", "loss", "kD", "kG", "batch", "beta1", "beta2", "epsilon");

    /**
     * A configuration from JSON with GAN Lab's hyperparameter names (noiseSize, noiseType, gLayers,
     * dLayers, gNeurons, dNeurons, dLR, gLR, dOpt, gOpt, loss, kD, kG, batch, beta1, beta2, epsilon);
     * missing keys keep the built-in defaults. noiseType is a full label ("2D Gaussian") or "Uniform" /
     * "Gaussian" together with noiseSize.
     *
     * @throws IllegalArgumentException naming an unknown key or a value of the wrong kind
     */
    public static GanConfig fromJson(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("GanConfig.fromJson: expected a JSON object");
        }
        return defaults().with(map, "GanConfig.fromJson");
    }

    /**
     * This configuration with some hyperparameters changed, by GAN Lab's names as in {@link #fromJson}; a
     * number may also be given as its decimal text ({@code "0.03"}), as a sweep's settings are.
     *
     * @throws IllegalArgumentException naming an unknown key or a value of the wrong kind
     */
    public GanConfig with(Map<String, ?> values) {
        return with(values, "GanConfig");
    }

    private GanConfig with(Map<?, ?> map, String owner) {
        for (Object key : map.keySet()) {
            Checks.requireArgument(KEYS.contains(key), "%s: unknown key \"%s\"; expected one of %s", owner, key,
                    new java.util.TreeSet<>(KEYS));
        }
        NoiseType n = noise;
        if (map.containsKey("noiseType")) {
            String type = text(map, "noiseType", owner);
            if (type.contains("D ")) {
                n = NoiseType.ofLabel(type);
            } else {
                int size = map.containsKey("noiseSize") ? integer(map, "noiseSize", owner) : 2;
                n = NoiseType.ofLabel(size + "D " + type);
            }
        } else if (map.containsKey("noiseSize")) {
            n = NoiseType.ofLabel(integer(map, "noiseSize", owner) + "D Uniform");
        }
        return new GanConfig(n,
                map.containsKey("gLayers") ? integer(map, "gLayers", owner) : gLayers,
                map.containsKey("gNeurons") ? integer(map, "gNeurons", owner) : gNeurons,
                map.containsKey("dLayers") ? integer(map, "dLayers", owner) : dLayers,
                map.containsKey("dNeurons") ? integer(map, "dNeurons", owner) : dNeurons,
                map.containsKey("dLR") ? real(map, "dLR", owner) : dLearningRate,
                map.containsKey("gLR") ? real(map, "gLR", owner) : gLearningRate,
                map.containsKey("dOpt") ? optimizer(text(map, "dOpt", owner), "dOpt") : dOptimizer,
                map.containsKey("gOpt") ? optimizer(text(map, "gOpt", owner), "gOpt") : gOptimizer,
                map.containsKey("loss") ? GanLoss.ofLabel(text(map, "loss", owner)) : loss,
                map.containsKey("kD") ? integer(map, "kD", owner) : kD,
                map.containsKey("kG") ? integer(map, "kG", owner) : kG,
                map.containsKey("batch") ? integer(map, "batch", owner) : batch,
                map.containsKey("beta1") ? real(map, "beta1", owner) : beta1,
                map.containsKey("beta2") ? real(map, "beta2", owner) : beta2,
                map.containsKey("epsilon") ? real(map, "epsilon", owner) : epsilon);
    }

    /** This configuration as JSON with GAN Lab's names. */
    public String toJson() {
        return JsonWriter.toJson(w -> w.beginObject()
                .name("noiseSize").value(noise.size()).name("noiseType").value(noise.label())
                .name("gLayers").value(gLayers).name("gNeurons").value(gNeurons)
                .name("dLayers").value(dLayers).name("dNeurons").value(dNeurons)
                .name("dLR").value(dLearningRate).name("gLR").value(gLearningRate)
                .name("dOpt").value(dOptimizer.label()).name("gOpt").value(gOptimizer.label())
                .name("loss").value(loss.label()).name("kD").value(kD).name("kG").value(kG)
                .name("batch").value(batch).name("beta1").value(beta1).name("beta2").value(beta2)
                .name("epsilon").value(epsilon).endObject());
    }

    private static String text(Map<?, ?> map, String key, String owner) {
        if (map.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(owner + ": \"" + key + "\" must be a string, got "
                + Json.describe(map.get(key)));
    }

    private static double real(Map<?, ?> map, String key, String owner) {
        Object v = map.get(key);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        if (v instanceof String s && !owner.endsWith("fromJson")) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(owner + ": \"" + key + "\" must be a number, got "
                + (v instanceof String s ? "\"" + s + "\"" : Json.describe(v)));
    }

    private static int integer(Map<?, ?> map, String key, String owner) {
        double v = real(map, key, owner);
        Checks.requireArgument(v == Math.rint(v) && Math.abs(v) < 1e9, "%s: \"%s\" must be an integer, got %s", owner,
                key, v);
        return (int) v;
    }
}
