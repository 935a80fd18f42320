package org.nnlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text files users hand to nnlab (configurations, weights, atlases, CSV points) with messages
 * that name the file and the reason: "cannot read run.json: no such file", "...: is a directory",
 * "...: not valid UTF-8 (byte 17)", "...: larger than 256 MiB". Never {@code Input length = 1}.
 */
public final class TextFiles {
    /** Files larger than this are refused before they are read: nnlab's inputs are small. */
    public static final long MAX_BYTES = 256L << 20;

    private TextFiles() {
    }

    /**
     * The file's text, decoded strictly as UTF-8 (a byte-order mark is kept; readers decide about it).
     *
     * @throws IOException naming the file and the reason
     */
    public static String readUtf8(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + file + ": is a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);      // also ends a read of /dev/zero
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot read " + file + ": " + (e.getReason() != null ? e.getReason() : e), e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("cannot read " + file + ": larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return utf8.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new IOException("cannot read " + file + ": not valid UTF-8 (byte " + in.position() + ")", e);
        } catch (CharacterCodingException e) {
            throw new IOException("cannot read " + file + ": not valid UTF-8", e);
        }
    }
}
