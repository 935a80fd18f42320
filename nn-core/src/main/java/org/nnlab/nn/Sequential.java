package org.nnlab.nn;

import java.util.ArrayList;
import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/** Layers applied one after another. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    private Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * The model applying {@code layers} in order.
     *
     * @throws IllegalArgumentException if no layer is given
     */
    public static Sequential of(Layer... layers) {
        Checks.requireArgument(layers.length > 0, "Sequential: needs at least one layer");
        return new Sequential(List.of(layers));
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** An evaluation pass: dropout off. */
    public Tensor forward(Tensor x) {
        return forward(x, Pass.EVAL);
    }

    @Override
    public Tensor forward(Tensor x, Pass pass) {
        Tensor h = x;
        for (Layer layer : layers) {
            h = layer.forward(h, pass);
        }
        return h;
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return List.copyOf(all);
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape s = input;
        for (Layer layer : layers) {
            s = layer.outputShape(s);
        }
        return s;
    }

    @Override
    public long macs(Shape input) {
        long total = 0;
        Shape s = input;
        for (Layer layer : layers) {
            total += layer.macs(s);
            s = layer.outputShape(s);
        }
        return total;
    }

    /**
     * The model as plain data (spec/diagrams.md B.4), named "model": one row per layer as a user names it,
     * activations folded into the layer before them, identical consecutive layers folded into "×N".
     *
     * @param input the per-sample input shape, such as {@code Shape.of(1, 28, 28)}
     * @throws IllegalArgumentException if a layer cannot take the shape that reaches it
     */
    public ModelSummary summary(Shape input) {
        return summary("model", input, true);
    }

    /**
     * {@link #summary(Shape)} with a name, and repeats folded or not.
     *
     * @throws IllegalArgumentException if a layer cannot take the shape that reaches it
     */
    public ModelSummary summary(String name, Shape input, boolean foldRepeats) {
        return ModelSummary.of(name, input, ModelSummary.rows(layers, input, foldRepeats));
    }

    @Override
    public String describe() {
        return "Sequential(" + layers.size() + " layers)";
    }
}
