package org.nnlab.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;


/**
 * A PNG encoder for opaque RGB pictures (colour type 2, 8 bits), on {@link Deflater} alone: each row is
 * filtered with "Up" (the difference to the row above, which makes smooth heatmaps and flat areas
 * compress well) and deflated at {@link Deflater#BEST_SPEED}. Files are written through {@link AtomicFiles}, so a
 * failed write leaves nothing behind.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private Png() {
    }

    /**
     * Encodes {@code rgb} (0xRRGGBB per pixel, row-major, top row first) as PNG bytes.
     *
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static byte[] encode(int width, int height, int[] rgb) {
        return encode(width, height, rgb, null);
    }

    /**
     * {@link #encode(int, int, int[])} on two threads: the lower half of the rows is filtered and deflated on
     * {@code helper} while the calling thread does the upper half (a live page's frame in about half the time when a
     * core is free). The halves are deflated independently, the upper one ending on a byte boundary (a sync flush),
     * so the bytes differ from the one-thread encoding's but decode to the same pixels, and are the same on every
     * run whichever thread finishes first. Pictures under {@value #SPLIT_ROWS} rows are encoded on the caller alone.
     *
     * @param helper runs the lower half; null encodes on the calling thread alone
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static byte[] encode(int width, int height, int[] rgb, Executor helper) {
        Preconditions.requireArgument(width >= 1 && height >= 1, "Png: width and height must be >= 1, got %d x %d", width, height);
        Preconditions.requireArgument(rgb.length == (long) width * height, "Png: pixels.length %d != %d x %d", rgb.length, width, height);
        Preconditions.requireArgument((long) height * (1 + 3L * width) <= Integer.MAX_VALUE - 64,
                "Png: %d x %d pixels do not fit one array", width, height);
        int split = helper == null || height < SPLIT_ROWS ? height : height / 2;
        CompletableFuture<Stripe> lower = split == height ? null
                : CompletableFuture.supplyAsync(() -> Stripe.of(width, rgb, split, height, true), helper);
        Stripe upper = Stripe.of(width, rgb, 0, split, split == height);
        Stripe rest = lower == null ? null : lower.join();
        Adler32 adler = new Adler32();
        adler.update(upper.raw);
        int length = 2 + upper.length + 4;
        if (rest != null) {
            adler.update(rest.raw);
            length += rest.length;
        }
        ByteBuffer out = ByteBuffer.allocate(SIGNATURE.length + 25 + 12 + length + 12);
        out.put(SIGNATURE);
        int ihdr = out.position();
        out.putInt(13).put(ascii("IHDR")).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        out.putInt(crc(out.array(), ihdr + 4, 4 + 13));
        int idat = out.position();
        out.putInt(length).put(ascii("IDAT"));
        out.put((byte) 0x78).put((byte) 0x01);                   // zlib: deflate, 32 KiB window, fastest
        out.put(upper.deflated, 0, upper.length);
        if (rest != null) {
            out.put(rest.deflated, 0, rest.length);
        }
        out.putInt((int) adler.getValue());
        out.putInt(crc(out.array(), idat + 4, 4 + length));
        int iend = out.position();
        out.putInt(0).put(ascii("IEND")).putInt(crc(out.array(), iend + 4, 4));
        return out.array();
    }

    /** Pictures with fewer rows are not worth a second thread. */
    public static final int SPLIT_ROWS = 64;

    /** Rows [from, to) filtered and deflated as raw deflate data; the last stripe ends the stream. */
    private record Stripe(byte[] raw, byte[] deflated, int length) {
        static Stripe of(int width, int[] rgb, int from, int to, boolean last) {
            byte[] raw = upFiltered(width, from, to, rgb);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
            try {
                deflater.setInput(raw);
                if (last) {
                    deflater.finish();
                }
                byte[] out = new byte[raw.length / 4 + 1024];
                int at = 0;
                while (true) {
                    if (out.length - at < 1024) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    int n = deflater.deflate(out, at, out.length - at, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                    at += n;
                    if (last ? deflater.finished() : n < out.length - (at - n) && deflater.needsInput()) {
                        return new Stripe(raw, out, at);
                    }
                }
            } finally {
                deflater.end();
            }
        }
    }

    /**
     * The scanlines, each as filter type 2 ("Up": the byte-wise difference to the row above), which on
     * these pictures deflates faster and smaller than "Sub", "Average", "Paeth" or no filter.
     */
    private static byte[] upFiltered(int width, int from, int to, int[] rgb) {
        byte[] raw = new byte[(to - from) * (1 + 3 * width)];
        int at = 0;
        for (int y = from; y < to; y++) {
            raw[at++] = 2;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int p = rgb[row + x];
                int above = y == 0 ? 0 : rgb[row - width + x];
                raw[at++] = (byte) ((p >> 16) - (above >> 16));
                raw[at++] = (byte) ((p >> 8) - (above >> 8));
                raw[at++] = (byte) (p - above);
            }
        }
        return raw;
    }

    private static byte[] ascii(String type) {
        return type.getBytes(StandardCharsets.US_ASCII);
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    /**
     * Writes the picture as a PNG file, atomically.
     *
     * @throws IOException naming the path; no partial file is left behind
     */
    public static void write(Path target, int width, int height, int[] rgb) throws IOException {
        AtomicFiles.write(target, encode(width, height, rgb));
    }
}
