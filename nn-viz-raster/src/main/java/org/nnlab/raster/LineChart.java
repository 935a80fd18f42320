package org.nnlab.raster;

import java.util.ArrayList;
import java.util.List;


/**
 * A line chart with axes, nice ticks, light grid lines, axis labels, a title and a legend that hides no data
 * ({@link LegendPlace}), drawn into a rectangle of a {@link Figure} or rendered as a figure of its own. Axes
 * follow the data unless fixed ({@link #xRange}, {@link #yRange}). Non-finite y values break their line; a chart
 * with no finite value shows its axes on [0, 1].
 *
 * <pre>{@code
 * LineChart.of(Series.of("training loss", Argb.opaque(0x777777), trainLoss),   // Playground's colours
 *              Series.of("test loss", Argb.opaque(0x000000), testLoss))
 *          .title("Loss").xLabel("epoch").fromZero(true)
 *          .render(480, 300).writePng(Path.of("loss.png"));
 * }</pre>
 */
public final class LineChart {
    private final List<Series> series;
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private boolean legend = true;
    private boolean fromZero;
    private double fontSize = 12;
    private boolean axes = true;
    private LegendPlace legendPlace = LegendPlace.AUTO;
    private double[] xRange;
    private double[] yRange;

    private LineChart(List<Series> series) {
        this.series = series;
    }

    /** A chart of these series. */
    public static LineChart of(Series... series) {
        return new LineChart(List.of(series));
    }

    /** A chart of these series. */
    public static LineChart of(List<Series> series) {
        return new LineChart(List.copyOf(series));
    }

    /** The title above the plot. */
    public LineChart title(String text) {
        this.title = text;
        return this;
    }

    /** The label under the x axis. */
    public LineChart xLabel(String text) {
        this.xLabel = text;
        return this;
    }

    /** The label beside the y axis (drawn above its top end). */
    public LineChart yLabel(String text) {
        this.yLabel = text;
        return this;
    }

    /** Where a chart's legend goes. */
    public enum LegendPlace {
        /** The first corner of the plot (top right, top left, bottom right, bottom left) free of data, else above. */
        AUTO,
        /** Inside the plot, top right. */
        TOP_RIGHT,
        /** Inside the plot, top left. */
        TOP_LEFT,
        /** Inside the plot, bottom right. */
        BOTTOM_RIGHT,
        /** Inside the plot, bottom left. */
        BOTTOM_LEFT,
        /**
         * Above the plot, right-aligned, in one row when it fits the chart's width and one entry per row otherwise;
         * the plot shrinks to make room.
         */
        ABOVE
    }

    /** Where the legend goes (default {@link LegendPlace#AUTO}: where it hides no data). */
    public LineChart legendPlace(LegendPlace place) {
        this.legendPlace = java.util.Objects.requireNonNull(place, "LineChart.legendPlace: place");
        return this;
    }

    /** Whether to draw the legend (default on). */
    public LineChart legend(boolean on) {
        this.legend = on;
        return this;
    }

    /** Whether the y axis starts at 0 (losses, rates). Default off: the data's range. */
    public LineChart fromZero(boolean on) {
        this.fromZero = on;
        return this;
    }

    /** Whether to draw axes, ticks and grid (off: a sparkline, as Playground's loss chart). */
    public LineChart axes(boolean on) {
        this.axes = on;
        return this;
    }

    /** Font size of the labels in pixels (default 12; the title is 1.2x). */
    public LineChart fontSize(double size) {
        Preconditions.requireArgument(size > 0, "LineChart.fontSize: must be > 0, got %s", size);
        this.fontSize = size;
        return this;
    }

    /**
     * A fixed x range instead of the data's (a time-lapse keeps its axis from frame to frame).
     *
     * @throws IllegalArgumentException unless lo &lt; hi, both finite
     */
    public LineChart xRange(double lo, double hi) {
        this.xRange = checkedRange("xRange", lo, hi);
        return this;
    }

    /**
     * A fixed y range instead of the data's (widened to nice ticks when axes are drawn).
     *
     * @throws IllegalArgumentException unless lo &lt; hi, both finite
     */
    public LineChart yRange(double lo, double hi) {
        this.yRange = checkedRange("yRange", lo, hi);
        return this;
    }

    private static double[] checkedRange(String what, double lo, double hi) {
        Preconditions.requireArgument(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi,
                "LineChart.%s: needs finite lo < hi, got [%s, %s]", what, lo, hi);
        return new double[] {lo, hi};
    }

    /** The chart as a white figure of its own. */
    public Figure render(int width, int height) {
        Figure f = Figure.blank(width, height);
        draw(f, 0, 0, width, height);
        return f;
    }

    /**
     * Draws the chart into the pixel rectangle (x, y, width, height) of {@code f}, the legend where
     * {@link #legendPlace(LegendPlace)} says (by default the first corner of the plot free of data, else above it).
     */
    public void draw(Figure f, int x, int y, int width, int height) {
        Layout at = layout(x, y, width, height);
        if (!title.isEmpty()) {
            double titleSize = fontSize * 1.2;
            f.text(title, x + width / 2.0, y + titleSize * 1.15, titleSize, Argb.opaque(0x222222), Figure.Anchor.MIDDLE,
                    true);
        }
        int left = at.left();
        int right = at.right();
        int top = at.top();
        int bottom = at.bottom();
        Plot plot = f.plot(left, top, right - left, bottom - top, at.view());
        int tickColour = Argb.opaque(0x555555);
        if (axes) {
            for (double t : at.yTicks()) {
                double py = plot.pixelY(t);
                f.line(left, py, right, py, Argb.opaque(0xeeeeee), 1);
                f.text(Ticks.format(t, at.yTicks()), left - 6, py + fontSize * 0.35, fontSize, tickColour,
                        Figure.Anchor.END, false);
            }
            for (double t : at.xTicks()) {
                double px = plot.pixelX(t);
                f.line(px, bottom, px, bottom + 4, Argb.opaque(0x999999), 1);
                f.text(Ticks.format(t, at.xTicks()), px, bottom + 5 + fontSize, fontSize, tickColour,
                        Figure.Anchor.MIDDLE, false);
            }
            f.line(left, bottom + 0.5, right, bottom + 0.5, Argb.opaque(0x999999), 1);
            f.line(left - 0.5, top, left - 0.5, bottom, Argb.opaque(0x999999), 1);
            if (!xLabel.isEmpty()) {
                f.text(xLabel, (left + right) / 2.0, bottom + fontSize * 3.1, fontSize, Argb.opaque(0x333333),
                        Figure.Anchor.MIDDLE, false);
            }
            if (!yLabel.isEmpty()) {
                double labelTop = at.place() == LegendPlace.ABOVE ? top - at.legendBox()[1] - 4 : top;
                f.text(yLabel, left - 6, labelTop - fontSize * 0.9, fontSize, Argb.opaque(0x333333), Figure.Anchor.START,
                        false);
            }
        }
        for (Series s : series) {
            plot.polyline(s.xs(), s.ys(), s.argb(), s.width());
        }
        if (at.place() != null) {
            double[] corner = corner(at.place(), left, top, right, bottom, at.legendBox());
            if (at.place() == LegendPlace.ABOVE) {
                corner[0] = Math.max(x, corner[0]);             // never left of the chart's own rectangle
            }
            drawLegend(f, corner[0], corner[1], at.legendBox(), at.legendInRow());
        }
    }

    /**
     * Where the legend goes in this chart drawn at width x height: the place set, or for {@link LegendPlace#AUTO}
     * the first corner whose legend box covers no line, {@link LegendPlace#ABOVE} when none is free. A time-lapse
     * asks its last frame and sets that place on every frame, so the legend stays put. Null with no legend.
     */
    public LegendPlace resolveLegendPlace(int width, int height) {
        return layout(0, 0, width, height).place();
    }

    /** The plot's pixel rectangle, its data rectangle, the ticks and the legend's place and size. */
    private record Layout(int left, int top, int right, int bottom, Bounds view, List<Double> xTicks,
                          List<Double> yTicks, LegendPlace place, double[] legendBox, boolean legendInRow) {
    }

    private Layout layout(int x, int y, int width, int height) {
        double[] xr = xRange != null ? xRange.clone() : range(true);
        double[] yr = yRange != null ? yRange.clone() : range(false);
        if (fromZero && yRange == null) {
            yr[0] = Math.min(0, yr[0]);
            yr[1] = Math.max(yr[1], yr[0] + 1e-12);
        }
        int yTickCount = Math.max(2, height / 50);
        int xTickCount = Math.max(2, width / 80);
        if (axes) {
            yr = Ticks.nice(yr[0], yr[1], yTickCount);
        }
        List<Double> yTicks = Ticks.of(yr[0], yr[1], yTickCount);
        List<Double> xTicks = Ticks.of(xr[0], xr[1], xTickCount);
        Bounds view = new Bounds(xr[0], xr[1], yr[0], yr[1]);
        double labelWidth = 0;
        if (axes) {
            for (double t : yTicks) {
                labelWidth = Math.max(labelWidth, Figure.measure(Ticks.format(t, yTicks), fontSize, false));
            }
        }
        int left = x + (axes ? (int) Math.ceil(labelWidth + 10) : 2);
        int bottom = y + height - (axes ? (int) Math.ceil(fontSize * (xLabel.isEmpty() ? 2.0 : 3.4)) : 2);
        double lastLabel = axes && !xTicks.isEmpty()
                ? Figure.measure(Ticks.format(xTicks.get(xTicks.size() - 1), xTicks), fontSize, false) / 2 + 2 : 0;
        int right = x + width - (int) Math.ceil(Math.max(fontSize * 0.8, lastLabel));   // room for the last x label
        int top = y + (title.isEmpty() ? 0 : (int) Math.ceil(fontSize * 1.2 * 1.6))
                + (axes && !yLabel.isEmpty() ? (int) (fontSize * 1.5) : 0) + (int) Math.ceil(fontSize * 0.6);
        double[] box = legend && !series.isEmpty() ? legendBox(false) : null;
        LegendPlace place = box == null ? null : legendPlace;
        if (place == LegendPlace.AUTO) {
            place = LegendPlace.ABOVE;
            for (LegendPlace p : List.of(LegendPlace.TOP_RIGHT, LegendPlace.TOP_LEFT, LegendPlace.BOTTOM_RIGHT,
                    LegendPlace.BOTTOM_LEFT)) {
                double[] c = corner(p, left, top, right, bottom, box);
                if (c[0] >= left && c[1] >= top && c[0] + box[0] <= right && c[1] + box[1] <= bottom
                        && !coversData(c[0], c[1], box, left, top, right, bottom, view)) {
                    place = p;
                    break;
                }
            }
        }
        boolean inRow = false;
        if (place == LegendPlace.ABOVE) {
            double[] row = legendBox(true);
            inRow = row[0] <= right - x;                    // one row if it fits the chart's width, else stacked
            box = inRow ? row : box;
            top += (int) Math.ceil(box[1] + 4);             // the plot shrinks to make room
        }
        Preconditions.requireArgument(right - left >= 4 && bottom - top >= 4,
                "LineChart: %d x %d pixels leave no room for the plot", width, height);
        return new Layout(left, top, right, bottom, view, xTicks, yTicks, place, box, inRow);
    }

    /** The legend box's top-left pixel at that place of the plot rectangle. */
    private static double[] corner(LegendPlace place, int left, int top, int right, int bottom, double[] box) {
        double inset = 6;
        return switch (place) {
            case TOP_RIGHT -> new double[] {right - box[0] - inset, top + inset};
            case TOP_LEFT -> new double[] {left + inset, top + inset};
            case BOTTOM_RIGHT -> new double[] {right - box[0] - inset, bottom - box[1] - inset};
            case BOTTOM_LEFT -> new double[] {left + inset, bottom - box[1] - inset};
            case ABOVE, AUTO -> new double[] {right - box[0], top - box[1] - 4};
        };
    }

    /** The legend's {width, height} in pixels: one entry per row, or all in one row above the plot. */
    private double[] legendBox(boolean inRow) {
        double swatch = fontSize * 1.6;
        double width = 0;
        for (Series s : series) {
            double entry = swatch + 12 + Figure.measure(s.name(), fontSize, false);
            width = inRow ? width + entry : Math.max(width, entry);
        }
        return new double[] {width, fontSize * 1.35 * (inRow ? 1 : series.size()) + 6};
    }

    /** Whether any series passes within its half width (plus a pixel) of the box, walking each segment pixel by pixel. */
    private boolean coversData(double bx, double by, double[] box, int left, int top, int right, int bottom,
                               Bounds view) {
        double sx = (right - left) / (view.xMax() - view.xMin());
        double sy = (bottom - top) / (view.yMax() - view.yMin());
        for (Series s : series) {
            double pad = s.width() / 2 + 1;
            double x0 = bx - pad;
            double y0 = by - pad;
            double x1 = bx + box[0] + pad;
            double y1 = by + box[1] + pad;
            double[] xs = s.xs();
            double[] ys = s.ys();
            double px = Double.NaN;
            double py = Double.NaN;
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    px = Double.NaN;                        // a break in the line
                    continue;
                }
                double qx = left + (xs[i] - view.xMin()) * sx;
                double qy = bottom - (ys[i] - view.yMin()) * sy;
                int steps = Double.isNaN(px) ? 0 : (int) Math.min(100_000, Math.ceil(Math.hypot(qx - px, qy - py)));
                for (int k = 0; k <= steps; k++) {
                    double t = steps == 0 ? 1 : (double) k / steps;
                    double cx = Double.isNaN(px) ? qx : px + (qx - px) * t;
                    double cy = Double.isNaN(px) ? qy : py + (qy - py) * t;
                    if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) {
                        return true;
                    }
                }
                px = qx;
                py = qy;
            }
        }
        return false;
    }

    private void drawLegend(Figure f, double bx, double by, double[] box, boolean inRow) {
        double swatch = fontSize * 1.6;
        double rowHeight = fontSize * 1.35;
        f.fillRect(bx, by, box[0], box[1], Argb.of(0xffffff, 0.85));
        double ex = bx;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double cy = by + 3 + rowHeight * ((inRow ? 0 : i) + 0.5);
            f.line(ex + 4, cy, ex + 4 + swatch, cy, s.argb(), Math.max(2, s.width()));
            f.text(s.name(), ex + swatch + 8, cy + fontSize * 0.35, fontSize, Argb.opaque(0x333333), Figure.Anchor.START,
                    false);
            if (inRow) {
                ex += swatch + 12 + Figure.measure(s.name(), fontSize, false);
            }
        }
    }

    /** [min, max] of the finite x (or y) values of all series; [0, 1] if there are none. */
    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] v = xAxis ? s.xs() : s.ys();
            double[] other = xAxis ? s.ys() : s.xs();
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(other[i])) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    /** The series, for views that want to reuse them. */
    public List<Series> series() {
        return new ArrayList<>(series);
    }
}
