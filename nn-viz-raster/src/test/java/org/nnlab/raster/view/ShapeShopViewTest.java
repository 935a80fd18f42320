package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.ShapeShopTrainer;
import org.nnlab.core.Rng;
import org.nnlab.raster.Figure;
import org.nnlab.raster.GoldenImages;

/**
 * ShapeShop's result row: the min-max grey scale and nearest-neighbour cells exactly, and the row's
 * layout against a golden image (built from fixed images, so it does not depend on training).
 */
class ShapeShopViewTest {
    @Test
    void imagesUseTheirOwnMinMaxGreyInSharpCells() {
        float[] v = new float[784];
        v[0] = -0.2f;                                                         // min: black
        v[1] = 0.3f;                                                          // max: white
        v[2] = 0.05f;                                                         // halfway: mid grey
        for (int i = 3; i < 784; i++) {
            v[i] = 0.05f;
        }
        Figure f = ShapeShopView.image(v, 4);
        int[] rgb = f.rgb();
        assertThat(f.width()).isEqualTo(112);
        assertThat(rgb[0] & 0xff).isZero();
        assertThat(rgb[3 * 112 + 3] & 0xff).isZero();                       // the whole 4 x 4 cell
        assertThat(rgb[4] & 0xff).isEqualTo(255);
        assertThat(rgb[8] & 0xff).isBetween(120, 135);
        // a constant image is black, not an error
        assertThat(ShapeShopView.image(new float[784], 2).rgb()[100] & 0xffffff).isZero();
    }

    static ShapeShop.Round fixedRound() {
        Rng rng = Rng.seeded(3);
        List<ShapeClass> classes = List.of(ShapeClass.BOX, ShapeClass.LINE, ShapeClass.CIRCLE, ShapeClass.NOISE);
        ShapeShop.Config config = new ShapeShop.Config(classes, Architecture.CNN, 100, InitialImage.ZEROS, 0.005, 1,
                10_000);
        List<ShapeShop.ClassResult> results = new java.util.ArrayList<>();
        double[] r = {0.64, 0.93, Double.NaN, 0.03};
        for (int k = 0; k < classes.size(); k++) {
            float[] template = classes.get(k).draw(rng);
            float[] image = new float[784];
            for (int p = 0; p < 784; p++) {                                   // an edge-like map, as the CNN's
                image[p] = (float) (0.3 * template[p] + 0.1 * Math.sin(p * 0.37));
            }
            if (k == 2) {
                image = new float[784];
            }
            results.add(new ShapeShop.ClassResult(classes.get(k).uiName(), image, template, r[k], 20 + k, k != 3, 0.991, false));
        }
        return new ShapeShop.Round(config, new ShapeShopTrainer.Outcome(1.0, 0.875, new double[] {0.1}), results, null);
    }

    @Test
    void resultRow() throws IOException {
        GoldenImages.assertMatches(ShapeShopView.row(fixedRound(), 1, 1.0), "shapeshop-row");
        Figure two = ShapeShopView.rows(List.of(fixedRound(), fixedRound()), 1.0);
        assertThat(two.height()).isEqualTo(2 * ShapeShopView.row(fixedRound(), 1, 1.0).height());
    }
}
