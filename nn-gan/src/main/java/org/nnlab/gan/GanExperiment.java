package org.nnlab.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nnlab.core.Rng;
import org.nnlab.sweep.Experiment;

/**
 * GAN Lab as a sweep's {@link Experiment} ({@code ganlab}): {@code dataset} (line, gaussians, ring or disjoint;
 * default gaussians) picks the real data and its preset, and GAN Lab's hyperparameter names change it
 * ({@code dLR}, {@code gLR}, {@code kD}, {@code kG}, {@code dOpt}, {@code gOpt}, {@code loss}, {@code gLayers},
 * {@code gNeurons}, {@code dLayers}, {@code dNeurons}, {@code noiseType}, {@code noiseSize}, {@code batch},
 * {@code beta1}, {@code beta2}, {@code epsilon}), as {@code nnlab ganlab --dataset D --config c.json} does.
 * Every random draw comes from {@code Rng.seeded(seed)}.
 *
 * <p>Metrics, readable after any epoch: {@code kl} (the default objective: KL divergence between the real and
 * the generated distribution on GAN Lab's grid, see {@link GanFrame#kl()}), {@code js}, and the epoch's last
 * discriminator and generator losses {@code dLoss} and {@code gLoss}. Reading kl or js ({@link GanSession#divergence()})
 * costs about half an epoch of the default model; the sweep's {@code every} sets how often.
 */
public final class GanExperiment implements Experiment {
    private static final List<Metric> METRICS = List.of(
            new Metric("kl", false, true, "KL(real || generated) in bits on GAN Lab's 30 x 30 grid"),
            new Metric("js", false, true, "Jensen-Shannon divergence on the same grid"),
            new Metric("dLoss", false, true, "the epoch's last discriminator loss"),
            new Metric("gLoss", false, true, "the epoch's last generator loss"));

    /** For {@link java.util.ServiceLoader}; the experiment keeps no state. */
    public GanExperiment() {
    }

    @Override
    public String name() {
        return "ganlab";
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /**
     * 10: a reading of kl or js takes about 26 µs against 63 µs for an epoch of the default model (GanBenchmark), so
     * reading every 10 epochs costs about 4 % of a run.
     */
    @Override
    public int defaultEvery() {
        return 10;
    }

    @Override
    public void check(Map<String, String> settings) {
        config(settings);
        RealData.named(settings.getOrDefault("dataset", "gaussians"));
    }

    /**
     * The hyperparameters these settings give: the dataset's preset with GAN Lab's names changed.
     *
     * @throws IllegalArgumentException naming an unknown key or a bad value
     */
    public static GanConfig config(Map<String, String> settings) {
        Map<String, String> rest = new LinkedHashMap<>(settings);
        String dataset = rest.remove("dataset");
        GanConfig preset = GanConfig.preset(dataset == null ? "gaussians" : dataset);
        try {
            return preset.with(rest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ganlab: " + e.getMessage().replaceFirst("^GanConfig: ", "")
                    + (e.getMessage().contains("unknown key") ? " or dataset" : ""), e);
        }
    }

    /** The session a run of these settings and seed starts from (train it for the run's epochs to see its end). */
    public static GanSession session(Map<String, String> settings, long seed) {
        GanConfig config = config(settings);
        return GanSession.create(RealData.named(settings.getOrDefault("dataset", "gaussians")), config,
                Rng.seeded(seed));
    }

    @Override
    public Outcome run(Map<String, String> settings, long seed, int epochs, Monitor monitor) {
        GanSession s = session(settings, seed);
        GanSession.EpochLosses[] last = {null};
        for (int e = 1; e <= epochs && !s.diverged(); e++) {
            last[0] = s.epoch();
            if (s.diverged() || !monitor.epoch(e, name -> metric(s, last[0], name))) {
                break;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        GridDivergence divergence = s.diverged() ? null : s.divergence();
        metrics.put("kl", divergence == null ? Double.NaN : divergence.kl());
        metrics.put("js", divergence == null ? Double.NaN : divergence.js());
        metrics.put("dLoss", last[0] == null ? Double.NaN : last[0].dLoss());
        metrics.put("gLoss", last[0] == null ? Double.NaN : last[0].gLoss());
        return new Outcome((int) s.epochCount(), s.diverged(), metrics);
    }

    private static double metric(GanSession s, GanSession.EpochLosses losses, String name) {
        return switch (name) {
            case "kl" -> s.divergence().kl();
            case "js" -> s.divergence().js();
            case "dLoss" -> losses.dLoss();
            case "gLoss" -> losses.gLoss();
            default -> throw new IllegalArgumentException("ganlab: no metric " + name);
        };
    }
}
