package org.nnlab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.nnlab.core.Checks;

/**
 * Writes CSV (RFC 4180, {@code \n} line ends) a row at a time, for histories that spreadsheets, pandas and R read
 * directly: a header row, then rows of exactly as many cells. Numbers have the shortest digits that read back as
 * the same double ({@link JsonWriter#number(double)}); NaN and the infinities are written {@code NaN}, {@code inf}
 * and {@code -inf}, as pandas and R read them; text is quoted when it holds a comma, a quote or a line break.
 *
 * <pre>{@code
 * CsvWriter csv = CsvWriter.to(out).header("epoch", "trainLoss", "testLoss");
 * csv.cell(0).cell(0.51).cell(0.53).endRow();
 * }</pre>
 *
 * <p>The methods throw {@link UncheckedIOException} when {@code out} fails, and {@link IllegalStateException}
 * for a row with too many or too few cells.
 */
public final class CsvWriter {
    private final Appendable out;
    private int columns = -1;
    private int cell;

    private CsvWriter(Appendable out) {
        this.out = out;
    }

    /** A writer appending to {@code out} (a {@link java.io.Writer}, a {@link StringBuilder}). */
    public static CsvWriter to(Appendable out) {
        return new CsvWriter(java.util.Objects.requireNonNull(out, "CsvWriter.to: out"));
    }

    /**
     * The header row, which fixes the number of cells of every row.
     *
     * @throws IllegalStateException if a header or a row was written already
     */
    public CsvWriter header(String... names) {
        Checks.requireState(columns < 0, "CsvWriter.header: the header is written already");
        Checks.requireArgument(names.length > 0, "CsvWriter.header: needs at least one column");
        columns = names.length;
        for (String n : names) {
            cell(n);
        }
        return endRow();
    }

    /** A number cell. */
    public CsvWriter cell(double value) {
        return raw(Double.isNaN(value) ? "NaN" : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf")
                : JsonWriter.number(value));
    }

    /** An integer cell. */
    public CsvWriter cell(long value) {
        return raw(Long.toString(value));
    }

    /** A yes/no cell: {@code true} or {@code false}. */
    public CsvWriter cell(boolean value) {
        return raw(Boolean.toString(value));
    }

    /** A text cell, quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
    public CsvWriter cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return raw(text);
        }
        return raw('"' + text.replace("\"", "\"\"") + '"');
    }

    /**
     * Ends the row.
     *
     * @throws IllegalStateException if the row has fewer cells than the header
     */
    public CsvWriter endRow() {
        Checks.requireState(columns < 0 || cell == columns, "CsvWriter: a row of %d cells under a header of %d", cell,
                columns);
        append("\n");
        cell = 0;
        return this;
    }

    private CsvWriter raw(String text) {
        Checks.requireState(columns < 0 || cell < columns, "CsvWriter: more than %d cells in a row", columns);
        append(cell == 0 ? text : "," + text);
        cell++;
        return this;
    }

    private void append(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
