package org.nnlab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Pearson;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.ShapeShopScenarios;
import org.nnlab.raster.view.ShapeShopView;

/**
 * The ShapeShop paper's experiments: data diversity (lines, then circles, then noise; MLP) and MLP
 * against CNN on the six classes. Prints each class's |r| and writes the result rows as PNG:
 * {@code java --add-modules jdk.incubator.vector -cp examples/target/nnlab.jar
 * org.nnlab.examples.ShapeShopExperiments [OUTPUT_DIR]}.
 */
public final class ShapeShopExperiments {
    private ShapeShopExperiments() {
    }

    /** Runs both scenarios with seed 1 and writes {@code shapeshop-diversity.png} and {@code shapeshop-mlp-vs-cnn.png}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        write(ShapeShopScenarios.dataDiversity(Architecture.MLP, 100, 1), dir.resolve("shapeshop-diversity.png"));
        write(ShapeShopScenarios.mlpVersusCnn(1), dir.resolve("shapeshop-mlp-vs-cnn.png"));
    }

    private static void write(List<ShapeShop.Round> rounds, Path target) throws IOException {
        for (ShapeShop.Round r : rounds) {
            StringBuilder b = new StringBuilder(r.config().architecture().label() + ":");
            for (ShapeShop.ClassResult c : r.classes()) {
                b.append("  ").append(c.name()).append(' ').append(Pearson.format(c.r()));
            }
            System.out.println(b);
        }
        ShapeShopView.rows(rounds, 1.0).writePng(target);
        System.out.println("-> " + target);
    }
}
