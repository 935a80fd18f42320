package org.nnlab.raster.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.ShapeShopExperiment;
import org.nnlab.gan.GanExperiment;
import org.nnlab.gan.GanSession;
import org.nnlab.playground.PlaygroundExperiment;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.raster.ContactSheet;
import org.nnlab.raster.Figure;
import org.nnlab.sweep.Sweep;
import org.nnlab.sweep.SweepRecord;

/**
 * Pictures of a sweep's runs. A run is a pure function of its configuration and seed, so a sweep keeps no
 * sessions: the picture of a recorded run trains it again to the epoch it ended at, and draws the system's own
 * view (Playground's output map, GAN Lab's distributions, ShapeShop's result row).
 */
public final class SweepView {
    private SweepView() {
    }

    /**
     * The picture of {@code record}'s run at its end, about {@code size} pixels wide.
     *
     * @throws IllegalArgumentException if the sweep's system has no picture here
     */
    public static Figure picture(Sweep sweep, SweepRecord record, int size) {
        Map<String, String> s = record.settings();
        return switch (sweep.system()) {
            case "playground" -> {
                PlaygroundSession session = PlaygroundExperiment.session(s, record.seed());
                session.step(record.epochs());
                yield PlaygroundView.output(session, size);
            }
            case "ganlab" -> {
                GanSession session = GanExperiment.session(s, record.seed());
                session.train(record.epochs());
                yield GanLabView.distributions(session, size);
            }
            case "shapeshop" -> ShapeShopView.row(ShapeShop.run(ShapeShopExperiment.config(s, record.seed(),
                    record.epochs())), (int) record.trial() + 1, 1.0);
            default -> throw new IllegalArgumentException("SweepView: no picture for the system \"" + sweep.system()
                    + "\"; pictures exist for playground, ganlab and shapeshop");
        };
    }

    /**
     * A contact sheet of the best runs then the worst (each list as given, best first and worst first), titled
     * with what varies in the sweep, the seed and the objective.
     */
    public static Figure sheet(Sweep sweep, List<SweepRecord> best, List<SweepRecord> worst, int size) {
        List<Figure> figures = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> varying = sweep.space().varying();
        for (SweepRecord r : best) {
            figures.add(picture(sweep, r, size));
            titles.add("best " + (titles.size() + 1) + ": " + title(r, varying));
        }
        int n = 0;
        for (SweepRecord r : worst) {
            if (best.contains(r)) {
                continue;                  // a small sweep's best and worst overlap
            }
            figures.add(picture(sweep, r, size));
            titles.add("worst " + (++n) + ": " + title(r, varying));
        }
        String heading = String.format(Locale.ROOT, "%s sweep: the best and the worst runs by %s after %,d epochs",
                sweep.system(), sweep.objective().metric(), sweep.epochs());
        int columns = sweep.system().equals("shapeshop") ? 1 : Math.max(1, Math.min(4, best.size()));
        return ContactSheet.of(heading, columns, figures, titles, 11);
    }

    private static String title(SweepRecord r, List<String> varying) {
        StringBuilder sb = new StringBuilder();
        for (String k : varying) {
            sb.append(k).append('=').append(r.settings().get(k)).append(' ');
        }
        return sb + "seed " + r.seed() + ": " + String.format(Locale.ROOT, "%.4g", r.last());
    }
}
