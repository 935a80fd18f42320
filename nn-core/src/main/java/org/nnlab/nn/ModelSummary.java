package org.nnlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;

/**
 * A model described as plain data (spec/diagrams.md B.4), for the text summary, its compact
 * "ASCII flow" form and the architecture diagram, which all show the same numbers.
 *
 * <p>One row per layer as a user names it: bias and a following activation layer fold into their
 * layer; identical consecutive rows fold into one marked "×N" (their parameters and MACs summed).
 * Shapes are per sample, channels first. A model of two players (a GAN) has two sections with
 * subtotals.
 *
 * @param name     the model's name, printed in the header
 * @param input    the per-sample input shape (of the first section)
 * @param sections one section, or one per player
 */
public record ModelSummary(String name, Shape input, List<Section> sections) {

    /** What kind of layer a row is: the diagram colours and weights rows by it. */
    public enum Category {
        /** Dense and convolution layers: they hold the parameters. */
        LEARNABLE("learnable"),
        /** A separate activation. */
        ACTIVATION("activation"),
        /** Max and average pooling. */
        POOLING("pooling"),
        /** Batch and layer normalization. */
        NORMALIZATION("normalization"),
        /** Dropout. */
        REGULARIZATION("regularization"),
        /** Flatten and reshape. */
        RESHAPE("reshape"),
        /** Inputs and outputs. */
        DATA("data");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        /** The legend's word for it. */
        public String label() {
            return label;
        }
    }

    /**
     * One row.
     *
     * @param index       1-based position within its section
     * @param layer       type and defining hyperparameters ({@code Conv2D 32}, {@code Dense 128})
     * @param kernel      kernel, stride and padding ({@code 3×3 /1 valid}), or empty
     * @param activation  the folded activation ({@code relu}), or empty when linear
     * @param outputShape per-sample output shape, channels first
     * @param parameters  trainable scalars, all repeats together: (in + 1)·out for dense, (c·k·k + 1)·f for conv
     * @param macs        multiply-adds per sample, bias excluded, all repeats together
     * @param category    the layer's kind
     * @param repeat      how many identical consecutive layers the row stands for (1 when not folded)
     */
    public record Row(int index, String layer, String kernel, String activation, Shape outputShape, long parameters,
                      long macs, Category category, int repeat) {
        /** The layer with its "×N" when folded. */
        public String label() {
            return repeat > 1 ? layer + " ×" + repeat : layer;
        }
    }

    /**
     * One player (or the whole model).
     *
     * @param title  "generator", "discriminator", or empty for a single-section model
     * @param symbol the section's letter in the text ("G", "D"), or empty
     * @param input  the section's input shape
     * @param inputLabel how the input is named ("z", "x or x̂"), or empty
     * @param outputLabel how the output is named ("x̂", "p(real)"), or empty
     * @param rows   the rows
     */
    public record Section(String title, String symbol, Shape input, String inputLabel, String outputLabel,
                          List<Row> rows) {
        /** Copies the rows. */
        public Section {
            rows = List.copyOf(rows);
        }

        /** Σ parameters. */
        public long parameters() {
            return rows.stream().mapToLong(Row::parameters).sum();
        }

        /** Σ MACs per sample. */
        public long macs() {
            return rows.stream().mapToLong(Row::macs).sum();
        }
    }

    /** Copies the sections. */
    public ModelSummary {
        Checks.requireArgument(!sections.isEmpty(), "ModelSummary: needs at least one section");
        sections = List.copyOf(sections);
    }

    /** A one-section summary (the common case). */
    public static ModelSummary of(String name, Shape input, List<Row> rows) {
        return new ModelSummary(name, input, List.of(new Section("", "", input, "", "", rows)));
    }

    /**
     * Describes layers in order: shapes, parameters and MACs per layer, activations folded into the layer
     * before them, and (if {@code foldRepeats}) identical consecutive rows folded into "×N".
     *
     * @throws IllegalArgumentException if a layer cannot take the shape that reaches it
     */
    public static List<Row> rows(List<Layer> layers, Shape input, boolean foldRepeats) {
        List<Row> rows = new ArrayList<>();
        Shape s = input;
        for (Layer layer : layers) {
            long macs = layer.macs(s);
            s = layer.outputShape(s);
            if (layer instanceof ActivationLayer a && !rows.isEmpty() && rows.get(rows.size() - 1).activation().isEmpty()) {
                Row last = rows.remove(rows.size() - 1);
                rows.add(new Row(last.index(), last.layer(), last.kernel(), a.activation().label(), s, last.parameters(),
                        last.macs() + macs, last.category(), 1));
                continue;
            }
            String activation = layer instanceof ActivationLayer a ? a.activation().label() : "";
            rows.add(new Row(rows.size() + 1, layer.describe(), layer.kernelDescription(), activation, s,
                    layer.parameterCount(), macs, category(layer), 1));
        }
        return foldRepeats ? fold(rows) : rows;
    }

    private static Category category(Layer layer) {
        if (layer instanceof Linear || layer instanceof Conv2d) {
            return Category.LEARNABLE;
        }
        if (layer instanceof ActivationLayer) {
            return Category.ACTIVATION;
        }
        if (layer instanceof MaxPool2d) {
            return Category.POOLING;
        }
        if (layer instanceof Dropout) {
            return Category.REGULARIZATION;
        }
        if (layer instanceof Flatten) {
            return Category.RESHAPE;
        }
        return layer.parameterCount() > 0 ? Category.LEARNABLE : Category.RESHAPE;
    }

    /** Folds identical consecutive rows (same layer, kernel, activation, shape and parameters) into one. */
    public static List<Row> fold(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (!out.isEmpty()) {
                Row last = out.get(out.size() - 1);
                long perLast = last.parameters() / last.repeat();
                if (last.layer().equals(r.layer()) && last.kernel().equals(r.kernel())
                        && last.activation().equals(r.activation()) && last.outputShape().equals(r.outputShape())
                        && perLast == r.parameters() && r.repeat() == 1 && r.parameters() > 0) {
                    out.set(out.size() - 1, new Row(last.index(), last.layer(), last.kernel(), last.activation(),
                            last.outputShape(), last.parameters() + r.parameters(), last.macs() + r.macs(),
                            last.category(), last.repeat() + 1));
                    continue;
                }
            }
            out.add(new Row(out.size() + 1, r.layer(), r.kernel(), r.activation(), r.outputShape(), r.parameters(),
                    r.macs(), r.category(), r.repeat()));
        }
        return out;
    }

    /** Every row, section after section. */
    public List<Row> rows() {
        List<Row> all = new ArrayList<>();
        for (Section s : sections) {
            all.addAll(s.rows());
        }
        return all;
    }

    /** Σ parameters. */
    public long totalParameters() {
        return rows().stream().mapToLong(Row::parameters).sum();
    }

    /** Σ multiply-adds per sample. */
    public long totalMacs() {
        return rows().stream().mapToLong(Row::macs).sum();
    }

    /** Floats of activation per sample: each section's input plus every row's output (repeats counted). */
    public long activationFloats() {
        long n = 0;
        for (Section s : sections) {
            n += s.input().size();
            for (Row r : s.rows()) {
                n += r.outputShape().size() * r.repeat();
            }
        }
        return n;
    }

    /** The last row's per-sample output shape. */
    public Shape outputShape() {
        List<Row> all = rows();
        return all.isEmpty() ? input : all.get(all.size() - 1).outputShape();
    }

    /** The parameters in float32, in MiB (2^20 bytes). */
    public double parameterMiB() {
        return totalParameters() * 4.0 / (1 << 20);
    }

    /** The summary as text: {@link #toText()}. */
    @Override
    public String toString() {
        return toText();
    }

    /**
     * The text summary of B.4: a header, one line per row (#, layer, kernel, activation, output shape,
     * params, % params, MACs), then the totals; two-player models print a section per player with
     * subtotals.
     */
    public String toText() {
        return sections.size() == 1 ? singleText() : playersText();
    }

    private String singleText() {
        List<Row> rows = sections.get(0).rows();
        Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        String output = outputShape().toTimesString() + (last != null && !last.activation().isEmpty()
                ? " (" + last.activation() + ")" : "");
        StringBuilder b = new StringBuilder();
        b.append("Model: ").append(name).append("   input ").append(input.toTimesString()).append(" float32   output ")
                .append(output).append('\n');
        String rule = "═".repeat(91);
        b.append(rule).append('\n');
        b.append(String.format(Locale.ROOT, "%2s  %-16s%-15s%-12s%-13s%10s%9s%12s%n", "#", "Layer", "Kernel",
                "Activation", "Output shape", "Params", "%Params", "MACs"));
        b.append("─".repeat(91)).append('\n');
        double total = Math.max(1, totalParameters());
        b.append(String.format(Locale.ROOT, "%2d  %-16s%-15s%-12s%-13s%,10d%9.1f%,12d%n", 0, "Input", "", "",
                input.toTimesString(), 0, 0.0, 0));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%2d  %-16s%-15s%-12s%-13s%,10d%9.1f%,12d%n", r.index(), r.label(),
                    r.kernel(), r.activation(), r.outputShape().toTimesString(), r.parameters(),
                    100 * r.parameters() / total, r.macs()));
        }
        b.append(rule).append('\n');
        b.append(String.format(Locale.ROOT, "Params: %,d total · %,d trainable · 0 non-trainable · %.2f MiB (float32)%n",
                totalParameters(), totalParameters(), parameterMiB()));
        b.append(String.format(Locale.ROOT, "MACs per sample: %,d (%s) · activations per sample: %,d floats (%.1f KiB)%n",
                totalMacs(), compact(totalMacs()), activationFloats(), activationFloats() * 4 / 1024.0));
        return b.toString();
    }

    private String playersText() {
        StringBuilder b = new StringBuilder();
        b.append("Model: ").append(name);
        for (Section s : sections) {
            List<Row> rows = s.rows();
            String out = rows.isEmpty() ? s.input().toTimesString() : rows.get(rows.size() - 1).outputShape().toTimesString();
            b.append("   ").append(s.symbol()).append(": ").append(s.inputLabel().split(" ")[0]).append(' ')
                    .append(s.input().toTimesString()).append(" → ").append(s.outputLabel()).append(' ').append(out);
        }
        b.append('\n');
        String rule = "═".repeat(62);
        b.append(rule).append('\n');
        b.append(String.format(Locale.ROOT, "%4s  %-12s%-12s%-8s%8s%9s%7s%n", "#", "Layer", "Activation", "Output",
                "Params", "%Params", "MACs"));
        b.append("─".repeat(62)).append('\n');
        double total = Math.max(1, totalParameters());
        for (Section s : sections) {
            b.append(String.format(Locale.ROOT, "%-3s%s (input %s: %s)%n", s.symbol(), s.title(), s.inputLabel(),
                    s.input().toTimesString()));
            for (int i = 0; i < s.rows().size(); i++) {
                Row r = s.rows().get(i);
                String branch = i == s.rows().size() - 1 ? "└─" : "├─";
                b.append(String.format(Locale.ROOT, "%s%2d  %-12s%-12s%-8s%,8d%9.1f%,7d%n", branch, r.index(), r.label(),
                        r.activation(), r.outputShape().toTimesString(), r.parameters(), 100 * r.parameters() / total,
                        r.macs()));
            }
            b.append(String.format(Locale.ROOT, "      %-32s%,8d%9.1f%,7d%n", s.symbol() + " subtotal", s.parameters(),
                    100 * s.parameters() / total, s.macs()));
        }
        b.append(rule).append('\n');
        StringBuilder split = new StringBuilder();
        StringBuilder macs = new StringBuilder();
        for (Section s : sections) {
            split.append(split.length() == 0 ? "" : " · ").append(s.symbol()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", s.parameters()));
            macs.append(macs.length() == 0 ? "" : ", ").append(s.symbol()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", s.macs()));
        }
        b.append(String.format(Locale.ROOT, "Params: %,d total (%s) · all trainable · MACs per sample: %s%n",
                totalParameters(), split, macs));
        return b.toString();
    }

    /** 6,094,208 as "6.09 M". */
    static String compact(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format(Locale.ROOT, "%.2f k", n / 1e3);
        }
        return Long.toString(n);
    }

    /**
     * The compact keras-sequential-ascii form of B.4: data rows ({@code #####} and the shape, with the
     * activation that made it) between operation rows (a glyph per layer type, params and % params).
     */
    public String toAsciiFlow() {
        StringBuilder b = new StringBuilder();
        double total = Math.max(1, totalParameters());
        for (Section s : sections) {
            if (sections.size() > 1) {
                b.append(s.symbol()).append("  ").append(s.title()).append('\n');
            }
            b.append(String.format(Locale.ROOT, "%12s  #####  %s%n", s.inputLabel().isEmpty() ? "input" : s.inputLabel(),
                    s.input().toTimesString()));
            for (Row r : s.rows()) {
                b.append(String.format(Locale.ROOT, "%12s  %-5s  ──────────%9s%7.1f%%%n", flowLabel(r), glyph(r),
                        String.format(Locale.ROOT, "%,d", r.parameters()), 100 * r.parameters() / total));
                b.append(String.format(Locale.ROOT, "%12s  #####  %s%n", r.activation(), r.outputShape().toTimesString()));
            }
        }
        return b.toString();
    }

    private static String flowLabel(Row r) {
        String type = r.layer().split(" ")[0];
        String label = switch (type) {
            case "Conv2D" -> "Conv2D " + r.kernel().split(" ")[0];
            case "MaxPool2D" -> "MaxPool " + r.kernel().split(" ")[0];
            case "Dropout" -> "Dropout " + r.layer().substring(r.layer().indexOf('=') + 1).replaceFirst("^0", "")
                    .replaceFirst("0+$", "");
            default -> type;
        };
        return r.repeat() > 1 ? label + " ×" + r.repeat() : label;
    }

    private static String glyph(Row r) {
        String type = r.layer().split(" ")[0];
        return switch (type) {
            case "Conv2D" -> " \\|/";
            case "MaxPool2D" -> "Y max";
            case "Dropout" -> " | ||";
            case "Flatten" -> "|||||";
            case "Dense" -> "XXXXX";
            default -> "?????";
        };
    }
}
