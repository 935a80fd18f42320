package org.nnlab.raster;

import java.util.List;


/**
 * Small multiples: many figures on one sheet in rows of {@code columns}, each under its title, on cells
 * as large as the largest figure (and as wide as the widest title), for comparing runs side by side.
 */
public final class ContactSheet {
    private static final int GAP = 12;

    private ContactSheet() {
    }

    /**
     * The sheet.
     *
     * @param titles one per figure ("" for none)
     * @throws IllegalArgumentException if there are no figures, the counts differ, or columns &lt; 1
     */
    public static Figure of(int columns, List<Figure> figures, List<String> titles, double fontSize) {
        return of("", columns, figures, titles, fontSize);
    }

    /**
     * The sheet under a heading that says what the sheet compares and what the titles' numbers are ("Test loss
     * after 500 epochs, best first"), in bold at 1.1 times the titles' size; "" for none.
     *
     * @throws IllegalArgumentException if there are no figures, the counts differ, or columns &lt; 1
     */
    public static Figure of(String heading, int columns, List<Figure> figures, List<String> titles, double fontSize) {
        Preconditions.requireArgument(!figures.isEmpty(), "ContactSheet: no figures");
        Preconditions.requireArgument(columns >= 1, "ContactSheet: columns must be >= 1, got %d", columns);
        Preconditions.requireArgument(titles.size() == figures.size(), "ContactSheet: %d titles for %d figures", titles.size(),
                figures.size());
        int cellW = 0;
        int cellH = 0;
        for (Figure f : figures) {
            cellW = Math.max(cellW, f.width());
            cellH = Math.max(cellH, f.height());
        }
        for (String t : titles) {
            cellW = Math.max(cellW, (int) Math.ceil(Figure.measure(t, fontSize, false)) + 4);   // titles never overlap
        }
        int titleH = (int) Math.ceil(fontSize * 1.7);
        int cols = Math.min(columns, figures.size());
        int rows = (figures.size() + cols - 1) / cols;
        double headingSize = fontSize * 1.1;
        int headingH = heading.isEmpty() ? 0 : (int) Math.ceil(headingSize * 1.8);
        int width = (int) Math.max(GAP + cols * (cellW + GAP), 2 * GAP + Figure.measure(heading, headingSize, true));
        Figure sheet = Figure.blank(width, GAP + headingH + rows * (titleH + cellH + GAP));
        if (!heading.isEmpty()) {
            sheet.text(heading, GAP, GAP + headingSize * 1.1, headingSize, Argb.opaque(0x222222), Figure.Anchor.START, true);
        }
        for (int i = 0; i < figures.size(); i++) {
            int x = GAP + (i % cols) * (cellW + GAP);
            int y = GAP + headingH + (i / cols) * (titleH + cellH + GAP);
            Figure f = figures.get(i);
            sheet.text(titles.get(i), x + cellW / 2.0, y + fontSize * 1.15, fontSize, Argb.opaque(0x222222),
                    Figure.Anchor.MIDDLE, false);
            sheet.draw(f, x + (cellW - f.width()) / 2, y + titleH, 1);
            sheet.strokeRect(x + (cellW - f.width()) / 2 - 0.5, y + titleH - 0.5, f.width() + 1, f.height() + 1,
                    Argb.opaque(0xdddddd), 1);
        }
        return sheet;
    }
}
