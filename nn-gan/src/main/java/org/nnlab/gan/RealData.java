package org.nnlab.gan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.io.Csv;
import org.nnlab.core.io.TextFiles;

/**
 * A distribution of 2-D points in GAN Lab's unit square (y up): its four datasets with their exact
 * formulas (spec 2.a), a drawing (stroke points plus N(0, 0.02²) jitter), or your own points.
 *
 * <p>Every sample draws r ~ U[0, 1), then a standard normal for x, then one for y, each by GAN Lab's
 * Box–Muller {@code n = sqrt(-2 ln(1 - u)) · cos(2π(1 - v))}. Samples are not clipped to the square.
 */
public final class RealData {
    /** A sampler: writes one point (x, y) to out[at], out[at + 1]. */
    @FunctionalInterface
    private interface Sampler {
        void draw(Rng rng, float[] out, int at);
    }

    private final String name;
    private final Sampler sampler;

    private RealData(String name, Sampler sampler) {
        this.name = name;
        this.sampler = sampler;
    }

    /** "Simple line": x = 0.8 - 0.75r + 0.01n₁, y = 0.6 + 0.3r + 0.01n₂. */
    public static RealData line() {
        return new RealData("line", (rng, out, at) -> {
            double r = rng.nextDouble();
            out[at] = (float) (0.8 - 0.75 * r + 0.01 * normal(rng));
            out[at + 1] = (float) (0.6 + 0.3 * r + 0.01 * normal(rng));
        });
    }

    /** "Mixture of Gaussians": (0.3, 0.7) with σ 0.1 if r &lt; 0.5, else (0.7, 0.4) with σx 0.05, σy 0.2. */
    public static RealData gaussians() {
        return new RealData("gaussians", (rng, out, at) -> {
            double r = rng.nextDouble();
            double n1 = normal(rng);
            double n2 = normal(rng);
            if (r < 0.5) {
                out[at] = (float) (0.3 + 0.1 * n1);
                out[at + 1] = (float) (0.7 + 0.1 * n2);
            } else {
                out[at] = (float) (0.7 + 0.05 * n1);
                out[at + 1] = (float) (0.4 + 0.2 * n2);
            }
        });
    }

    /** "Ring": θ = 2πr, (0.5 + 0.3 cos θ, 0.45 + 0.25 sin θ) plus σ 0.025 jitter. */
    public static RealData ring() {
        return new RealData("ring", (rng, out, at) -> {
            double theta = 2 * Math.PI * rng.nextDouble();
            out[at] = (float) (0.5 + 0.3 * Math.cos(theta) + 0.025 * normal(rng));
            out[at + 1] = (float) (0.45 + 0.25 * Math.sin(theta) + 0.025 * normal(rng));
        });
    }

    /** "3 disjoint regions": centres (0.35, 0.75), (0.75, 0.6), (0.45, 0.35) at r &lt; 0.333, &lt; 0.666, else; σ 0.025. */
    public static RealData disjoint() {
        return new RealData("disjoint", (rng, out, at) -> {
            double r = rng.nextDouble();
            double cx = r < 0.333 ? 0.35 : r < 0.666 ? 0.75 : 0.45;
            double cy = r < 0.333 ? 0.75 : r < 0.666 ? 0.6 : 0.35;
            out[at] = (float) (cx + 0.025 * normal(rng));
            out[at + 1] = (float) (cy + 0.025 * normal(rng));
        });
    }

    /**
     * "Draw one by yourself": a uniformly chosen stroke point plus N(0, 0.02²) per coordinate. Points are
     * in unit coordinates (GAN Lab records (px/400, 1 - py/400) at every mouse event).
     *
     * @throws IllegalArgumentException for an empty drawing, arrays of different lengths or non-finite points
     */
    public static RealData drawing(double[] xs, double[] ys) {
        float[] points = checkedPoints("RealData.drawing", xs, ys);
        int n = xs.length;
        return new RealData("drawing", (rng, out, at) -> {
            int i = rng.nextInt(n);
            double jx = 0.02 * normal(rng);
            double jy = 0.02 * normal(rng);
            out[at] = (float) (points[2 * i] + jx);
            out[at + 1] = (float) (points[2 * i + 1] + jy);
        });
    }

    /**
     * Your own points: each sample is one of them, chosen uniformly (no jitter).
     *
     * @throws IllegalArgumentException for no points, arrays of different lengths or non-finite points
     */
    public static RealData points(double[] xs, double[] ys) {
        float[] points = checkedPoints("RealData.points", xs, ys);
        int n = xs.length;
        return new RealData("points", (rng, out, at) -> {
            int i = rng.nextInt(n);
            out[at] = points[2 * i];
            out[at + 1] = points[2 * i + 1];
        });
    }

    /** {@link #csv(Reader, String)} of a UTF-8 file. */
    public static RealData csv(Path file) throws IOException {
        return csv(new StringReader(TextFiles.readUtf8(file)), file.toString());
    }

    /**
     * Points from CSV text: one {@code x,y} per line (separated by a comma, semicolon or tab); blank lines,
     * lines starting with {@code #}, a leading byte-order mark and a first row of two cells that are not
     * numbers (a header such as {@code x,y}) are skipped; any other row that is not two finite numbers is an
     * error naming its line.
     *
     * @param source named in error messages
     * @throws IllegalArgumentException naming the source and line of a row that is not two finite numbers
     */
    public static RealData csv(Reader in, String source) throws IOException {
        List<double[]> rows = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        String line;
        int number = 0;
        boolean header = false;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = Csv.withoutBom(line, number).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split("\\s*[,;\\t]\\s*");
            double[] xy = cells.length == 2 ? parse(cells) : null;
            if (xy == null) {
                if (rows.isEmpty() && !header && Csv.isHeader(cells, 2)) {
                    header = true;                               // "x,y": the one row skipped
                    continue;
                }
                throw new IllegalArgumentException(String.format(
                        "RealData.csv: %s line %d: expected two finite numbers \"x,y\", got \"%s\"", source, number,
                        line.length() > 80 ? line.substring(0, 80) + "..." : line));
            }
            rows.add(xy);
        }
        Checks.requireArgument(!rows.isEmpty(), "RealData.csv: %s holds no points", source);
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rows.get(i)[0];
            ys[i] = rows.get(i)[1];
        }
        return points(xs, ys);
    }

    private static double[] parse(String[] cells) {
        try {
            double x = Double.parseDouble(cells[0]);
            double y = Double.parseDouble(cells[1]);
            return Double.isFinite(x) && Double.isFinite(y) ? new double[] {x, y} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * One of GAN Lab's datasets by its name: line, gaussians, ring or disjoint.
     *
     * @throws IllegalArgumentException for other names
     */
    public static RealData named(String name) {
        return switch (name) {
            case "line" -> line();
            case "gaussians" -> gaussians();
            case "ring" -> ring();
            case "disjoint" -> disjoint();
            default -> throw new IllegalArgumentException(
                    "RealData: unknown dataset \"" + name + "\"; expected line, gaussians, ring or disjoint");
        };
    }

    /** The dataset's name (line, gaussians, ring, disjoint, drawing, points). */
    public String name() {
        return name;
    }

    /**
     * n samples, row-major [n, 2].
     *
     * @throws IllegalArgumentException if n &lt; 1
     */
    public float[] sample(Rng rng, int n) {
        Checks.requireArgument(n >= 1, "RealData.sample: n must be >= 1, got %d", n);
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            sampler.draw(rng, out, 2 * i);
        }
        return out;
    }

    /** GAN Lab's standard normal: sqrt(-2 ln(1 - u)) · cos(2π(1 - v)), u and v uniform in [0, 1). */
    static double normal(Rng rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * (1 - v));
    }

    private static float[] checkedPoints(String who, double[] xs, double[] ys) {
        Checks.requireArgument(xs.length == ys.length, "%s: %d xs but %d ys", who, xs.length, ys.length);
        Checks.requireArgument(xs.length > 0, "%s: needs at least one point", who);
        float[] points = new float[2 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            Checks.requireArgument(Double.isFinite(xs[i]) && Double.isFinite(ys[i]),
                    "%s: point %d is (%s, %s); points must be finite", who, i, xs[i], ys[i]);
            points[2 * i] = (float) xs[i];
            points[2 * i + 1] = (float) ys[i];
        }
        return points;
    }

    @Override
    public String toString() {
        return "RealData[" + name + "]";
    }
}
