package org.nnlab.nn;

import java.util.List;
import java.util.Locale;

import org.nnlab.core.Shape;

/**
 * A model described as plain data, one row per layer, for text summaries and architecture diagrams.
 *
 * @param input the per-sample input shape
 * @param rows  one row per layer, in order
 */
public record ModelSummary(Shape input, List<Row> rows) {

    /**
     * One layer.
     *
     * @param index       1-based position (0 is the input)
     * @param layer       type and defining hyperparameters, as in {@code Conv2D 32}
     * @param kernel      kernel, stride and padding ({@code 3×3 /1 valid}), or empty
     * @param outputShape per-sample output shape, channels first
     * @param parameters  trainable scalars: (in + 1)·out for dense, (c·kh·kw + 1)·f for conv
     * @param macs        multiply-adds per sample, bias excluded
     */
    public record Row(int index, String layer, String kernel, Shape outputShape, long parameters, long macs) {
    }

    /** Copies the rows list. */
    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /** Σ parameters over the rows. */
    public long totalParameters() {
        return rows.stream().mapToLong(Row::parameters).sum();
    }

    /** Σ multiply-adds per sample over the rows. */
    public long totalMacs() {
        return rows.stream().mapToLong(Row::macs).sum();
    }

    /** Floats of activation per sample: the input plus every row's output. */
    public long activationFloats() {
        return input.size() + rows.stream().mapToLong(r -> r.outputShape().size()).sum();
    }

    /** The per-sample output shape of the last layer. */
    public Shape outputShape() {
        return rows.isEmpty() ? input : rows.get(rows.size() - 1).outputShape();
    }

    /** A plain table: index, layer, kernel, output shape, parameters and MACs, then the totals. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%3s  %-16s %-14s %-14s %12s %14s%n", "#", "Layer", "Kernel",
                "Output shape", "Params", "MACs"));
        sb.append(String.format(Locale.ROOT, "%3d  %-16s %-14s %-14s %,12d %,14d%n", 0, "Input", "",
                input.toTimesString(), 0, 0));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%3d  %-16s %-14s %-14s %,12d %,14d%n", r.index(), r.layer(),
                    r.kernel(), r.outputShape().toTimesString(), r.parameters(), r.macs()));
        }
        sb.append(String.format(Locale.ROOT, "Params: %,d · MACs per sample: %,d · activations per sample: %,d floats",
                totalParameters(), totalMacs(), activationFloats()));
        return sb.toString();
    }
}
