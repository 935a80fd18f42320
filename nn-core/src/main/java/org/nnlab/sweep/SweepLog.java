package org.nnlab.sweep;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.nnlab.core.io.CsvWriter;

/**
 * A sweep's records on disk, one JSON line per run (and optionally one CSV row), appended and flushed as each
 * run finishes: a crash or Ctrl-C loses no finished run. Opening an existing file resumes: its records are
 * read back, the runs they hold are skipped ({@link #done(long)}), and new records are appended after them.
 *
 * <p>A resumed file must hold runs of the same plan ({@link Sweep#plan()}: system, epochs, objective);
 * another plan's file is refused rather than mixed. A run on file counts as done when its trial index,
 * configuration and seed are this sweep's (two trials may share a configuration, as integer draws do);
 * records of another space are kept in the file but are not this sweep's runs. A last line cut short by a
 * crash is dropped (the file is truncated to its last whole line before appending).
 * Not thread-safe: {@link LocalSweep} calls its sink from one thread at a time.
 */
public final class SweepLog implements Consumer<SweepRecord>, Closeable {
    /** How every record's line begins ({@link SweepRecord#toJson()}). */
    private static final String RECORD_START = "{\"trial\":";

    private final Sweep sweep;
    private final Path jsonl;
    private final FileChannel json;
    private final FileChannel csv;
    private final Path csvPath;
    private final List<String> csvMetrics;
    private final Set<Long> done;
    private final int others;
    private final List<SweepRecord> previous;

    private SweepLog(Sweep sweep, Path jsonl, FileChannel json, FileChannel csv, Path csvPath, List<String> csvMetrics,
                     List<SweepRecord> onFile) {
        this.sweep = sweep;
        this.jsonl = jsonl;
        this.json = json;
        this.csv = csv;
        this.csvPath = csvPath;
        this.csvMetrics = csvMetrics;
        this.done = new HashSet<>();
        List<SweepRecord> mine = new ArrayList<>();
        for (SweepRecord r : onFile) {
            if (r.trial() < sweep.size() && sweep.seed(r.trial()) == r.seed()
                    && sweep.point(r.trial()).text().equals(r.config()) && done.add(r.trial())) {
                mine.add(r);
            }
        }
        this.previous = List.copyOf(mine);
        this.others = onFile.size() - mine.size();
    }

    /**
     * Opens {@code jsonl} (and {@code csv}, may be null) for {@code sweep}: created if missing, resumed if not.
     *
     * @throws IOException              naming the file and the reason (a line that is not a record among them)
     * @throws IllegalArgumentException if the file holds runs of another plan
     */
    public static SweepLog open(Sweep sweep, Path jsonl, Path csv) throws IOException {
        List<SweepRecord> previous = read(jsonl);
        for (SweepRecord r : previous) {
            if (!r.plan().equals(sweep.plan())) {
                throw new IllegalArgumentException(jsonl + " holds runs of another sweep (\"" + r.plan()
                        + "\", this one is \"" + sweep.plan() + "\"); give another file, or the same settings");
            }
        }
        List<String> metrics = sweep.experiment().metrics().stream().map(Experiment.Metric::name).toList();
        String header = csvHeader(sweep, metrics);
        if (csv != null) {
            checkCsv(csv, header);                     // before anything is truncated or appended
        }
        FileChannel json = append(jsonl);
        FileChannel csvOut = null;
        try {
            if (csv != null) {
                csvOut = append(csv);
                if (csvOut.size() == 0) {
                    write(csvOut, header, csv);
                }
            }
        } catch (IOException | RuntimeException e) {
            json.close();
            if (csvOut != null) {
                csvOut.close();
            }
            throw e;
        }
        return new SweepLog(sweep, jsonl, json, csvOut, csv, metrics, previous);
    }

    /** The CSV's header line: trial, seed, the space's keys, the record's fields, the metrics. */
    private static String csvHeader(Sweep sweep, List<String> metrics) {
        List<String> names = new ArrayList<>(List.of("trial", "seed"));
        sweep.space().keys().forEach(k -> names.add(k.name()));
        names.addAll(List.of("epochs", "stop", "metric", "final", "best", "bestEpoch", "reachedAt", "diverged",
                "divergedAt"));
        names.addAll(metrics);
        names.addAll(List.of("seconds", "kernels", "error"));
        StringBuilder header = new StringBuilder();
        CsvWriter.to(header).header(names.toArray(String[]::new));
        return header.toString();
    }

    /** A CSV to resume must begin with this sweep's header: anything else is not ours to append to or truncate. */
    private static void checkCsv(Path csv, String header) throws IOException {
        if (!Files.isRegularFile(csv) || Files.size(csv) == 0) {
            return;
        }
        String first;
        try (BufferedReader lines = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            first = lines.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            first = null;
        }
        if (first == null || !(first + "\n").equals(header)) {     // readLine drops a CRLF too
            throw new IOException(csv + " does not begin with this sweep's CSV header (" + header.strip()
                    + "); give another file");
        }
    }

    /**
     * The records in a JSON-lines file (none if it does not exist); a last line without its line break that begins
     * as a record does (a write cut short) is left out.
     *
     * @throws IOException naming the file, the line and what is wrong with it, a torn last line that is not the start
     *                     of a record among them (so that somebody else's file is never truncated)
     */
    public static List<SweepRecord> read(Path jsonl) throws IOException {
        List<SweepRecord> records = new ArrayList<>();
        if (!Files.exists(jsonl) || !Files.isRegularFile(jsonl)) {
            return records;
        }
        String text = Files.readString(jsonl, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        String torn = text.substring(end);
        if (!torn.isBlank() && !torn.startsWith(RECORD_START)) {
            // only a record cut short is dropped (and later truncated away): anything else is somebody's file
            throw new IOException(jsonl + " line " + (text.substring(0, end).lines().count() + 1)
                    + " is not a sweep record (and the file does not end with a line break); give another file");
        }
        int number = 0;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text.substring(0, end)))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(SweepRecord.fromJson(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(jsonl + " line " + number + " is not a sweep record: " + e.getMessage(), e);
                }
            }
        }
        return records;
    }

    private static FileChannel append(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            if (Files.isRegularFile(file)) {
                long size = ch.size();
                long keep = size;
                // find the end of the last whole line: read the tail back until a line break
                ByteBuffer one = ByteBuffer.allocate(1);
                while (keep > 0) {
                    one.clear();
                    ch.read(one, keep - 1);
                    if (one.get(0) == '\n') {
                        break;
                    }
                    keep--;
                }
                if (keep < size) {
                    ch.truncate(keep);
                }
                ch.position(keep);
            }
            return ch;
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The records of this sweep's runs the file held when it was opened (one per run). */
    public List<SweepRecord> previous() {
        return previous;
    }

    /** Records on file that are not runs of this sweep (another space, same plan): kept, not counted. */
    public int others() {
        return others;
    }

    /** Whether the file holds trial {@code index} of the sweep (same index, configuration and seed). */
    public boolean done(long index) {
        return done.contains(index);
    }

    /** How many of the sweep's trials the file held when it was opened. */
    public long doneCount() {
        return previous.size();
    }

    /** Appends the record's line (and row) and flushes them to the operating system. */
    @Override
    public void accept(SweepRecord r) {
        try {
            write(json, r.toJson() + "\n", jsonl);
            if (csv != null) {
                StringBuilder row = new StringBuilder();
                CsvWriter w = CsvWriter.to(row).cell(r.trial()).cell(r.seed());
                sweep.space().keys().forEach(k -> w.cell(r.settings().getOrDefault(k.name(), "")));
                w.cell(r.epochs()).cell(r.stop().name().toLowerCase(java.util.Locale.ROOT)).cell(r.metric())
                        .cell(r.last()).cell(r.best()).cell(r.bestEpoch());
                if (r.reachedAt() >= 0) {
                    w.cell(r.reachedAt());
                } else {
                    w.cell("");
                }
                w.cell(r.diverged());
                if (r.diverged()) {
                    w.cell(r.epochs());
                } else {
                    w.cell("");
                }
                csvMetrics.forEach(m -> w.cell(r.metrics().getOrDefault(m, Double.NaN)));
                w.cell(r.seconds()).cell(r.kernels()).cell(r.error() == null ? "" : r.error()).endRow();
                write(csv, row.toString(), csvPath);
            }
            done.add(r.trial());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(FileChannel ch, String text, Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            json.close();
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
    }
}
