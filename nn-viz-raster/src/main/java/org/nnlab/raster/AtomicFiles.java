package org.nnlab.raster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nnlab.core.io.JsonWriter;

/**
 * Writes that never damage what is there: a failed or interrupted write leaves the old file as it was.
 * Used for every picture and report nnlab writes.
 *
 * <ul>
 *   <li>A regular file (or a new one) is written to a temporary file beside it, flushed to disk, and moved
 *       over the target in one step (atomic where the file system allows it). A replaced file keeps its
 *       permissions; a new one gets the umask's.</li>
 *   <li>A symbolic link is followed: its final target is written, and the link stays a link.</li>
 *   <li>Anything else that exists and is not a regular file or a folder ({@code /dev/null}, {@code /dev/full},
 *       a named pipe) is written directly, as a shell's {@code >} would; it is never replaced.</li>
 *   <li>Temporary files are named {@code .<name>.<pid>-<n>.nnlab.tmp} (the name is shortened so that it never
 *       exceeds the 255-byte limit of a file name). SIGINT and SIGTERM remove them (a shutdown hook);
 *       one left by SIGKILL or a power cut is removed by the next write of the same target, once the
 *       process named in it is gone.</li>
 * </ul>
 * Failures are {@link IOException}s whose message names the target and the reason ("folder out does not
 * exist", "permission denied", "is a directory", "No space left on device").
 */
public final class AtomicFiles {
    /** Longest file name, in UTF-8 bytes, on the usual file systems (ext4, XFS, APFS, NTFS in UTF-16 units). */
    static final int MAX_NAME_BYTES = 255;
    private static final String SUFFIX = ".nnlab.tmp";
    private static final Pattern TEMP = Pattern.compile("\\.(.*)\\.(\\d+)-[0-9a-f]+\\.nnlab\\.tmp");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {
    }

    /** Writes bytes into an open stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Body {
        /** Writes the whole content. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code bytes} to {@code target}.
     *
     * @throws IOException naming the target and the reason; the old file is unchanged
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target}, as {@link #write(Path, byte[])}. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams a JSON document to {@code target} (UTF-8, a final newline), as {@link #write(Path, Body)}: the
     * document is never held whole in memory.
     *
     * @throws IOException naming the target and the reason
     */
    public static void writeJson(Path target, Consumer<JsonWriter> body) throws IOException {
        writeText(target, w -> {
            JsonWriter json = JsonWriter.to(w);
            body.accept(json);
            json.finish();
            try {
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Streams text to {@code target} as UTF-8, as {@link #write(Path, Body)}: for CSV histories
     * ({@code AtomicFiles.writeText(path, session::writeHistoryCsv)}), never held whole in memory.
     *
     * @throws IOException naming the target and the reason; the old file is unchanged
     */
    public static void writeText(Path target, Consumer<Writer> body) throws IOException {
        write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                body.accept(w);
                w.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /**
     * Streams {@code body} to {@code target}, as described in the class comment.
     *
     * @throws IOException naming the target and the reason; the old file is unchanged
     */
    public static void write(Path target, Body body) throws IOException {
        Path dest = followLinks(target);
        if (Files.isDirectory(dest)) {
            throw new IOException("cannot write " + target + ": is a directory");
        }
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(dest, LinkOption.NOFOLLOW_LINKS)) {
            // a device or a pipe: write it as it is; replacing it by a regular file would break the system
            try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            } catch (IOException e) {
                throw failure(target, dest, e);
            }
            return;
        }
        Path tmp = temporary(dest);
        removeStale(dest);
        Temporaries.ACTIVE.add(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                body.writeTo(out);
                out.flush();
                ch.force(true);                   // the bytes are on disk before the name points at them
            }
            keepPermissions(dest, tmp);
            try {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            IOException f = e instanceof IOException io ? failure(target, dest, io)
                    : new IOException("cannot write " + target + ": " + e, e);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                f.addSuppressed(cleanup);           // the folder itself is unusable: nothing was written there
            }
            throw f;
        } finally {
            Temporaries.ACTIVE.remove(tmp);
        }
    }

    /**
     * Checks, without creating anything, that {@code target} can be written: its folder exists and is
     * writable, it is not a folder, and its name fits the file system. Commands call this for every output
     * before the work starts, so that a bad path fails in a second, not after the training.
     *
     * @throws IOException naming the target and the reason
     */
    public static void checkWritable(Path target) throws IOException {
        Path dest = followLinks(target);
        Path name = dest.getFileName();
        if (name == null || Files.isDirectory(dest)) {
            throw new IOException("cannot write " + target + ": is a directory");
        }
        if (name.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IOException("cannot write " + target + ": the file name is longer than " + MAX_NAME_BYTES + " bytes");
        }
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isWritable(dest)) {
                throw new IOException("cannot write " + target + ": permission denied");
            }
            if (!Files.isRegularFile(dest, LinkOption.NOFOLLOW_LINKS)) {
                return;                               // a device or a pipe, written directly
            }
        }
        Path folder = dest.toAbsolutePath().getParent();
        if (!Files.exists(folder)) {
            throw new IOException("cannot write " + target + ": folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": " + folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("cannot write " + target + ": folder " + folder + " is not writable");
        }
    }

    /**
     * The file a write of {@code target} ends in: symbolic links followed to their final target, which need
     * not exist yet (a dangling link is written through, as {@code >} would).
     *
     * @throws IOException if the links form a loop or nest deeper than 40
     */
    public static Path followLinks(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException("cannot write " + target + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent() == null ? link : p.getParent().resolve(link);
        }
        return p;
    }

    /** {@code .<name>.<pid>-<n>.nnlab.tmp} beside {@code dest}, the name cut to fit {@link #MAX_NAME_BYTES}. */
    static Path temporary(Path dest) {
        String tail = "." + PID + "-" + Long.toHexString(COUNTER.incrementAndGet()) + SUFFIX;
        String name = dest.getFileName().toString();
        int budget = MAX_NAME_BYTES - 1 - tail.length();
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return dest.resolveSibling("." + kept + tail);
    }

    /** Removes temporary files of {@code dest} whose process is gone (killed during a write). */
    private static void removeStale(Path dest) {
        String name = dest.getFileName().toString();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dest.getParent(), ".*" + SUFFIX)) {
            for (Path t : temps) {
                Matcher m = TEMP.matcher(t.getFileName().toString());
                if (!m.matches() || !ofTarget(m.group(1), name)) {
                    continue;
                }
                long pid = Long.parseLong(m.group(2));
                boolean alive = pid == PID ? Temporaries.ACTIVE.contains(t)
                        : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale temporary file never stops a write
        }
    }

    /** Whether a temporary file's kept name belongs to {@code name}: the whole name, or a cut long one. */
    private static boolean ofTarget(String kept, String name) {
        return kept.equals(name) || !kept.isEmpty() && name.startsWith(kept)
                && kept.getBytes(StandardCharsets.UTF_8).length >= MAX_NAME_BYTES - 64;
    }

    private static void keepPermissions(Path dest, Path tmp) {
        try {
            PosixFileAttributeView old = Files.getFileAttributeView(dest, PosixFileAttributeView.class);
            if (old != null && Files.exists(dest)) {
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(old.readAttributes().permissions());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the new file keeps the umask's permissions
        }
    }

    private static IOException failure(Path target, Path dest, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            Path folder = dest.toAbsolutePath().getParent();
            reason = folder != null && !Files.isDirectory(folder) ? "folder " + folder + " does not exist" : "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.toString();
        }
        return new IOException("cannot write " + target + ": " + reason, e);
    }

    /** Temporary files being written now; a shutdown hook (SIGINT, SIGTERM, System.exit) removes them. */
    private static final class Temporaries {
        static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : ACTIVE) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // exiting anyway
                    }
                }
            }, "nnlab-temporary-files"));
        }
    }
}
