package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run as users run it: {@code java -jar nnlab.jar ...} in a child JVM (plain, so the launcher
 * adds the Vector API itself), against every defect of issue 14 that a process shows: divergence, bad values,
 * system properties, a small heap, devices, links, signals, paths, and Java 17.
 */
class CliProcessIT {
    static final ObjectMapper JACKSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final List<String> PLAIN = List.of();

    @TempDir
    Path dir;

    private ChildCli.Result nnlab(String... args) throws Exception {
        return ChildCli.run(dir, PLAIN, 120, args);
    }

    private ChildCli.Result nnlab(List<String> jvm, String... args) throws Exception {
        return ChildCli.run(dir, jvm, 120, args);
    }

    /** Exit 1 or 2 with exactly one line on stderr and no stack trace. */
    private static void assertOneLineFailure(ChildCli.Result r, int status, String... fragments) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains(fragments).doesNotContain("\tat ", "Exception in thread");
    }

    private JsonNode json(String name) throws IOException {
        return JACKSON.readTree(dir.resolve(name).toFile());
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aPlaygroundRunThatDivergesEndsAtOnceAndSaysWhere() throws Exception {
        ChildCli.Result r = nnlab("playground", "--state",
                "seed=0.11111&problem=regression&activation=relu&learningRate=10&networkShape=4,4", "--epochs", "10",
                "--snapshots", "0,1,10", "--json", "x.json");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.millis()).isLessThan(30_000);
        JsonNode doc = json("x.json");
        assertThat(doc.get("diverged").asBoolean()).isTrue();
        int at = doc.get("divergedAt").asInt();
        assertThat(at).isBetween(1, 9);
        assertThat(doc.get("epochs").asInt()).isEqualTo(at);
        assertThat(doc.get("missingSnapshots").toString()).isEqualTo("[10]");
        assertThat(doc.get("snapshots")).hasSize(2);
        assertThat(r.out()).contains("diverged at epoch " + at);
    }

    @Test
    void csvHistoriesAgreeWithTheJsonAndABadCsvPathFailsBeforeTraining() throws Exception {
        ChildCli.Result r = nnlab("playground", "--state", "seed=0.5&dataset=xor", "--epochs", "20", "--snapshots",
                "0,10,20", "--json", "p.json", "--csv", "p.csv");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("p.csv"));
        assertThat(rows).hasSize(22).first().isEqualTo("epoch,trainLoss,testLoss");
        for (JsonNode snap : json("p.json").get("snapshots")) {
            String[] cells = rows.get(1 + snap.get("epoch").asInt()).split(",");
            assertThat(Integer.parseInt(cells[0])).isEqualTo(snap.get("epoch").asInt());
            assertThat(Double.parseDouble(cells[1])).isEqualTo(snap.get("trainLoss").asDouble());
            assertThat(Double.parseDouble(cells[2])).isEqualTo(snap.get("testLoss").asDouble());
        }
        ChildCli.Result g = nnlab("ganlab", "--dataset", "ring", "--seed", "1", "--epochs", "15", "--json", "g.json",
                "--csv", "g.csv");
        assertThat(g.status()).as(g.toString()).isZero();
        List<String> ganRows = Files.readAllLines(dir.resolve("g.csv"));
        assertThat(ganRows).hasSize(16).first().isEqualTo("epoch,dLoss,gLoss");
        JsonNode epochs = json("g.json").get("epochs");
        for (int e = 1; e <= 15; e++) {
            String[] cells = ganRows.get(e).split(",");
            assertThat(Double.parseDouble(cells[1])).isEqualTo(epochs.get(e - 1).get("dLoss").asDouble());
            assertThat(Double.parseDouble(cells[2])).isEqualTo(epochs.get(e - 1).get("gLoss").asDouble());
        }
        ChildCli.Result s = nnlab("shapeshop", "--classes", "box,line", "--model", "mlp", "--epochs", "3", "--init",
                "zeros", "--step", "0.01", "--seed", "1", "--json", "s.json", "--csv", "s.csv");
        assertThat(s.status()).as(s.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("s.csv"))).hasSize(4).first().isEqualTo("epoch,loss");
        Files.createDirectories(dir.resolve("taken"));
        long before = System.nanoTime();
        assertOneLineFailure(nnlab("playground", "--state", "seed=0.5", "--epochs", "10000000", "--json", "q.json",
                "--csv", "taken"), 1, "taken");
        assertThat((System.nanoTime() - before) / 1e9).as("refused before 10 million epochs").isLessThan(20);
        assertThat(dir.resolve("q.json")).doesNotExist();
    }

    @Test
    void ganLabAndShapeShopRunsThatDivergeAreFlagged() throws Exception {
        Files.writeString(dir.resolve("c.json"), "{\"dLR\": 1e10, \"gLR\": 1e10}");
        ChildCli.Result g = nnlab("ganlab", "--config", "c.json", "--epochs", "1000000", "--json", "g.json");
        assertThat(g.status()).as(g.toString()).isZero();
        assertThat(g.millis()).isLessThan(30_000);
        JsonNode gan = json("g.json");
        assertThat(gan.get("diverged").asBoolean()).isTrue();
        assertThat(gan.get("epochs")).hasSize(gan.get("divergedAt").asInt());
        ChildCli.Result s = nnlab("shapeshop", "--classes", "box,line", "--model", "mlp", "--epochs", "2", "--init",
                "zeros", "--step", "1e300", "--seed", "1", "--json", "s.json");
        assertThat(s.status()).as(s.toString()).isZero();
        JsonNode shapes = json("s.json");
        assertThat(shapes.get("diverged").asBoolean()).isTrue();
        assertThat(shapes.get("classes")).allSatisfy(c -> {
            assertThat(c.get("diverged").asBoolean()).isTrue();
            assertThat(c.get("steps").asInt()).isEqualTo(1);
        });
    }

    @Test
    void badValuesAreRefusedWithTheUsersOwnText() throws Exception {
        assertOneLineFailure(nnlab("playground", "--state", "seed=1&learningRate=abc", "--epochs", "5", "--json", "x.json"),
                2, "learningRate=abc", "not a number");
        for (String epochs : List.of("4294967297", "-4294967296", "2147483648")) {
            assertOneLineFailure(nnlab("ganlab", "--dataset", "ring", "--epochs", epochs, "--json", "g.json"), 2,
                    "'" + epochs + "' is not an int");
        }
        assertOneLineFailure(nnlab("ganlab", "--dataset", "ring", "--epochs", "-1", "--json", "g.json"), 2,
                "--epochs must be 0..10000000, got -1");
        assertOneLineFailure(nnlab("ganlab", "--dataset", "ring", "--epochs", "1", "--epochs", "2", "--json", "g.json"), 2,
                "should be specified only once");
        Files.writeString(dir.resolve("dup.json"), "{\"kD\":101,\"kD\":2}");
        assertOneLineFailure(nnlab("ganlab", "--config", "dup.json", "--epochs", "1", "--json", "g.json"), 2,
                "--config dup.json: JSON: duplicate key \"kD\" at line 1, column 11");
        for (String number : List.of("+2", "02", "1e999")) {
            Files.writeString(dir.resolve("n.json"), "{\"kD\":" + number + "}");
            assertOneLineFailure(nnlab("ganlab", "--config", "n.json", "--epochs", "1", "--json", "g.json"), 2,
                    "--config n.json: JSON: ", "at line 1, column 7");
        }
        assertThat(dir.resolve("g.json")).doesNotExist();
    }

    @Test
    void unknownKeysAndValuesAreWarnedOfOrRefusedWhenStrict() throws Exception {
        ChildCli.Result r = nnlab("playground", "--state", "seed=1&dataset=spirall&activation=tanhh&colour=red",
                "--epochs", "2", "--json", "x.json");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.errLines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("nnlab playground: warning: --state: "));
        assertThat(r.err()).contains("dataset=spirall is not one of [circle, xor, gauss, spiral]",
                "activation=tanhh is not one of", "unknown key 'colour'");
        assertOneLineFailure(nnlab("playground", "--strict", "--state", "seed=1&dataset=spirall", "--epochs", "2",
                "--json", "y.json"), 2, "dataset=spirall is not one of");
    }

    @Test
    void everySystemPropertyIsCheckedInOneLine() throws Exception {
        String[] run = {"playground", "--state", "seed=1", "--epochs", "1", "--json", "x.json"};
        assertOneLineFailure(nnlab(List.of("-Dnn.kernels=foo"), run), 2, "nn.kernels='foo'", "auto, scalar or vector");
        assertOneLineFailure(nnlab(List.of("-Dnn.threads=0"), run), 2, "nn.threads='0'", "from 1 to 1024");
        assertOneLineFailure(nnlab(List.of("-Dnn.threads=abc"), run), 2, "nn.threads='abc'");
        assertOneLineFailure(nnlab(List.of("-Dnn.vector.bits=100"), run), 2, "nn.vector.bits='100'", "128, 256 or 512");
    }

    @Test
    void sizesThatWouldNotFitASmallHeapAreRefusedUpFront() throws Exception {
        List<String> small = List.of("-Xmx512m");
        Files.writeString(dir.resolve("big.json"), "{\"gNeurons\": 4096}");
        assertOneLineFailure(nnlab(small, "ganlab", "--config", "big.json", "--epochs", "1", "--json", "g.json"), 2,
                "GanSession: G 2 x 4096", "this JVM allows 307 MiB", "-Xmx");
        assertOneLineFailure(nnlab(small, "playground", "--state", "seed=1&networkShape=7000,7000&xTimesY=true"
                + "&xSquared=true&ySquared=true&sinX=true&sinY=true", "--epochs", "1", "--json", "p.json"), 2,
                "networkShape [7000,7000] with 7 features", "MiB");
        assertOneLineFailure(nnlab(small, "diagram", "--model", "playground:seed=1&networkShape=1000000", "--png", "d.png"),
                2, "networkShape [1000000]");
        ChildCli.Result wide = nnlab("playground", "--state", "seed=1&networkShape=250", "--epochs", "100000",
                "--json", "c.json", "--png", "c.png");
        assertOneLineFailure(wide, 2, "a layer of 250 neurons", "at most 197 neurons");
        assertThat(wide.millis()).as("refused before training").isLessThan(10_000);
        // the JSON of a long run is streamed: 3,000 GAN epochs with every weight, under a 48 MiB heap
        ChildCli.Result streamed = nnlab(List.of("-Xmx48m"), "ganlab", "--dataset", "ring", "--epochs", "3000",
                "--json", "l.json");
        assertThat(streamed.status()).as(streamed.toString()).isZero();
        assertThat(json("l.json").get("epochs")).hasSize(3000);
    }

    @Test
    void theLibrarysLimitsHoldUnderASmallHeap() throws Exception {
        // a program of a library user's, run under -Xmx512m: every request is refused with a message, none runs out
        Files.writeString(dir.resolve("Probe.java"), """
                import org.nnlab.raster.Figure;
                import org.nnlab.raster.view.PlaygroundView;
                import org.nnlab.raster.view.GanLabView;
                import org.nnlab.playground.*;
                import org.nnlab.gan.*;
                public class Probe {
                    static void attempt(String what, Runnable r) {
                        try {
                            r.run();
                            System.out.println(what + ": ran");
                        } catch (IllegalArgumentException e) {
                            System.out.println(what + ": refused: " + e.getMessage());
                        }
                    }
                    public static void main(String[] a) {
                        attempt("blank", () -> Figure.blank(16384, 16384));
                        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("seed=1"));
                        attempt("timelapse", () -> PlaygroundView.trainTimelapse(s, new org.nnlab.raster.view.Timelapse(10_000, 1, 300, 8)));
                        GanSession g = GanSession.create(RealData.ring(), GanConfig.defaults(), org.nnlab.core.Rng.seeded(1));
                        attempt("gan timelapse", () -> GanLabView.trainTimelapse(g, new org.nnlab.raster.view.Timelapse(10_000, 1, 400, 8)));
                        attempt("small", () -> Figure.blank(100, 100));
                    }
                }
                """);
        ChildCli.Result r = ChildCli.start(dir, List.of(ChildCli.JAVA.toString(), "-Xmx512m", "-Djava.awt.headless=true",
                "-cp", ChildCli.JAR.toString(), "Probe.java"), 120);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "blank: refused: Figure: a 16384 x 16384 picture needs about 3.0 GiB; this JVM allows 307 MiB for it "
                        + "(60% of its 512 MiB heap); make it smaller or start java with a larger -Xmx",
                r.out().lines().toList().get(1), r.out().lines().toList().get(2), "small: ran");
        assertThat(r.out().lines().toList().get(1)).startsWith("timelapse: refused: PlaygroundView.trainTimelapse of 10000 frames of ");
        assertThat(r.out().lines().toList().get(2)).startsWith("gan timelapse: refused: GanLabView.trainTimelapse of 10000 frames");
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aHugeFreeformPictureIsRefusedFromItsHeader() throws Exception {
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngHeader(10_000, 10_000));
        ChildCli.Result r = nnlab(List.of("-Xmx256m"), "shapeshop", "--classes", "box,line", "--model", "mlp", "--epochs",
                "1", "--init", "zeros", "--step", "0.01", "--seed", "1", "--json", "s.json", "--freeform", "huge.png");
        assertOneLineFailure(r, 2, "huge.png is 10000 x 10000 pixels, needs 28 x 28");
        assertOneLineFailure(nnlab("shapeshop", "--classes", "box,line", "--model", "mlp", "--epochs", "1", "--init",
                "zeros", "--step", "0.01", "--seed", "1", "--json", "s.json", "--freeform", "/"), 2, "--freeform / names no file");
        Files.writeString(dir.resolve("text.png"), "not a picture");
        assertOneLineFailure(nnlab("shapeshop", "--classes", "box,line", "--model", "mlp", "--epochs", "1", "--init",
                "zeros", "--step", "0.01", "--seed", "1", "--json", "s.json", "--freeform", "text.png"), 1,
                "cannot read text.png: not a PNG, GIF, JPEG or BMP picture");
    }

    /** A PNG signature, an IHDR chunk of the given size and IEND: enough for a reader's header. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return b.array();
    }

    @Test
    void devicesAndLinksAreWrittenThroughNeverReplaced() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")) && Files.exists(Path.of("/dev/null")));
        ChildCli.Result r = nnlab("playground", "--state", "seed=1", "--epochs", "1", "--json", "/dev/null", "--png",
                "/dev/full");
        assertOneLineFailure(r, 1, "cannot write /dev/full: No space left on device");
        assertThat(Files.isRegularFile(Path.of("/dev/null"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.isRegularFile(Path.of("/dev/full"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        Path target = Files.writeString(dir.resolve("target.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("target.json"));
        assertThat(nnlab("playground", "--state", "seed=1", "--epochs", "1", "--json", "link.json").status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(JACKSON.readTree(target.toFile()).get("epochs").asInt()).isEqualTo(1);
        assertNoTemporaryFiles();
    }

    @Test
    void badOutputPathsFailBeforeAnyTraining() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        for (String[] bad : List.of(new String[] {"no/such/x.json", "folder " + dir.resolve("no/such") + " does not exist"},
                new String[] {"file/x.json", "is not a folder"}, new String[] {".", "is a directory"})) {
            ChildCli.Result r = nnlab("ganlab", "--dataset", "ring", "--epochs", "10000000", "--json", bad[0]);
            assertOneLineFailure(r, 1, "cannot write " + bad[0], bad[1]);
            assertThat(r.millis()).as("checked before training").isLessThan(10_000);
        }
        Files.writeString(dir.resolve("good.json"), "{}");
        assertOneLineFailure(nnlab("playground", "--state", "seed=1", "--epochs", "100000", "--json", "good.json",
                "--png", "./good.json"), 2, "are the same file");
        assertThat(Files.readString(dir.resolve("good.json"))).isEqualTo("{}");
        Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
        assertOneLineFailure(nnlab("ganlab", "--config", "latin1.json", "--epochs", "1", "--json", "g.json"), 1,
                "cannot read latin1.json: not valid UTF-8 (byte 2)");
        assertOneLineFailure(nnlab("ganlab", "--config", ".", "--epochs", "1", "--json", "g.json"), 1,
                "cannot read .: is a directory");
    }

    @Test
    void sigtermAndSigintDuringALargeWriteLeaveNoTemporaryFileAndTheOldFileIntact() throws Exception {
        // a background job of a shell without job control starts with SIGINT ignored, and so do its children: the
        // JVM then leaves SIGINT ignored (as any program does), so only SIGTERM can be sent there
        List<String> signals = sigintIgnored() ? List.of("TERM") : List.of("TERM", "INT");
        for (String signal : signals) {
            for (boolean relaunched : List.of(true, false)) {
                Path target = Files.writeString(dir.resolve("run.json"), "the good old file");
                List<String> command = new java.util.ArrayList<>(List.of(ChildCli.JAVA.toString()));
                if (!relaunched) {
                    command.add("--add-modules=jdk.incubator.vector");
                }
                command.addAll(List.of("-jar", ChildCli.JAR.toString(), "ganlab", "--dataset", "ring", "--epochs",
                        "10000000", "--json", "run.json"));
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (temporaries().isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(temporaries()).as("the write has started").isNotEmpty();
                    Thread.sleep(300);
                    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
                    assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("SIG%s ends it", signal).isTrue();
                    assertThat(temporaries()).as("SIG%s, relaunched %s", signal, relaunched).isEmpty();
                    assertThat(Files.readString(target)).isEqualTo("the good old file");
                } finally {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);   // never a 10-million-epoch orphan
                    p.destroyForcibly();
                }
            }
        }
    }

    /** Whether this JVM was started with SIGINT ignored (bit 2 of /proc/self/status's SigIgn mask). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".nnlab.tmp")).toList();
        }
    }

    @Test
    void oneSeedGivesTheSameFilesWhateverTheJitDoes() throws Exception {
        String[][] runs = {
            {"playground", "--state", "seed=0.12345&dataset=spiral&networkShape=8,8&xSquared=true&sinX=true",
                "--epochs", "200", "--heatmap", "--json", "OUT"},
            {"ganlab", "--dataset", "ring", "--epochs", "300", "--json", "OUT"},
            {"shapeshop", "--classes", "box,line,circle", "--model", "mlp", "--epochs", "4", "--init", "zeros", "--step",
                "0.005", "--seed", "1", "--max-steps", "200", "--json", "OUT"},
            {"shapeshop", "--classes", "box,line", "--model", "cnn", "--epochs", "2", "--init", "zeros", "--step",
                "0.005", "--seed", "1", "--max-steps", "40", "--json", "OUT"},
        };
        List<List<String>> flags = List.of(List.of(), List.of("-XX:-TieredCompilation"), List.of("-Xbatch"),
                List.of("-XX:TieredStopAtLevel=1"));
        for (String[] run : runs) {
            String first = null;
            for (List<String> jvm : flags) {
                String name = run[0] + jvm.size() + (jvm.isEmpty() ? "" : jvm.get(0).replaceAll("\\W", "")) + ".json";
                String[] args = run.clone();
                args[args.length - 1] = name;
                ChildCli.Result r = nnlab(jvm, args);
                assertThat(r.status()).as(r.toString()).isZero();
                String text = Files.readString(dir.resolve(name));
                if (first == null) {
                    first = text;
                } else {
                    assertThat(text).as("%s with %s", run[0], jvm).isEqualTo(first);
                }
            }
        }
    }

    /**
     * Every kernel gives the scalar kernels' bits at every vector width, so a file is the same whether the
     * kernels wait for the warm-up (the default), take the vector form from the first call
     * ({@code -Dnn.warmup=false}), run on 256-bit or 128-bit vectors or are the scalar kernels, apart from the
     * recorded kernels' name: Playground with heatmaps, GAN Lab, and ShapeShop's MLP and CNN.
     */
    @Test
    void theWarmUpTheKernelsAndTheWidthChangeNoBit() throws Exception {
        String[][] runs = {
            {"playground", "--state", "seed=0.12345&dataset=spiral&networkShape=8,8&sinX=true", "--epochs", "300",
                "--heatmap", "--json", "OUT"},
            {"ganlab", "--dataset", "ring", "--epochs", "300", "--json", "OUT"},
            {"shapeshop", "--classes", "box,line,circle", "--model", "mlp", "--epochs", "4", "--init", "zeros", "--step",
                "0.005", "--seed", "1", "--max-steps", "200", "--json", "OUT"},
            {"shapeshop", "--classes", "box,line", "--model", "cnn", "--epochs", "2", "--init", "zeros", "--step",
                "0.005", "--seed", "1", "--max-steps", "40", "--json", "OUT"},
        };
        List<List<String>> flags = List.of(List.of(), List.of("-Dnn.warmup=false"), List.of("-Dnn.kernels=scalar"),
                List.of("-Dnn.warmup=false", "-Dnn.vector.bits=256"), List.of("-Dnn.warmup=false", "-Dnn.vector.bits=128"));
        for (int i = 0; i < runs.length; i++) {
            String[] run = runs[i];
            String first = null;
            for (List<String> jvm : flags) {
                String name = run[0] + i + "-kernels" + String.join("", jvm).replaceAll("\\W", "") + ".json";
                String[] args = run.clone();
                args[args.length - 1] = name;
                ChildCli.Result r = nnlab(jvm, args);
                assertThat(r.status()).as(r.toString()).isZero();
                String text = Files.readString(dir.resolve(name)).replaceAll("\"kernels\":\"[^\"]*\"", "");
                if (first == null) {
                    first = text;
                } else {
                    assertThat(text).as("%s with %s", String.join(" ", run), jvm).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void runsFromTheMachinesDefaultJava17() throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(java17), "no Java 17 here");
        ChildCli.Result r = ChildCli.run(java17, dir, PLAIN, 60, "--version");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("nnlab ").contains("kernels vector");
        assertThat(r.err()).isEmpty();
        ChildCli.Result bad = ChildCli.run(java17, dir, List.of("-Xmx256m"), 60, "playground", "--epochs", "x");
        assertOneLineFailure(bad, 2, "nnlab playground:");
    }
}
