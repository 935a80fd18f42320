package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes never damage what is there: links, devices, failed writes, stale temporaries, long names. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSymlinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        // a dangling link creates its target, as a shell's > does
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("made.json"));
        AtomicFiles.writeString(dangling, "made");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dir.resolve("made.json"))).isEqualTo("made");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aLinkLoopIsAnErrorNamingTheTarget() throws IOException {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        assertThatThrownBy(() -> AtomicFiles.writeString(a, "x")).hasMessage("cannot write " + a
                + ": too many levels of symbolic links");
    }

    @Test
    void devicesAreWrittenDirectlyNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        AtomicFiles.writeString(devNull, "discarded");
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
        Path full = Path.of("/dev/full");
        if (Files.exists(full)) {
            assertThatThrownBy(() -> AtomicFiles.write(full, new byte[1 << 16])).isInstanceOf(IOException.class)
                    .hasMessage("cannot write /dev/full: No space left on device");
            assertThat(Files.isRegularFile(full, LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("run.json"), "the good file");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of a new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk on fire");
        })).hasMessage("cannot write " + target + ": disk on fire");
        assertThat(Files.readString(target)).isEqualTo("the good file");
        assertThat(leftovers()).isEmpty();
        assertThatThrownBy(() -> AtomicFiles.writeJson(target, w -> w.beginArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("incomplete");
        assertThat(Files.readString(target)).isEqualTo("the good file");
    }

    @Test
    void replacedFilesKeepTheirPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("script.txt"), "a");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.writeString(target, "b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-x---");
    }

    @Test
    void temporaryNamesFitTheNameLimitEvenForTheLongestLegalName() throws IOException {
        String longest = "é".repeat(120) + "x".repeat(AtomicFiles.MAX_NAME_BYTES - 240 - 4) + ".png";
        assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(AtomicFiles.MAX_NAME_BYTES);
        Path target = dir.resolve(longest);
        Path tmp = AtomicFiles.temporary(target);
        assertThat(tmp.getFileName().toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AtomicFiles.MAX_NAME_BYTES);
        AtomicFiles.writeString(target, "long");
        assertThat(Files.readString(target)).isEqualTo("long");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTemporaryLeftByAKilledProcessGoesWithTheNextWrite() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path target = dir.resolve("run.gif");
        Path stale = dir.resolve(".run.gif." + gone.pid() + "-1f.nnlab.tmp");
        Files.writeString(stale, "half a gif");
        Path other = dir.resolve(".other.gif." + gone.pid() + "-1f.nnlab.tmp");     // another target's: kept
        Files.writeString(other, "x");
        Path living = dir.resolve(".run.gif." + ProcessHandle.current().parent().orElseThrow().pid() + "-2.nnlab.tmp");
        Files.writeString(living, "a live writer's");                                  // a live process's: kept
        AtomicFiles.writeString(target, "whole");
        assertThat(stale).doesNotExist();
        assertThat(other).exists();
        assertThat(living).exists();
    }

    @Test
    void checkWritableNamesTheReasonAndCreatesNothing() throws IOException {
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.resolve("no/such/x.png"))).hasMessage(
                "cannot write " + dir.resolve("no/such/x.png") + ": folder " + dir.resolve("no/such") + " does not exist");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir)).hasMessage("cannot write " + dir + ": is a directory");
        Path file = Files.writeString(dir.resolve("f"), "");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(file.resolve("x.png"))).hasMessage(
                "cannot write " + file.resolve("x.png") + ": " + file + " is not a folder");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.resolve("y".repeat(256)))).hasMessageContaining(
                "the file name is longer than 255 bytes");
        AtomicFiles.checkWritable(dir.resolve("fine.png"));
        assertThat(dir.resolve("fine.png")).doesNotExist();
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp")).toList().stream();
    }
}
