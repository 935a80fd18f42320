package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.nn.ModelSummary;

/** GAN Lab's default networks as a two-player summary, numbers by formula. */
class GanSummaryTest {
    @Test
    void ganLabsDefaultAsTwoSections() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults(), Rng.seeded(1));
        ModelSummary m = GanSummary.of("ganlab-default", s);
        // G 2-8-8-2: 3·8 + 9·8 + 9·2 = 114; D 2-8-8-1: 24 + 72 + 9 = 105
        assertThat(m.sections()).extracting(ModelSummary.Section::parameters).containsExactly(114L, 105L);
        assertThat(m.totalParameters()).isEqualTo(s.generator().parameterCount() + s.discriminator().parameterCount());
        String expected = """
                Model: ganlab-default   G: z 2 → x̂ 2   D: x 2 → p(real) 1
                ══════════════════════════════════════════════════════════════
                   #  Layer       Activation  Output    Params  %Params   MACs
                ──────────────────────────────────────────────────────────────
                G  generator (input z: 2)
                ├─ 1  Dense 8     relu        8             24     11.0     16
                ├─ 2  Dense 8     relu        8             72     32.9     64
                └─ 3  Dense 2     tanh        2             18      8.2     16
                      G subtotal                           114     52.1     96
                D  discriminator (input x or x̂: 2)
                ├─ 1  Dense 8     relu        8             24     11.0     16
                ├─ 2  Dense 8     relu        8             72     32.9     64
                └─ 3  Dense 1     sigmoid     1              9      4.1      8
                      D subtotal                           105     47.9     88
                ══════════════════════════════════════════════════════════════
                Params: 219 total (G 114 · D 105) · all trainable · MACs per sample: G 96, D 88
                """;
        assertThat(m.toText()).isEqualTo(expected);
    }

    @Test
    void extraHiddenLayersFoldIntoOneRow() {
        GanConfig big = GanConfig.defaults().withNetworks(4, 16, 0, 8);
        ModelSummary m = GanSummary.of("big", GanSession.create(RealData.ring(), big, Rng.seeded(2)));
        assertThat(m.sections().get(0).rows()).extracting(ModelSummary.Row::label)
                .containsExactly("Dense 16", "Dense 16 ×4", "Dense 2");
        assertThat(m.sections().get(1).rows()).extracting(ModelSummary.Row::label).containsExactly("Dense 8", "Dense 1");
    }
}
