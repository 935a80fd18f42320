package org.nnlab.raster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.nnlab.core.Checks;

/**
 * A PNG encoder for opaque RGB pictures (colour type 2, 8 bits), on {@link Deflater} alone: each row is
 * filtered with "Sub" (the difference to the pixel on the left, which makes smooth heatmaps compress
 * well) and deflated at {@link Deflater#BEST_SPEED}. Files are written through {@link AtomicFiles}, so a
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
        byte[] raw = new byte[height * (1 + 3 * width)];
        int at = 0;
        for (int y = 0; y < height; y++) {
            raw[at++] = 1;                                        // filter type Sub
            int prevR = 0;
            int prevG = 0;
            int prevB = 0;
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                int r = (p >> 16) & 255;
                int g = (p >> 8) & 255;
                int b = p & 255;
                raw[at++] = (byte) (r - prevR);
                raw[at++] = (byte) (g - prevG);
                raw[at++] = (byte) (b - prevB);
                prevR = r;
                prevG = g;
                prevB = b;
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 4 + 64);
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * Writes the picture as a PNG file, atomically.
     *
     * @throws IOException naming the path; no partial file is left behind
     */
    public static void write(Path target, int width, int height, int[] rgb) throws IOException {
        AtomicFiles.write(target, encode(width, height, rgb));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
