package org.nnlab.core.io;

/**
 * The two rules nnlab's CSV readers share, so that no row is ever dropped without a message: a byte-order
 * mark at the very start is removed (editors on Windows write one; left in, it made the first row look like
 * a header), and the first row is a header only when it has the expected number of cells and none of them
 * is a number ({@code x,y,label}); any other row that does not parse is an error naming its line.
 */
public final class Csv {
    private Csv() {
    }

    /** The first line without a leading byte-order mark (U+FEFF); other lines as they are. */
    public static String withoutBom(String line, int number) {
        return number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Whether {@code cells} is a header row: {@code expected} cells, none of them a number. */
    public static boolean isHeader(String[] cells, int expected) {
        if (cells.length != expected) {
            return false;
        }
        for (String c : cells) {
            try {
                Double.parseDouble(c.strip());
                return false;
            } catch (NumberFormatException e) {
                // not a number: still a header candidate
            }
        }
        return true;
    }
}
