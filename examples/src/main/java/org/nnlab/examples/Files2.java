package org.nnlab.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes that leave either the whole new file or nothing: a temporary file beside the target, then a move. */
final class Files2 {
    private Files2() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target}.
     *
     * @throws IOException naming the path, with nothing left behind
     */
    static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
