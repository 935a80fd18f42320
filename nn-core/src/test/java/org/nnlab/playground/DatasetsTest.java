package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each generator's first points (replayed from the formulas in spec section 3), counts, draws and quirks. */
class DatasetsTest {

    private static long drawsOf(DatasetKind kind, String seed, int n, double noise) {
        SeedRandom rng = SeedRandom.of(seed);
        List<Example> data = new ArrayList<>(Datasets.generate(kind, rng, n, noise));
        assertThat(data).hasSize(n);
        Datasets.shuffle(data, rng);
        return rng.draws();
    }

    @Test
    void drawCountsFollowTheSpecTable() {
        for (double noise : new double[] {0, 0.25, 0.5}) {
            assertThat(drawsOf(DatasetKind.CIRCLE, "0.12345", 500, noise)).isEqualTo(5 * 500);
            assertThat(drawsOf(DatasetKind.XOR, "0.12345", 500, noise)).isEqualTo(5 * 500);
            assertThat(drawsOf(DatasetKind.SPIRAL, "0.12345", 500, noise)).isEqualTo(3 * 500);
            assertThat(drawsOf(DatasetKind.REG_PLANE, "0.12345", 1200, noise)).isEqualTo(5 * 1200);
            assertThat(drawsOf(DatasetKind.REG_GAUSS, "0.12345", 1200, noise)).isEqualTo(5 * 1200);
        }
        assertThat(drawsOf(DatasetKind.GAUSS, "0.12345", 500, 0)).isEqualTo(3056);
    }

    @Test
    void circleFirstPointAndNoiseMovesOnlyTheLabel() {
        SeedRandom replay = SeedRandom.of("0.5");
        double r = replay.nextDouble() * (2.5 - 0) + 0;
        double angle = replay.nextDouble() * (2 * Math.PI - 0) + 0;
        List<Example> clean = Datasets.circle(SeedRandom.of("0.5"), 500, 0);
        assertThat(clean.get(0)).isEqualTo(new Example(r * StrictMath.sin(angle), r * StrictMath.cos(angle), 1));
        for (int i = 0; i < 500; i++) {
            double radius = Math.hypot(clean.get(i).x(), clean.get(i).y());
            assertThat(clean.get(i).label()).isEqualTo(i < 250 ? 1.0 : -1.0);
            assertThat(radius < 2.5 || radius >= 3.5 - 1e-12).as("radius %s outside the gap", radius).isTrue();
        }
        List<Example> noisy = Datasets.circle(SeedRandom.of("0.5"), 500, 0.5);
        int flipped = 0;
        for (int i = 0; i < 500; i++) {
            assertThat(noisy.get(i).x()).isEqualTo(clean.get(i).x());     // same stored point
            flipped += noisy.get(i).label() != clean.get(i).label() ? 1 : 0;
        }
        assertThat(flipped).isPositive();
    }

    @Test
    void xorPadsAwayFromTheAxes() {
        SeedRandom replay = SeedRandom.of("7");
        double x = replay.nextDouble() * 10 - 5;
        x += x > 0 ? 0.3 : -0.3;
        double y = replay.nextDouble() * 10 - 5;
        y += y > 0 ? 0.3 : -0.3;
        List<Example> data = Datasets.xor(SeedRandom.of("7"), 500, 0);
        assertThat(data.get(0)).isEqualTo(new Example(x, y, x * y >= 0 ? 1 : -1));
        for (Example e : data) {
            assertThat(Math.abs(e.x())).isBetween(0.3, 5.3);
            assertThat(Math.abs(e.y())).isBetween(0.3, 5.3);
            assertThat(e.label()).isEqualTo(e.x() * e.y() >= 0 ? 1.0 : -1.0);
        }
    }

    @Test
    void spiralFollowsItsFormulaLeftToRight() {
        List<Example> data = Datasets.spiral(SeedRandom.of("1"), 500, 0);
        assertThat(data.get(0)).isEqualTo(new Example(0, 0, 1));
        double r = 7.0 / 250 * 5;
        double t = 1.75 * 7 / 250 * 2 * Math.PI + Math.PI;
        assertThat(data.get(250 + 7)).isEqualTo(new Example(r * StrictMath.sin(t), r * StrictMath.cos(t), -1));
        List<Example> noisy = Datasets.spiral(SeedRandom.of("1"), 500, 0.5);
        assertThat(Math.abs(noisy.get(3).x() - data.get(3).x())).isLessThanOrEqualTo(0.5).isPositive();
    }

    @Test
    void gaussClustersAndTheirSpread() {
        List<Example> data = Datasets.gauss(SeedRandom.of("2"), 500, 0.5);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 250; i++) {
            assertThat(data.get(i).label()).isEqualTo(1);
            assertThat(data.get(250 + i).label()).isEqualTo(-1);
            sum += data.get(i).x();
            sq += (data.get(i).x() - 2) * (data.get(i).x() - 2);
        }
        assertThat(sum / 250).isBetween(1.6, 2.4);
        assertThat(Math.sqrt(sq / 250)).isBetween(1.7, 2.3);    // noise 50 %: variance 4, sd 2
    }

    @Test
    void regressionLabels() {
        SeedRandom replay = SeedRandom.of("3");
        double x = replay.nextDouble() * 12 - 6;
        double y = replay.nextDouble() * 12 - 6;
        double t = (x + 0.0 + (y + 0.0) + 10) / 20;
        List<Example> plane = Datasets.regPlane(SeedRandom.of("3"), 1200, 0);
        assertThat(plane.get(0).label()).isEqualTo(-1 * (1 - t) + 1 * t);
        assertThat(plane).allSatisfy(e -> assertThat(e.label()).isBetween(-1.2, 1.2));
        List<Example> cones = Datasets.regGauss(SeedRandom.of("3"), 1200, 0);
        double[][] centres = {{-4, 2.5}, {0, 2.5}, {4, 2.5}, {-4, -2.5}, {0, -2.5}, {4, -2.5}};
        for (Example e : cones) {
            assertThat(e.label()).isBetween(-1.0, 1.0);
            double nearest = Double.MAX_VALUE;
            for (double[] c : centres) {
                nearest = Math.min(nearest, Math.hypot(e.x() - c[0], e.y() - c[1]));
            }
            if (nearest > 2) {
                assertThat(e.label()).isZero();
            }
        }
        assertThat(cones.get(0).x()).isEqualTo(plane.get(0).x());   // drawn exactly as in reg-plane
    }

    @Test
    void shuffleIsAPermutationWithOneDrawPerElement() {
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            xs.add(i);
        }
        SeedRandom rng = SeedRandom.of("4");
        Datasets.shuffle(xs, rng);
        assertThat(rng.draws()).isEqualTo(100);
        assertThat(new HashSet<>(xs)).hasSize(100);
        assertThat(xs).isNotEqualTo(new ArrayList<>(new java.util.TreeSet<>(xs)));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Datasets.generate(DatasetKind.CIRCLE, SeedRandom.of("1"), -1, 0))
                .hasMessage("Datasets: n must be >= 0, got -1");
        assertThatThrownBy(() -> DatasetKind.ofId("moons"))
                .hasMessage("DatasetKind: unknown id 'moons'; valid ids are circle, xor, gauss, spiral, reg-plane, reg-gauss");
    }
}
