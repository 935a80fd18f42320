package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeDataset;
import org.nnlab.actmax.ShapeShopTrainer;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Kde;
import org.nnlab.raster.Points;
import org.nnlab.raster.WarpedGrid;

/**
 * Requests that would need absurd memory or time are refused up front with a message, not an
 * OutOfMemoryError; and nothing in the library deserializes Java objects or runs what a string names.
 */
class ResourceLimitsTest {
    @Test
    void absurdSizesAreRefusedBeforeAnyAllocation() {
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.parse("seed=1&networkShape=1e9")))
                .hasMessageContaining("networkShape");
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.parse("seed=1&networkShape=10000,10000,10000")))
                .hasMessageContaining("links");
        assertThatThrownBy(() -> PlaygroundSession.load(PlaygroundState.parse(
                "seed=1&x=false&y=false&networkShape=100000000"))).hasMessageContaining("neurons");
        assertThatThrownBy(() -> GanConfig.defaults().withNetworks(1, 1_000_000_000, 1, 8)).hasMessageContaining("gNeurons");
        assertThatThrownBy(() -> Figure.of(1_000_000, 1_000_000, Bounds.square(0, 1))).hasMessageContaining("16384");
        assertThatThrownBy(() -> Kde.density(Points.valued(new double[] {0}, new double[] {0}, new float[1]),
                Bounds.square(0, 1), 1_000_000, 1_000_000, 0.1)).hasMessageContaining("16384");
        assertThatThrownBy(() -> WarpedGrid.of(1_000_000, 1_000_000, Bounds.square(0, 1), (x, y, o) -> { }))
                .hasMessageContaining("4096");
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("seed=1"));
        assertThatThrownBy(() -> PlaygroundView.trainTimelapse(s, Timelapse.DEFAULT.withFrames(100_000_000))).hasMessageContaining("frames");
        GanSession g = GanSession.create(RealData.ring(), GanConfig.defaults(), Rng.seeded(1));
        assertThatThrownBy(() -> GanLabView.trainTimelapse(g, Timelapse.DEFAULT.withFrames(100_000_000))).hasMessageContaining("frames");
        assertThatThrownBy(() -> GanLabView.manifoldMorph(g, 100_000_000, 200)).hasMessageContaining("frames");
        assertThatThrownBy(() -> GanLabView.distributions(g, 1_000_000)).hasMessageContaining("size");
        ShapeDataset data = ShapeDataset.build(List.of(ShapeClass.BOX, ShapeClass.LINE), Rng.seeded(1));
        assertThatThrownBy(() -> ShapeShopTrainer.train(Architecture.MLP.build(2, Rng.seeded(1)), data, 1_000_000_000,
                Rng.seeded(1))).hasMessageContaining("epochs");
    }

    /** No ObjectInputStream, no script engines, no reflection on names that come from input. */
    @Test
    void nothingDeserializesOrExecutesWhatAStringNames() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        // each module's src/main/java only: walking target/ races with the reports other tests are writing
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> sources = new java.util.ArrayList<>();
            for (Path module : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(module)) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
                }
            }
            org.assertj.core.api.Assertions.assertThat(sources).hasSizeGreaterThan(100);
            for (Path p : sources) {
                String text = Files.readString(p);
                org.assertj.core.api.Assertions.assertThat(text).as(p.toString()).doesNotContain("ObjectInputStream",
                        "readObject(", "ScriptEngine", "Runtime.getRuntime().exec", "ProcessBuilder", "URLClassLoader");
                if (text.contains("Class.forName(")) {
                    // the only dynamic load: the Vector API kernels, by a constant name, after a module check
                    org.assertj.core.api.Assertions.assertThat(p.getFileName().toString()).isEqualTo("KernelSelection.java");
                }
            }
        }
    }
}
