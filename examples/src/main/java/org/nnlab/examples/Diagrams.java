package org.nnlab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nnlab.actmax.Architecture;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.GanSummary;
import org.nnlab.gan.RealData;
import org.nnlab.nn.ModelSummary;
import org.nnlab.raster.view.ArchitectureDiagram;

/** Prints the text summaries of ShapeShop's CNN and a GAN and writes their diagrams to {@code [DIR]}. */
public final class Diagrams {
    private Diagrams() {
    }

    /** Prints and draws. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        ModelSummary cnn = Architecture.CNN.summary(10);
        System.out.println(cnn.toText());
        System.out.println(cnn.toAsciiFlow());
        ModelSummary gan = GanSummary.of("ganlab-ring",
                GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(1)));
        System.out.println(gan.toText());
        ArchitectureDiagram.of(cnn).writePng(dir.resolve("cnn.png"));
        ArchitectureDiagram.of(gan).writePng(dir.resolve("gan.png"));
        System.out.println("-> " + dir.resolve("cnn.png") + ", " + dir.resolve("gan.png"));
    }
}
