package org.nnlab.raster.view;

import java.util.List;
import java.util.Locale;

import org.nnlab.actmax.Pearson;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Grid;

/**
 * ShapeShop's result rows (spec A.7): a header "[n]: Model: CNN, Start: (start image) zeros, Step-size: 0.005,
 * Epoch Count: 100" (ShapeShop shows the start image's thumbnail alone; nnlab frames it and names it), then per
 * class a card with the generated image on its own min-max grey scale (nearest-neighbour, as matplotlib's
 * {@code matshow}), the class's training tile (white shape on black) and "|r|" with two decimals, the absolute
 * correlation with the clean template ("n/a" when undefined, and "not reached" when the ascent hit its cap).
 * Rows stack, so runs can be compared.
 */
public final class ShapeShopView {
    private static final int SIDE = 28;
    private static final int TEXT = 0x333333;

    private ShapeShopView() {
    }

    /**
     * A 28 x 28 image on its own min-max grey scale (min black, max white; a constant image is black),
     * each pixel a {@code cell} x {@code cell} square.
     *
     * @throws IllegalArgumentException if the image is not 784 values or cell is outside 1..64
     */
    public static Figure image(float[] pixels, int cell) {
        Checks.requireArgument(pixels.length == SIDE * SIDE, "ShapeShopView.image: %d values, needs 28 x 28 = 784",
                pixels.length);
        Checks.requireArgument(cell >= 1 && cell <= 64, "ShapeShopView.image: cell must be 1..64, got %d", cell);
        Figure f = Figure.of(SIDE * cell, SIDE * cell, Bounds.square(0, SIDE));
        f.heatmap(Grid.fromTopDown(SIDE, SIDE, pixels, Bounds.square(0, SIDE)), minMaxGrey(pixels), false);
        return f;
    }

    private static ColorMap minMaxGrey(float[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            if (Float.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi > lo)) {
            return x -> Float.isNaN(x) ? ColorMap.NAN_GREY : 0x000000;
        }
        return ColorMap.scaled(ColorMap.GREY, lo, hi);
    }

    /** The training tile: values clipped to [0, 1], 0 black and 1 white. */
    private static Figure tile(float[] pixels, int cell) {
        Figure f = Figure.of(SIDE * cell, SIDE * cell, Bounds.square(0, SIDE));
        f.heatmap(Grid.fromTopDown(SIDE, SIDE, pixels, Bounds.square(0, SIDE)),
                x -> Float.isNaN(x) ? ColorMap.NAN_GREY : ColorMap.GREY.rgb(Math.max(0f, Math.min(1f, x))), false);
        return f;
    }

    /**
     * One result row, numbered {@code index} as ShapeShop's "[n]", at {@code scale} (1 gives 112 px
     * generated images and 42 px training tiles).
     */
    public static Figure row(ShapeShop.Round round, int index, double scale) {
        Checks.requireArgument(scale >= 0.5 && scale <= 4, "ShapeShopView.row: scale must be in [0.5, 4], got %s", scale);
        int cell = (int) Math.max(2, Math.round(4 * scale));
        int big = SIDE * cell;
        int small = SIDE * Math.max(1, cell * 3 / 8);
        int gap = (int) Math.round(14 * scale);
        int header = (int) Math.round(52 * scale);
        int cardHeight = big + gap / 2 + small + (int) Math.round(40 * scale);
        int n = round.classes().size();
        double font = 12 * scale;
        ShapeShop.Config c = round.config();
        // ShapeShop's header, with the start image's thumbnail where it names the initial image; nnlab adds the
        // start's name after it and a frame around it, since a black thumbnail alone reads like a redaction
        String before = String.format(Locale.ROOT, "[%d]: Model: %s, Start: ", index, c.architecture().label());
        String after = String.format(Locale.ROOT, " %s, Step-size: %s, Epoch Count: %d", c.start().uiName(),
                trim(c.step()), c.epochs());
        Figure start = tile(c.start().draw(Rng.seeded(c.seed())), Math.max(1, (int) Math.round(scale / 2)));
        double beforeWidth = Figure.measure(before, font, true);
        double headerWidth = beforeWidth + start.width() + Figure.measure(after, font, true);
        int width = (int) Math.max(gap + n * (big + gap), gap * 2 + headerWidth);
        Figure f = Figure.blank(width, header + cardHeight + gap);
        double baseline = 20 * scale;
        f.text(before, gap, baseline, font, Argb.opaque(TEXT), Figure.Anchor.START, true);
        int startX = (int) Math.round(gap + beforeWidth);
        int startY = (int) Math.round(baseline - start.height() * 0.8);
        f.draw(start, startX, startY, 1);
        f.strokeRect(startX - 0.5, startY - 0.5, start.width() + 1, start.height() + 1, Argb.opaque(0x999999), 1);
        f.text(after, gap + beforeWidth + start.width(), baseline, font, Argb.opaque(TEXT), Figure.Anchor.START, true);
        String accuracy = String.format(Locale.ROOT, "accuracy: train %.0f%%, validation %.0f%%",
                100 * round.training().trainAccuracy(), 100 * round.training().validationAccuracy());
        f.text(accuracy, gap, baseline + 1.5 * font, font * 0.9, Argb.opaque(0x777777), Figure.Anchor.START, false);
        for (int k = 0; k < n; k++) {
            ShapeShop.ClassResult r = round.classes().get(k);
            int x = gap + k * (big + gap);
            int y = header;
            f.draw(image(r.image(), cell), x, y, 1);
            f.strokeRect(x - 0.5, y - 0.5, big + 1, big + 1, Argb.opaque(0xcccccc), 1);
            int tileY = y + big + gap / 2;
            f.draw(tile(r.training(), small / SIDE), x, tileY, 1);
            double labelX = x + small + 8 * scale;
            f.text(r.name(), labelX, tileY + font, font * 0.9, Argb.opaque(0x777777), Figure.Anchor.START, false);
            String rLabel = "|r| ";
            f.text(rLabel, labelX, tileY + 2.3 * font, font * 0.9, Argb.opaque(0x777777), Figure.Anchor.START, false);
            f.text(Pearson.format(r.r()), labelX + Figure.measure(rLabel, font * 0.9, false), tileY + 2.3 * font,
                    font * 1.2, Argb.opaque(TEXT), Figure.Anchor.START, true);
            if (!r.reached()) {
                f.text("not reached", x, tileY + small + 1.2 * font, font * 0.85, Argb.opaque(0xc0392b),
                        Figure.Anchor.START, false);
            } else {
                f.text(r.steps() + " steps", x, tileY + small + 1.2 * font, font * 0.85, Argb.opaque(0x999999),
                        Figure.Anchor.START, false);
            }
        }
        return f;
    }

    /** Rows for several rounds, stacked top to bottom and numbered from 1, as ShapeShop accumulates them. */
    public static Figure rows(List<ShapeShop.Round> rounds, double scale) {
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            numbers.add(i + 1);
        }
        return rows(rounds, numbers, scale);
    }

    /**
     * Rows for several rounds, stacked top to bottom in the order given, each numbered as {@code numbers} says (a
     * live page shows the newest first, keeping each round's number).
     *
     * @throws IllegalArgumentException for no rounds, or not one number per round
     */
    public static Figure rows(List<ShapeShop.Round> rounds, List<Integer> numbers, double scale) {
        Checks.requireArgument(!rounds.isEmpty(), "ShapeShopView.rows: needs at least one round");
        Checks.requireArgument(numbers.size() == rounds.size(), "ShapeShopView.rows: %d numbers for %d rounds",
                numbers.size(), rounds.size());
        List<Figure> figures = new java.util.ArrayList<>();
        int width = 0;
        int height = 0;
        for (int i = 0; i < rounds.size(); i++) {
            Figure r = row(rounds.get(i), numbers.get(i), scale);
            figures.add(r);
            width = Math.max(width, r.width());
            height += r.height();
        }
        Figure f = Figure.blank(width, height);
        int y = 0;
        for (Figure r : figures) {
            f.draw(r, 0, y, 1);
            f.line(0, y + 0.5, width, y + 0.5, Argb.opaque(0xeeeeee), 1);
            y += r.height();
        }
        return f;
    }

    private static String trim(double step) {
        String s = String.format(Locale.ROOT, "%.4f", step);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
