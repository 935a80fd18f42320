package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.nnlab.core.kernel.Kernels;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundJson;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.view.PlaygroundView;

/**
 * {@code nnlab playground --state '<Playground URL or hash>' --epochs N [--snapshots 0,1,10,100] --json FILE
 * [--heatmap]}: builds exactly the state the hash describes, trains, and writes the data, the snapshots
 * (epoch, both losses, every weight, bias and dead flag) and optionally the output node's grid as JSON,
 * and with {@code --png} the page's main picture (features, neurons, links, output map, losses) at 1.5x.
 */
final class PlaygroundCommand {
    static final String USAGE = "nnlab playground --state '<Playground URL or hash>' --epochs N "
            + "[--snapshots 0,1,10,100] --json FILE [--png FILE] [--heatmap]";

    private PlaygroundCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        String state = null;
        Integer epochs = null;
        String snapshots = null;
        Path json = null;
        Path png = null;
        boolean heatmap = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--state" -> state = value(args, ++i, a);
                case "--epochs" -> epochs = nonNegative(value(args, ++i, a), a);
                case "--snapshots" -> snapshots = value(args, ++i, a);
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--heatmap" -> heatmap = true;
                case "--png" -> png = Path.of(value(args, ++i, a));
                default -> throw new UsageException("playground: unknown option '" + a + "'; usage: " + USAGE);
            }
        }
        if (state == null || epochs == null || json == null) {
            throw new UsageException("playground: --state, --epochs and --json are required; usage: " + USAGE);
        }
        TreeSet<Integer> at = snapshotEpochs(snapshots, epochs);
        PlaygroundState parsed = PlaygroundState.parse(state);
        if (parsed.seed().isEmpty()) {
            throw new UsageException("playground: the state has no seed; Playground would draw a random one, "
                    + "so add seed=... to the hash");
        }
        PlaygroundSession session;
        try {
            session = PlaygroundSession.load(parsed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("playground: " + e.getMessage());
        }
        StringJoiner snaps = new StringJoiner(",", "[", "]");
        Progress progress = new Progress(System.err, "playground epoch", epochs);
        for (int epoch : at) {
            advance(session, epoch, progress);
            EpochStats s = session.step(epoch - session.epoch());
            snaps.add("{\"epoch\":" + s.epoch() + ",\"trainLoss\":" + PlaygroundJson.number(s.trainLoss())
                    + ",\"testLoss\":" + PlaygroundJson.number(s.testLoss()) + ",\"network\":"
                    + PlaygroundJson.network(session.network(), session.state().inputs()) + "}");
        }
        advance(session, epochs, progress);
        session.step(epochs - session.epoch());
        StringBuilder doc = new StringBuilder("{\"state\":\"").append(session.state().toHash().replace("\"", "\\\""))
                .append("\",\"kernels\":\"").append(Kernels.get().name())
                .append("\",\"epochs\":").append(session.epoch())
                .append(",\"diverged\":").append(session.diverged())
                .append(",\"trainData\":").append(PlaygroundJson.data(session.trainData()))
                .append(",\"testData\":").append(PlaygroundJson.data(session.testData()))
                .append(",\"snapshots\":").append(snaps);
        if (heatmap) {
            doc.append(",\"heatmap\":").append(PlaygroundJson.outputGrid(session.network(), session.state().inputs()));
        }
        AtomicFiles.writeString(json, doc.append("}\n").toString());
        if (png != null) {
            PlaygroundView.figure(session, 1.5).writePng(png);
        }
        out.println(session + " -> " + json + (png != null ? ", " + png : ""));
        return 0;
    }

    /** Steps epoch by epoch to one before {@code target}, reporting progress. */
    private static void advance(PlaygroundSession session, int target, Progress progress) {
        while (session.epoch() < target - 1) {
            EpochStats s = session.step(1);
            progress.update(s.epoch(), String.format(java.util.Locale.ROOT, "train %.3f, test %.3f", s.trainLoss(),
                    s.testLoss()));
        }
    }

    private static TreeSet<Integer> snapshotEpochs(String list, int epochs) throws UsageException {
        TreeSet<Integer> at = new TreeSet<>();
        if (list == null || list.isBlank()) {
            at.add(0);
            at.add(epochs);
            return at;
        }
        for (String part : list.split(",")) {
            int e = nonNegative(part.strip(), "--snapshots");
            if (e > epochs) {
                throw new UsageException("playground: --snapshots " + e + " is beyond --epochs " + epochs);
            }
            at.add(e);
        }
        return at;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException("playground: " + option + " needs a value; usage: " + USAGE);
        }
        return args.get(i);
    }

    private static int nonNegative(String v, String option) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("playground: " + option + " must be an integer >= 0, got '" + v + "'");
    }
}
