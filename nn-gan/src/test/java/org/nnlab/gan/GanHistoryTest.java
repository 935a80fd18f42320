package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/** A GAN run tells a listener each epoch without changing a bit, and writes its history as CSV. */
class GanHistoryTest {
    @Test
    void trainingReportsEachEpochAndMatchesAQuietTwin() {
        GanSession told = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(5));
        GanSession quiet = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(5));
        List<Long> seen = new ArrayList<>();
        told.train(12, (done, total) -> {
            assertThat(total).isEqualTo(12);
            seen.add(done);
            assertThat(told.history()).hasSize((int) done);   // readable between two calls
        });
        quiet.train(12);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        for (int i = 0; i < 12; i++) {
            assertThat(told.history().get(i).dSteps()).isEqualTo(quiet.history().get(i).dSteps());
            assertThat(told.history().get(i).gSteps()).isEqualTo(quiet.history().get(i).gSteps());
        }
    }

    @Test
    void theHistoryCsvHoldsEachEpochsLastLosses() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(5));
        s.train(5);
        StringBuilder out = new StringBuilder();
        s.writeHistoryCsv(out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("epoch,dLoss,gLoss");
        for (int e = 1; e <= 5; e++) {
            String[] cells = lines[e].split(",");
            GanSession.EpochLosses want = s.history().get(e - 1);
            assertThat(Long.parseLong(cells[0])).isEqualTo(e);
            assertThat(Double.parseDouble(cells[1])).isEqualTo(want.dLoss());
            assertThat(Double.parseDouble(cells[2])).isEqualTo(want.gLoss());
        }
    }
}
