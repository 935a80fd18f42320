package org.nnlab.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.nnlab.core.Checks;

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
        Checks.requireArgument(width >= 1 && height >= 1, "Png: width and height must be >= 1, got %d x %d", width, height);
        Checks.requireArgument(rgb.length == (long) width * height, "Png: pixels.length %d != %d x %d", rgb.length, width, height);
        Checks.requireArgument((long) height * (1 + 3L * width) <= Integer.MAX_VALUE - 64,
                "Png: %d x %d pixels do not fit one array", width, height);
        byte[] raw = upFiltered(width, height, rgb);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            int idat = SIGNATURE.length + 25;                     // where the IDAT chunk starts
            byte[] out = new byte[idat + 8 + raw.length / 4 + 12 + 12];
            int at = idat + 8;
            while (!deflater.finished()) {
                if (out.length - at < 24 + 1024) {                 // room for the CRC and IEND, and a useful step
                    out = Arrays.copyOf(out, out.length * 2);
                }
                at += deflater.deflate(out, at, out.length - at - 24);
            }
            System.arraycopy(SIGNATURE, 0, out, 0, SIGNATURE.length);
            ByteBuffer header = ByteBuffer.wrap(out);
            header.position(SIGNATURE.length);
            header.putInt(13).put(ascii("IHDR")).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            header.putInt(crc(out, SIGNATURE.length + 4, 4 + 13));
            int dataLength = at - idat - 8;
            header.putInt(dataLength).put(ascii("IDAT"));
            header.position(at);
            header.putInt(crc(out, idat + 4, 4 + dataLength));
            header.putInt(0).put(ascii("IEND")).putInt(crc(out, at + 8, 4));
            return Arrays.copyOf(out, header.position());
        } finally {
            deflater.end();
        }
    }

    /**
     * The scanlines, each as filter type 2 ("Up": the byte-wise difference to the row above), which on
     * these pictures deflates faster and smaller than "Sub", "Average", "Paeth" or no filter.
     */
    private static byte[] upFiltered(int width, int height, int[] rgb) {
        byte[] raw = new byte[height * (1 + 3 * width)];
        int at = 0;
        for (int y = 0; y < height; y++) {
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
