package org.nnlab.gan;

import java.util.ArrayList;
import java.util.List;

import org.nnlab.core.Shape;
import org.nnlab.nn.ModelSummary;
import org.nnlab.nn.dense.DenseStack;

/**
 * A GAN as a two-player model summary (spec/diagrams.md B.4): the generator's section (input z) and
 * the discriminator's (input x or x̂), each with its Dense rows, activations and subtotals.
 */
public final class GanSummary {
    private GanSummary() {
    }

    /** The summary of the session's two networks, named {@code name}. */
    public static ModelSummary of(String name, GanSession session) {
        return of(name, session.generator(), session.discriminator());
    }

    /** The summary of a generator and a discriminator. */
    public static ModelSummary of(String name, DenseStack generator, DenseStack discriminator) {
        return new ModelSummary(name, Shape.of(generator.inputs()), List.of(
                section("generator", "G", "z", "x\u0302", generator),
                section("discriminator", "D", "x or x\u0302", "p(real)", discriminator)));
    }

    private static ModelSummary.Section section(String title, String symbol, String input, String output, DenseStack net) {
        List<ModelSummary.Row> rows = new ArrayList<>();
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.size(l - 1);
            int out = net.size(l);
            String activation = (l < net.layers() ? net.hidden() : net.output()).label();
            rows.add(new ModelSummary.Row(l, "Dense " + out, "", activation, Shape.of(out), (long) (in + 1) * out,
                    (long) in * out, ModelSummary.Category.LEARNABLE, 1));
        }
        return new ModelSummary.Section(title, symbol, Shape.of(net.inputs()), input, output, ModelSummary.fold(rows));
    }
}
