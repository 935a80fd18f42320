package org.nnlab.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nnlab.core.io.Csv;
import org.nnlab.core.io.TextFiles;

/**
 * Your own points for Playground (its most requested feature, issues #20, #102, #174): CSV with one point
 * per line, {@code x,y,label}. Blank lines and lines starting with {@code #} are skipped, and a first
 * line of non-numbers (such as {@code x,y,label}) is taken as a header. A bad line fails with its
 * number, the text and what was expected.
 */
public final class ExamplesCsv {
    private ExamplesCsv() {
    }

    /**
     * Reads points from a file.
     *
     * @throws IOException naming the path if it cannot be read
     * @throws IllegalArgumentException naming the file, line and problem for a malformed line
     */
    public static List<Example> read(Path file) throws IOException {
        return read(new StringReader(TextFiles.readUtf8(file)), file.toString());
    }

    /** Reads points from CSV text. */
    public static List<Example> parse(String csv) {
        try {
            return read(new StringReader(csv), "<text>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Example> read(Reader reader, String source) throws IOException {
        List<Example> out = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        String line;
        int number = 0;
        boolean first = true;
        while ((line = in.readLine()) != null) {
            number++;
            String t = Csv.withoutBom(line, number).strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split(",", -1);
            if (first && Csv.isHeader(parts, 3)) {
                first = false;        // a header
                continue;
            }
            first = false;
            if (parts.length != 3) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "ExamplesCsv: %s line %d: expected 3 values x,y,label, got %d: '%s'", source, number, parts.length, t));
            }
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    v[i] = Double.NaN;
                }
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "ExamplesCsv: %s line %d: %s must be a finite number, got '%s'", source, number,
                            new String[] {"x", "y", "label"}[i], parts[i].strip()));
                }
            }
            out.add(new Example(v[0], v[1], v[2]));
        }
        return out;
    }
}
