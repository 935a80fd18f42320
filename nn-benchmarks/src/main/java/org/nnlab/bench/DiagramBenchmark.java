package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nnlab.actmax.Architecture;
import org.nnlab.nn.ModelSummary;
import org.nnlab.raster.Figure;
import org.nnlab.raster.view.ArchitectureDiagram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Summary, layout and render of the ShapeShop CNN's architecture diagram (target: under 20 ms). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"})
public class DiagramBenchmark {
    /** The summary (shapes, parameters, MACs) and the picture, from the model. */
    @Benchmark
    public Figure shapeShopCnn() {
        ModelSummary s = Architecture.CNN.summary(10);
        return ArchitectureDiagram.of(s);
    }

    /** The same, encoded as PNG. */
    @Benchmark
    public byte[] shapeShopCnnPng() {
        return ArchitectureDiagram.of(Architecture.CNN.summary(10)).toPng();
    }
}
