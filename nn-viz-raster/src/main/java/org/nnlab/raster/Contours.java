package org.nnlab.raster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contour lines of a {@link Grid} by marching squares (Lorensen and Cline's 2-D case): each square of
 * four neighbouring samples is classified by which corners reach the level, the line crosses the
 * square's edges where the linearly interpolated field equals the level, and saddle squares are
 * resolved by the mean of the four corners. Squares with a NaN corner have no line. Segments are joined
 * into polylines through the edges they share.
 */
public final class Contours {
    // per case (bit 0 bottom-left, 1 bottom-right, 2 top-right, 3 top-left): pairs of edges
    // (0 bottom, 1 right, 2 top, 3 left) joined by a segment; saddles 5 and 10 are handled apart
    private static final int[][] SEGMENTS = {
        {}, {3, 0}, {0, 1}, {3, 1}, {1, 2}, {}, {0, 2}, {3, 2},
        {2, 3}, {0, 2}, {}, {1, 2}, {3, 1}, {0, 1}, {3, 0}, {},
    };

    private Contours() {
    }

    /**
     * The level's contour as polylines in data coordinates, each {x0, y0, x1, y1, ...}; a closed line
     * ends where it starts. Samples sit at cell centres of the grid's bounds.
     */
    public static List<double[]> lines(Grid grid, double level) {
        int w = grid.width();
        int h = grid.height();
        List<double[]> segments = new ArrayList<>();      // {edgeA, edgeB, xA, yA, xB, yB}
        for (int r = 0; r + 1 < h; r++) {
            for (int c = 0; c + 1 < w; c++) {
                double v0 = grid.at(r, c);
                double v1 = grid.at(r, c + 1);
                double v2 = grid.at(r + 1, c + 1);
                double v3 = grid.at(r + 1, c);
                if (Double.isNaN(v0) || Double.isNaN(v1) || Double.isNaN(v2) || Double.isNaN(v3)) {
                    continue;
                }
                int index = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0);
                int[] pairs = SEGMENTS[index];
                if (index == 5 || index == 10) {
                    boolean centreIn = (v0 + v1 + v2 + v3) / 4 >= level;
                    // the segments cut off the corners that are not joined through the centre
                    pairs = (index == 5) == centreIn ? new int[] {0, 1, 2, 3} : new int[] {3, 0, 1, 2};
                }
                for (int p = 0; p < pairs.length; p += 2) {
                    segments.add(segment(grid, r, c, pairs[p], pairs[p + 1], new double[] {v0, v1, v2, v3}, level));
                }
            }
        }
        return join(segments);
    }

    /** A segment between two edges of square (r, c): {edge id A, edge id B, xA, yA, xB, yB}. */
    private static double[] segment(Grid g, int r, int c, int edgeA, int edgeB, double[] v, double level) {
        double[] a = crossing(g, r, c, edgeA, v, level);
        double[] b = crossing(g, r, c, edgeB, v, level);
        return new double[] {edgeId(g, r, c, edgeA), edgeId(g, r, c, edgeB), a[0], a[1], b[0], b[1]};
    }

    /** A grid-wide id for edge e of square (r, c): horizontal edges even, vertical odd. */
    private static long edgeId(Grid g, int r, int c, int e) {
        return switch (e) {
            case 0 -> 2L * (r * (long) g.width() + c);
            case 2 -> 2L * ((r + 1) * (long) g.width() + c);
            case 3 -> 2L * (r * (long) g.width() + c) + 1;
            default -> 2L * (r * (long) g.width() + c + 1) + 1;
        };
    }

    private static double[] crossing(Grid g, int r, int c, int edge, double[] v, double level) {
        // edge endpoints as (corner index): bottom 0-1, right 1-2, top 3-2, left 0-3
        int from = edge == 2 ? 3 : edge == 1 ? 1 : 0;
        int to = edge == 0 ? 1 : edge == 3 ? 3 : 2;
        double t = (level - v[from]) / (v[to] - v[from]);
        double[] fromXy = cornerXy(g, r, c, from);
        double[] toXy = cornerXy(g, r, c, to);
        return new double[] {fromXy[0] + t * (toXy[0] - fromXy[0]), fromXy[1] + t * (toXy[1] - fromXy[1])};
    }

    private static double[] cornerXy(Grid g, int r, int c, int corner) {
        int col = c + (corner == 1 || corner == 2 ? 1 : 0);
        int row = r + (corner >= 2 ? 1 : 0);
        Bounds b = g.bounds();
        return new double[] {b.xMin() + (col + 0.5) * b.width() / g.width(), b.yMin() + (row + 0.5) * b.height() / g.height()};
    }

    /** Chains segments that share an edge crossing into polylines. */
    private static List<double[]> join(List<double[]> segments) {
        Map<Long, List<Integer>> byEdge = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            byEdge.computeIfAbsent((long) segments.get(i)[0], k -> new ArrayList<>(2)).add(i);
            byEdge.computeIfAbsent((long) segments.get(i)[1], k -> new ArrayList<>(2)).add(i);
        }
        boolean[] used = new boolean[segments.size()];
        List<double[]> lines = new ArrayList<>();
        for (int start = 0; start < segments.size(); start++) {
            if (used[start]) {
                continue;
            }
            used[start] = true;
            double[] s = segments.get(start);
            java.util.ArrayDeque<double[]> points = new java.util.ArrayDeque<>();
            points.add(new double[] {s[2], s[3]});
            points.add(new double[] {s[4], s[5]});
            extend(segments, byEdge, used, (long) s[1], points, true);
            extend(segments, byEdge, used, (long) s[0], points, false);
            double[] line = new double[2 * points.size()];
            int k = 0;
            for (double[] p : points) {
                line[k++] = p[0];
                line[k++] = p[1];
            }
            lines.add(line);
        }
        return lines;
    }

    private static void extend(List<double[]> segments, Map<Long, List<Integer>> byEdge, boolean[] used, long edge,
                               java.util.ArrayDeque<double[]> points, boolean atEnd) {
        while (true) {
            Integer next = null;
            for (int candidate : byEdge.getOrDefault(edge, List.of())) {
                if (!used[candidate]) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            used[next] = true;
            double[] s = segments.get(next);
            boolean forward = (long) s[0] == edge;
            double[] p = forward ? new double[] {s[4], s[5]} : new double[] {s[2], s[3]};
            edge = forward ? (long) s[1] : (long) s[0];
            if (atEnd) {
                points.addLast(p);
            } else {
                points.addFirst(p);
            }
        }
    }

    /**
     * The field at fractional sample coordinates (gx across columns, gy across rows, 0 = first sample
     * centre), bilinear, clamped at the edges; NaN if a neighbour is NaN.
     */
    static double interpolate(Grid g, double gx, double gy) {
        double cx = Math.max(0, Math.min(g.width() - 1, gx));
        double cy = Math.max(0, Math.min(g.height() - 1, gy));
        int c0 = Math.min((int) cx, g.width() - 1);
        int r0 = Math.min((int) cy, g.height() - 1);
        int c1 = Math.min(c0 + 1, g.width() - 1);
        int r1 = Math.min(r0 + 1, g.height() - 1);
        double fx = cx - c0;
        double fy = cy - r0;
        double bottom = g.at(r0, c0) * (1 - fx) + g.at(r0, c1) * fx;
        double upper = g.at(r1, c0) * (1 - fx) + g.at(r1, c1) * fx;
        return bottom * (1 - fy) + upper * fy;
    }
}
