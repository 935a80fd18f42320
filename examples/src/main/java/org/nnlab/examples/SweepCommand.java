package org.nnlab.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.nnlab.core.Compute;
import org.nnlab.raster.view.SweepView;
import org.nnlab.sweep.Experiment;
import org.nnlab.sweep.LocalSweep;
import org.nnlab.sweep.Space;
import org.nnlab.sweep.Summary;
import org.nnlab.sweep.Sweep;
import org.nnlab.sweep.SweepLog;
import org.nnlab.sweep.SweepRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nnlab sweep}: every configuration of a space trained from every seed, on all cores, each run's record
 * appended to a JSON-lines file (and a CSV) as it finishes; the same command again resumes. At the end, a
 * ranked summary on standard output and, with {@code --png}, a contact sheet of the best and worst runs.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class, sortOptions = false,
        description = {"Trains every configuration of a space from every seed, on all cores, and records each run as "
                + "a line of JSON (and a CSV row) as soon as it finishes; the same command again resumes where it stopped.",
            "The space is key=value&... in the system's own names: a value, {a|b|c} (a grid axis), or [lo..hi], "
                + "[lo..hi]log, [lo..hi]int (drawn at random, --samples times per grid point).",
            "playground: Playground's hash keys (dataset, networkShape, learningRate, activation, x, xSquared, ...); "
                + "metrics testLoss (default), trainLoss, trainAccuracy, testAccuracy.",
            "ganlab: dataset and GAN Lab's names (dLR, gLR, kD, kG, dOpt, gOpt, loss, gLayers, gNeurons, dLayers, "
                + "dNeurons, noiseType, batch, ...); metrics kl (default), js, dLoss, gLoss.",
            "shapeshop: classes (comma-separated), model (mlp|cnn), init, step, maxSteps; metrics meanR (default), "
                + "minR, validationAccuracy, trainAccuracy, trainLoss."},
        footer = {"", "Example: nnlab sweep playground --space 'dataset=spiral&networkShape={4|8,8|8,8,5}"
                + "&xSquared={true|false}&learningRate={0.03|0.1}' --seeds 5 --epochs 500 --out runs.jsonl --csv runs.csv "
                + "--png sheet.png"})
final class SweepCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "SYSTEM", description = "playground, ganlab or shapeshop")
    String system;

    @Option(names = "--space", required = true, paramLabel = "SPACE",
            description = "key=value&key={a|b}&key=[lo..hi]log ... (quote it for the shell)")
    String space;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "seeds 1..N for every configuration, 1..100000 (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--samples", defaultValue = "1", paramLabel = "N",
            description = "random draws of the [lo..hi] keys per grid point, 1..1000000 (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--space-seed", defaultValue = "0", paramLabel = "S",
            description = "the seed of those draws (default: ${DEFAULT-VALUE})")
    long spaceSeed;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "epochs per run, 0..10000000 "
            + "(shapeshop 1..100000)")
    int epochs;

    @Option(names = "--metric", paramLabel = "NAME", description = "the metric that ranks runs (default: the system's first)")
    String metric;

    @Option(names = "--threshold", paramLabel = "X",
            description = "record the first epoch each run reaches this value of the metric (reachedAt)")
    Double threshold;

    @Option(names = "--stop-at-threshold", description = "stop a run as soon as it reaches --threshold")
    boolean stopAtThreshold;

    @Option(names = "--every", paramLabel = "N", description = "epochs between readings of the metric, for its best "
            + "value and the threshold, 1..10000000 (default: 1; ganlab 10, since reading its KL costs about half an epoch)")
    Integer every;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl",
            description = "the records, one JSON line per run, appended as runs finish; an existing file is resumed")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE", description = "the records as CSV rows too, appended likewise")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "a contact sheet of the best and the worst runs")
    Path png;

    @Option(names = "--top", defaultValue = "4", paramLabel = "K",
            description = "best and worst runs on the sheet, and configurations shown in the summary, 1..50 "
                    + "(default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--threads", paramLabel = "N", description = "runs at a time, 1..1024 (default: every core)")
    Integer threads;

    @Override
    int run() throws Exception {
        Sweep sweep = sweep();
        int workers = threads == null ? LocalSweep.defaultThreads() : threads;
        if (workers < 1 || workers > 1024) {
            throw usage("--threads must be 1..1024, got " + workers);
        }
        if (top < 1 || top > 50) {
            throw usage("--top must be 1..50, got " + top);
        }
        checkOutputs(List.of(), out, csv, png);
        SweepLog log;
        try {
            log = SweepLog.open(sweep, out, csv);
        } catch (IllegalArgumentException e) {
            throw usage("--out " + e.getMessage());
        }
        Summary summary = new Summary(sweep, top);
        log.previous().forEach(summary);
        long resumed = log.doneCount();
        if (log.others() > 0) {
            warn(out + " also holds " + log.others() + " runs of other configurations (another --space); they stay in "
                    + "the file and are not part of this sweep's summary");
        }
        String banner = String.format(Locale.ROOT, "%s%s; %d threads, kernels %s", sweep, resumed > 0
                ? String.format(Locale.ROOT, ", resuming: %,d already in %s", resumed, out) : "", workers, Compute.kernels());
        Progress progress = new Progress(sweep, resumed, sweep.size(), banner);
        try (log) {
            runAll(sweep, workers, log, summary, progress);
        }
        out().print(summary.format(top));
        out().printf(Locale.ROOT, "%,d runs in %.1f s (%.2f runs/s on %d threads) -> %s%s%s%n", progress.done - resumed,
                progress.seconds(), (progress.done - resumed) / Math.max(1e-9, progress.seconds()), workers, out,
                csv != null ? ", " + csv : "", resumed > 0 ? String.format(Locale.ROOT, " (resumed: %,d already in %s)",
                        resumed, out) : "");
        if (png != null) {
            writeSheet(sweep, summary);
        }
        out().flush();
        return 0;
    }

    /**
     * Runs every trial the log does not hold, each record to the log, the summary and the progress line. On
     * SIGINT or SIGTERM a shutdown hook takes the same lock as the sink, so a record being written is finished
     * (no torn line), later ones are dropped, and the user is told how to resume.
     */
    private void runAll(Sweep sweep, int workers, SweepLog log, Summary summary, Progress progress) throws Exception {
        Object lock = new Object();
        boolean[] closed = {false};
        Thread hook = new Thread(() -> {
            synchronized (lock) {
                closed[0] = true;
                err().printf(Locale.ROOT, "%nsweep: stopped with %,d of %,d runs in %s; run the same command again to "
                        + "resume%n", progress.done, sweep.size(), out);
                err().flush();
            }
        }, "nnlab-sweep-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LocalSweep.run(sweep, workers, log::done, r -> {
                synchronized (lock) {
                    if (closed[0]) {
                        return;
                    }
                    log.accept(r);
                    summary.accept(r);
                    progress.update(r);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }

    /** The contact sheet of the best and worst runs, each trained again from its seed. */
    private void writeSheet(Sweep sweep, Summary summary) throws IOException {
        if (summary.best().isEmpty()) {
            warn("no run finished with a usable " + sweep.objective().metric() + "; no sheet written to " + png);
            return;
        }
        err().println("sweep: drawing the best and worst runs (each trained again from its seed)");
        err().flush();
        SweepView.sheet(sweep, summary.best(), summary.worst(), 200).writePng(png);
        out().println("sheet -> " + png);
    }

    private Sweep sweep() {
        if (seeds < 1 || seeds > 100_000) {
            throw usage("--seeds must be 1..100000, got " + seeds);
        }
        if (samples < 1 || samples > 1_000_000) {
            throw usage("--samples must be 1..1000000, got " + samples);
        }
        if (epochs < 0 || epochs > Sweep.MAX_EPOCHS) {
            throw usage("--epochs must be 0.." + Sweep.MAX_EPOCHS + ", got " + epochs);
        }
        if (system.equals("shapeshop") && (epochs < 1 || epochs > 100_000)) {
            throw usage("--epochs must be 1..100000 for shapeshop (a round trains at least one epoch), got " + epochs);
        }
        if (threshold != null && !Double.isFinite(threshold)) {
            throw usage("--threshold must be a finite number, got " + threshold);
        }
        if (stopAtThreshold && threshold == null) {
            throw usage("--stop-at-threshold needs --threshold");
        }
        Experiment experiment;
        try {
            experiment = Experiment.named(system);
        } catch (IllegalArgumentException e) {
            throw usage("SYSTEM: " + e.getMessage());
        }
        int readEvery = every != null ? every : experiment.defaultEvery();
        if (readEvery < 1 || readEvery > Sweep.MAX_EPOCHS) {
            throw usage("--every must be 1.." + Sweep.MAX_EPOCHS + ", got " + readEvery);
        }
        if (metric != null) {
            try {
                experiment.metric(metric);
            } catch (IllegalArgumentException e) {
                throw usage("--metric: " + e.getMessage());
            }
        }
        Space parsed;
        try {
            parsed = Space.parse(space, samples, spaceSeed);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        try {
            return Sweep.of(system, parsed, Sweep.seeds(seeds), epochs,
                    new Sweep.Objective(metric, threshold == null ? Double.NaN : threshold, stopAtThreshold, readEvery));
        } catch (IllegalArgumentException e) {
            throw usage("--space: " + e.getMessage());
        }
    }

    /** The progress line: runs done, runs per second, time left, the best so far. */
    private final class Progress {
        private final Sweep sweep;
        private final long start = System.nanoTime();
        private final long resumed;
        private final long total;
        private final ProgressLine line;
        long done;
        private SweepRecord best;

        private String banner;

        Progress(Sweep sweep, long resumed, long total, String banner) {
            this.banner = banner;
            this.sweep = sweep;
            this.resumed = resumed;
            this.total = total;
            this.done = resumed;
            this.line = new ProgressLine(err(), "sweep runs", total - resumed);
        }

        void update(SweepRecord r) {
            done++;
            if (banner != null && seconds() >= 1) {        // as the progress lines: none on a short sweep
                err().println(banner);
                banner = null;
            }
            if (r.usable() && (best == null || sweep.metric().better(r.last(), best.last()))) {
                best = r;
            }
            double rate = (done - resumed) / Math.max(1e-9, seconds());
            line.update(done - resumed, String.format(Locale.ROOT, "%.2f runs/s \u00b7 best %s", rate,
                    best == null ? "none yet" : String.format(Locale.ROOT, "%.4g (%s seed %d)", best.last(),
                            best.config(), best.seed())));
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
