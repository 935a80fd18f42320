package org.nnlab.raster;

import java.util.ArrayList;
import java.util.List;


/**
 * A line chart with axes, nice ticks, light grid lines, axis labels, a title and a legend, drawn into a
 * rectangle of a {@link Figure} or rendered as a figure of its own. Non-finite y values break their
 * line; a chart with no finite value shows its axes on [0, 1].
 *
 * <pre>{@code
 * LineChart.of(Series.of("train", Argb.opaque(0x000000), trainLoss),
 *              Series.of("test", Argb.opaque(0x777777), testLoss))
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

    /** The chart as a white figure of its own. */
    public Figure render(int width, int height) {
        Figure f = Figure.blank(width, height);
        draw(f, 0, 0, width, height);
        return f;
    }

    /** Draws the chart into the pixel rectangle (x, y, width, height) of {@code f}. */
    public void draw(Figure f, int x, int y, int width, int height) {
        double[] xr = range(true);
        double[] yr = range(false);
        if (fromZero) {
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

        double titleSize = fontSize * 1.2;
        int top = y + (title.isEmpty() ? 0 : (int) Math.ceil(titleSize * 1.6)) + (axes && !yLabel.isEmpty() ? (int) (fontSize * 1.5) : 0)
                + (int) Math.ceil(fontSize * 0.6);
        double labelWidth = 0;
        if (axes) {
            for (double t : yTicks) {
                labelWidth = Math.max(labelWidth, f.textWidth(Ticks.format(t, yTicks), fontSize, false));
            }
        }
        int left = x + (axes ? (int) Math.ceil(labelWidth + 10) : 2);
        int bottom = y + height - (axes ? (int) Math.ceil(fontSize * (xLabel.isEmpty() ? 2.0 : 3.4)) : 2);
        int right = x + width - (int) Math.ceil(fontSize * 0.8);
        Preconditions.requireArgument(right - left >= 4 && bottom - top >= 4,
                "LineChart: %d x %d pixels leave no room for the plot", width, height);
        if (!title.isEmpty()) {
            f.text(title, x + width / 2.0, y + titleSize * 1.15, titleSize, Argb.opaque(0x222222), Figure.Anchor.MIDDLE,
                    true);
        }
        Plot plot = f.plot(left, top, right - left, bottom - top, new Bounds(xr[0], xr[1], yr[0], yr[1]));
        int tickColour = Argb.opaque(0x555555);
        if (axes) {
            for (double t : yTicks) {
                double py = plot.pixelY(t);
                f.line(left, py, right, py, Argb.opaque(0xeeeeee), 1);
                f.text(Ticks.format(t, yTicks), left - 6, py + fontSize * 0.35, fontSize, tickColour, Figure.Anchor.END,
                        false);
            }
            for (double t : xTicks) {
                double px = plot.pixelX(t);
                f.line(px, bottom, px, bottom + 4, Argb.opaque(0x999999), 1);
                f.text(Ticks.format(t, xTicks), px, bottom + 5 + fontSize, fontSize, tickColour, Figure.Anchor.MIDDLE, false);
            }
            f.line(left, bottom + 0.5, right, bottom + 0.5, Argb.opaque(0x999999), 1);
            f.line(left - 0.5, top, left - 0.5, bottom, Argb.opaque(0x999999), 1);
            if (!xLabel.isEmpty()) {
                f.text(xLabel, (left + right) / 2.0, bottom + fontSize * 3.1, fontSize, Argb.opaque(0x333333),
                        Figure.Anchor.MIDDLE, false);
            }
            if (!yLabel.isEmpty()) {
                f.text(yLabel, left - 6, top - fontSize * 0.9, fontSize, Argb.opaque(0x333333), Figure.Anchor.START, false);
            }
        }
        for (Series s : series) {
            plot.polyline(s.xs(), s.ys(), s.argb(), s.width());
        }
        if (legend && !series.isEmpty()) {
            drawLegend(f, right, top);
        }
    }

    private void drawLegend(Figure f, int right, int top) {
        double swatch = fontSize * 1.6;
        double rowHeight = fontSize * 1.35;
        double textWidth = 0;
        for (Series s : series) {
            textWidth = Math.max(textWidth, f.textWidth(s.name(), fontSize, false));
        }
        double boxWidth = swatch + 12 + textWidth;
        double boxHeight = rowHeight * series.size() + 6;
        double bx = right - boxWidth - 6;
        double by = top + 6;
        f.fillRect(bx, by, boxWidth, boxHeight, Argb.of(0xffffff, 0.85));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double cy = by + 3 + rowHeight * (i + 0.5);
            f.line(bx + 4, cy, bx + 4 + swatch, cy, s.argb(), Math.max(2, s.width()));
            f.text(s.name(), bx + swatch + 8, cy + fontSize * 0.35, fontSize, Argb.opaque(0x333333), Figure.Anchor.START,
                    false);
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
