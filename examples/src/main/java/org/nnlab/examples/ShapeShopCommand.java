package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Freeform;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.TrainingClass;
import org.nnlab.core.io.Json;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.view.ShapeShopView;

/**
 * {@code nnlab shapeshop --classes NAMES --model mlp|cnn --epochs N --init zeros|ones|noise|noise_blur
 * --step S --seed K --json OUT [--png OUT] [--max-steps N] [--freeform FILE.png ...]}: one ShapeShop
 * round. NAMES are ShapeShop's UI names, comma-separated (box, box_hollow, line, line_horizontal,
 * circle, circle_hollow, tri, tri_hollow, tl, br, line_tl, line_br, circle_tl, circle_br, tri_tl,
 * tri_br, noise, noise_blur); each {@code --freeform} adds a 28 x 28 picture as a class named after its
 * file. The JSON: {@code {"trainAccuracy", "validationAccuracy", "classes": [{"name", "r", "steps",
 * "reached", "probability"}]}}, r the absolute Pearson correlation (null when undefined).
 */
final class ShapeShopCommand {
    static final String USAGE = "nnlab shapeshop --classes NAMES --model mlp|cnn --epochs N "
            + "--init zeros|ones|noise|noise_blur --step S --seed K --json OUT [--png OUT] [--max-steps N] "
            + "[--freeform FILE.png ...]";

    private ShapeShopCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        String classes = null;
        String model = null;
        Integer epochs = null;
        String init = null;
        Double step = null;
        Long seed = null;
        Path json = null;
        Path png = null;
        int maxSteps = 10_000;
        List<Path> freeform = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--classes" -> classes = value(args, ++i, a);
                case "--model" -> model = value(args, ++i, a);
                case "--epochs" -> epochs = (int) integer(value(args, ++i, a), a, 1, 100_000);
                case "--init" -> init = value(args, ++i, a);
                case "--step" -> step = real(value(args, ++i, a), a);
                case "--seed" -> seed = integer(value(args, ++i, a), a, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--png" -> png = Path.of(value(args, ++i, a));
                case "--max-steps" -> maxSteps = (int) integer(value(args, ++i, a), a, 1, 10_000_000);
                case "--freeform" -> freeform.add(Path.of(value(args, ++i, a)));
                default -> throw new UsageException("shapeshop: unknown option '" + a + "'; usage: " + USAGE);
            }
        }
        if (classes == null || model == null || epochs == null || init == null || step == null || seed == null
                || json == null) {
            throw new UsageException("shapeshop: --classes, --model, --epochs, --init, --step, --seed and --json are "
                    + "required; usage: " + USAGE);
        }
        ShapeShop.Config config;
        try {
            List<TrainingClass> list = new ArrayList<>();
            for (String name : classes.split(",")) {
                if (!name.isBlank()) {
                    list.add(ShapeClass.ofName(name.strip()));
                }
            }
            for (Path p : freeform) {
                String name = p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                list.add(Freeform.fromImage(name, p));
            }
            config = new ShapeShop.Config(list, Architecture.ofName(model), epochs, InitialImage.ofName(init), step, seed,
                    maxSteps);
        } catch (IllegalArgumentException e) {
            throw new UsageException("shapeshop: " + e.getMessage());
        }
        ShapeShop.Round round = ShapeShop.run(config);
        StringBuilder doc = new StringBuilder("{\"trainAccuracy\":").append(Json.number(round.training().trainAccuracy()))
                .append(",\"validationAccuracy\":").append(Json.number(round.training().validationAccuracy()))
                .append(",\"classes\":[");
        for (int k = 0; k < round.classes().size(); k++) {
            ShapeShop.ClassResult c = round.classes().get(k);
            doc.append(k == 0 ? "" : ",").append("{\"name\":\"").append(c.name()).append("\",\"r\":")
                    .append(Json.number(c.r())).append(",\"steps\":").append(c.steps()).append(",\"reached\":")
                    .append(c.reached()).append(",\"probability\":").append(Json.number(c.probability())).append('}');
        }
        AtomicFiles.writeString(json, doc.append("]}\n").toString());
        if (png != null) {
            ShapeShopView.row(round, 1, 1.5).writePng(png);
        }
        out.println("shapeshop " + config.architecture().label() + " " + round.classes().size() + " classes, train "
                + round.training().trainAccuracy() + " -> " + json + (png != null ? ", " + png : ""));
        return 0;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException("shapeshop: " + option + " needs a value; usage: " + USAGE);
        }
        return args.get(i);
    }

    private static long integer(String v, String option, long lo, long hi) throws UsageException {
        try {
            long n = Long.parseLong(v);
            if (n >= lo && n <= hi) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("shapeshop: " + option + " must be an integer in [" + lo + ", " + hi + "], got '" + v
                + "'");
    }

    private static double real(String v, String option) throws UsageException {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("shapeshop: " + option + " must be a number > 0, got '" + v + "'");
    }
}
