package org.nnlab.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundJson;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.view.PlaygroundView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.nnlab.core.Compute;

/**
 * {@code nnlab playground}: builds exactly the state a Playground URL describes, trains, and writes the data,
 * the snapshots (epoch, both losses, every weight, bias and dead flag) and optionally the output node's grid
 * as JSON, and with {@code --png} the page's main picture at 1.5x.
 *
 * <p>The JSON, streamed while training: {@code {"state", "kernels", "trainData", "testData", "snapshots":
 * [{"epoch", "trainLoss", "testLoss", "network"}], "epochs", "diverged", "divergedAt", "missingSnapshots"
 * [, "heatmap"]}}. A run whose loss or weights turn NaN or infinite stops at that epoch ({@code divergedAt});
 * the snapshots after it are listed in {@code missingSnapshots}; the exit status is still 0.
 */
@Command(name = "playground", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        sortOptions = false,
        description = {"Trains the network a TensorFlow Playground URL describes, exactly as Playground does, and "
                + "writes the run as JSON (and the page's picture as PNG).",
            "A run that diverges (NaN or infinite loss) stops there and says so in the JSON: \"diverged\": true, "
                + "\"divergedAt\", and the snapshots not reached in \"missingSnapshots\"."},
        footer = {"", "Example: nnlab playground --state 'https://playground.tensorflow.org/#seed=0.12345' --epochs 100 "
                + "--snapshots 0,1,10,100 --json run.json --png run.png"})
final class PlaygroundCommand extends Subcommand {
    /** The most epochs one command runs (about an hour on the largest networks Playground offers). */
    static final int MAX_EPOCHS = 10_000_000;

    @Option(names = "--state", required = true, paramLabel = "URL-OR-HASH",
            description = "a Playground URL, its #hash, or the bare key=value&... text; it must hold a seed")
    String state;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "epochs to train, 0..10000000")
    int epochs;

    @Option(names = "--snapshots", split = ",", paramLabel = "E", description = "epochs to record (default: 0 and N)")
    List<Integer> snapshots;

    @Option(names = "--json", required = true, paramLabel = "FILE", description = "the run as JSON")
    Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "the page's main picture at 1.5x")
    Path png;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "the losses after every epoch as CSV: epoch,trainLoss,testLoss (epoch 0 first)")
    Path csv;

    @Option(names = "--heatmap", description = "add the output node's 100x100 grid to the JSON")
    boolean heatmap;

    @Option(names = "--strict", description = "refuse unknown keys and values in the state instead of warning; "
            + "values that are not numbers are always refused")
    boolean strict;

    @Override
    int run() throws Exception {
        if (epochs < 0 || epochs > MAX_EPOCHS) {
            throw usage("--epochs must be 0.." + MAX_EPOCHS + ", got " + epochs);
        }
        TreeSet<Integer> at = snapshotEpochs();
        List<String> warnings = new ArrayList<>();
        PlaygroundState parsed = read(state, warnings);
        if (parsed.seed().isEmpty()) {
            throw usage("--state has no seed; Playground would draw a random one, so add seed=... to the hash");
        }
        PlaygroundSession session = PlaygroundSession.load(parsed);
        checkOutputs(List.of(), json, png, csv);
        if (png != null) {
            PlaygroundView.requireDrawable(session, 1.5);
        }
        warnings.forEach(this::warn);           // only now: a run refused above prints its one line only
        ProgressLine progress = new ProgressLine(err(), "playground epoch", epochs);
        List<Integer> missing = new ArrayList<>();
        AtomicFiles.writeJson(json, w -> {
            w.beginObject().name("state").value(session.state().toHash()).name("kernels").value(Compute.kernels());
            w.name("trainData");
            PlaygroundJson.writeData(w, session.trainData());
            w.name("testData");
            PlaygroundJson.writeData(w, session.testData());
            w.name("snapshots").beginArray();
            for (int epoch : at) {
                advance(session, epoch, progress);
                if (session.epoch() != epoch) {
                    missing.add(epoch);          // diverged before it
                    continue;
                }
                EpochStats s = session.last();
                w.beginObject().name("epoch").value(s.epoch()).name("trainLoss").value(s.trainLoss())
                        .name("testLoss").value(s.testLoss()).name("network");
                PlaygroundJson.writeNetwork(w, session.network(), session.state().inputs());
                w.endObject();
            }
            w.endArray();
            advance(session, epochs, progress);
            w.name("epochs").value(session.epoch()).name("diverged").value(session.diverged()).name("divergedAt");
            if (session.diverged()) {
                w.value(session.epoch());
            } else {
                w.nullValue();
            }
            w.name("missingSnapshots").beginArray();
            missing.forEach(w::value);
            w.endArray();
            if (heatmap) {
                w.name("heatmap");
                PlaygroundJson.writeOutputGrid(w, session.network(), session.state().inputs());
            }
            w.endObject();
        });
        if (png != null) {
            PlaygroundView.figure(session, 1.5).writePng(png);
        }
        if (csv != null) {
            AtomicFiles.writeText(csv, session::writeHistoryCsv);
        }
        out().println(session + " -> " + json + (png != null ? ", " + png : "") + (csv != null ? ", " + csv : ""));
        if (session.diverged()) {
            out().println("diverged at epoch " + session.epoch() + " (NaN or infinite loss)"
                    + (missing.isEmpty() ? "" : "; snapshots not reached: " + missing));
        }
        return 0;
    }

    /** The state, with its issues reported: non-numbers always refused, the rest warned of (refused if strict). */
    private PlaygroundState read(String text, List<String> warnings) {
        PlaygroundState.Reading reading = PlaygroundState.read(text);
        for (PlaygroundState.Issue issue : reading.issues()) {
            if (issue.kind() == PlaygroundState.Issue.Kind.NOT_A_NUMBER || strict) {
                throw usage("--state: " + issue.message());
            }
        }
        reading.issues().forEach(i -> warnings.add("--state: " + i.message() + " (--strict refuses it)"));
        return reading.state();
    }

    /** Trains up to {@code target} epochs, or until the session diverges, reporting progress. */
    private static void advance(PlaygroundSession session, int target, ProgressLine progress) {
        while (session.epoch() < target && !session.diverged()) {
            EpochStats s = session.step();
            progress.update(s.epoch(), String.format(Locale.ROOT, "train %.3f, test %.3f", s.trainLoss(), s.testLoss()));
        }
    }

    private TreeSet<Integer> snapshotEpochs() {
        TreeSet<Integer> at = new TreeSet<>();
        if (snapshots == null || snapshots.isEmpty()) {
            at.add(0);
            at.add(epochs);
            return at;
        }
        for (int e : snapshots) {
            if (e < 0 || e > epochs) {
                throw usage("--snapshots " + e + " is outside 0..--epochs " + epochs);
            }
            at.add(e);
        }
        return at;
    }
}
