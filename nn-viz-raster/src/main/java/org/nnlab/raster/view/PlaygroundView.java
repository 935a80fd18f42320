package org.nnlab.raster.view;

import java.util.List;

import org.nnlab.playground.Example;
import org.nnlab.playground.Heatmaps;
import org.nnlab.playground.NeuronGrids;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Grid;

/**
 * Pictures of a Playground session. For now the big output map: the output node's heatmap on
 * [-6, 6]² in Playground's colours (smoothed as the page's stretched canvas), discretized if the state
 * says so, with the training points (white outline) and, if the state shows them, the test points
 * (black outline). The full Figure-1 view (features, neurons, links, loss chart) follows.
 */
public final class PlaygroundView {
    private PlaygroundView() {
    }

    /** The output map, size x size pixels. */
    public static Figure output(PlaygroundSession session, int size) {
        NeuronGrids maps = Heatmaps.neurons(session.network(), session.state().inputs());
        float[] out = maps.output();
        if (session.state().discretize()) {
            out = Heatmaps.discretize(out);
        }
        Bounds view = Bounds.square(-Heatmaps.DOMAIN, Heatmaps.DOMAIN);
        // the grid's samples sit on [-6, 6] exactly (i/99), so its cells reach half a step beyond
        double half = Heatmaps.DOMAIN / (Heatmaps.DENSITY - 1);
        Grid grid = Grid.fromTopDown(Heatmaps.DENSITY, Heatmaps.DENSITY, out,
                Bounds.square(-Heatmaps.DOMAIN - half, Heatmaps.DOMAIN + half));
        Figure f = Figure.of(size, size, view).heatmap(grid, ColorMap.PLAYGROUND, true);
        double radius = 3.0 * size / 260;                     // Playground: 3 px on a 260 px map
        points(f, session.trainData(), 0xffffff, radius);
        if (session.state().showTestData()) {
            points(f, session.testData(), 0x000000, radius);
        }
        return f;
    }

    private static void points(Figure f, List<Example> data, int stroke, double radius) {
        double[] xs = new double[data.size()];
        double[] ys = new double[data.size()];
        float[] labels = new float[data.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = data.get(i).x();
            ys[i] = data.get(i).y();
            labels[i] = (float) data.get(i).label();
        }
        f.scatter(xs, ys, labels, ColorMap.PLAYGROUND_OPAQUE, stroke, radius);
    }
}
