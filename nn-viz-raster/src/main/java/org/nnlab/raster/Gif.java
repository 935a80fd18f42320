package org.nnlab.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.nnlab.core.Memory;

/**
 * Animated GIF (time-lapses) with {@code javax.imageio}'s writer. All frames share one 256-colour
 * palette built from the frames themselves: their exact colours when there are at most 256, else the
 * 256 most used colours at 5 bits per channel (each the mean of the pixels it stands for), every pixel
 * mapped to the nearest. Frames are handed to the writer already indexed, so it does not quantize each
 * frame itself (several times slower, and colours would flicker between frames).
 */
public final class Gif {
    private Gif() {
    }

    /** Bytes an animation needs per pixel of each frame: the frame's picture (4) and its palette index (1). */
    public static final int BYTES_PER_FRAME_PIXEL = 5;

    /**
     * Checks, before the frames are drawn, that {@code frames} frames of width x height fit the memory budget
     * while they are held and encoded.
     *
     * @throws IllegalArgumentException naming the animation, the frame count and size, and the budget
     */
    public static void requireFits(int frames, int width, int height, String what) {
        Memory.require(Memory.times((long) frames * width, (long) height * BYTES_PER_FRAME_PIXEL),
                what + " of " + frames + " frames of " + width + " x " + height);
    }

    /**
     * Writes the frames as an animated GIF, atomically.
     *
     * @param delayCentis delay per frame in 1/100 s, 1..65535
     * @param loops       how often to play: 0 = forever
     * @throws IllegalArgumentException for no frames, frames of different sizes, or delays out of range
     * @throws IOException              naming the path; no partial file is left
     */
    public static void write(Path target, List<Figure> frames, int delayCentis, int loops) throws IOException {
        AtomicFiles.write(target, encode(frames, delayCentis, loops));
    }

    /** The animated GIF's bytes; see {@link #write}. */
    public static byte[] encode(List<Figure> frames, int delayCentis, int loops) throws IOException {
        Preconditions.requireArgument(!frames.isEmpty(), "Gif: no frames");
        Preconditions.requireArgument(delayCentis >= 1 && delayCentis <= 65535, "Gif: delay must be 1..65535 (1/100 s), got %d",
                delayCentis);
        Preconditions.requireArgument(loops >= 0 && loops <= 65535, "Gif: loops must be 0 (forever)..65535, got %d", loops);
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        for (int i = 1; i < frames.size(); i++) {
            Preconditions.requireArgument(frames.get(i).width() == w && frames.get(i).height() == h,
                    "Gif: frame %d is %d x %d, frame 0 is %d x %d", i, frames.get(i).width(), frames.get(i).height(), w, h);
        }
        Palette palette = Palette.of(frames);
        IndexColorModel model = palette.model();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        Preconditions.requireState(writers.hasNext(), "Gif: this JDK has no GIF writer");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            ImageWriteParam param = writer.getDefaultWriteParam();
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
                byte[] dst = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
                palette.index(frames.get(i).pixels(), dst);
                IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), param);
                frameMetadata(meta, delayCentis, i == 0 ? loops : -1);
                writer.writeToSequence(new IIOImage(indexed, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void frameMetadata(IIOMetadata meta, int delayCentis, int loops) throws IOException {
        String format = "javax_imageio_gif_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", "0");
        if (loops >= 0) {                       // the first frame carries the NETSCAPE2.0 loop count
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, (byte) (loops & 0xff), (byte) ((loops >> 8) & 0xff)});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** The shared palette and the pixel-to-index map. */
    static final class Palette {
        private final int[] colors;
        private final int[] exactKeys;      // open addressing: colour + 1 (0 = empty), or null
        private final byte[] exactIndex;
        private final byte[] binIndex;      // per 15-bit bin, when not exact

        private Palette(int[] colors, int[] exactKeys, byte[] exactIndex, byte[] binIndex) {
            this.colors = colors;
            this.exactKeys = exactKeys;
            this.exactIndex = exactIndex;
            this.binIndex = binIndex;
        }

        static Palette of(List<Figure> frames) {
            int[] keys = new int[1024];
            byte[] index = new byte[1024];
            int[] distinct = new int[256];
            int count = 0;
            long[] binCount = new long[1 << 15];
            long[][] binSum = new long[3][1 << 15];
            boolean exact = true;
            for (Figure f : frames) {
                for (int p : f.pixels()) {
                    int rgb = p & 0xffffff;
                    int bin = bin(rgb);
                    binCount[bin]++;
                    binSum[0][bin] += (rgb >> 16) & 255;
                    binSum[1][bin] += (rgb >> 8) & 255;
                    binSum[2][bin] += rgb & 255;
                    if (exact) {
                        int slot = find(keys, rgb);
                        if (keys[slot] == 0) {
                            if (count == 256) {
                                exact = false;
                                continue;
                            }
                            keys[slot] = rgb + 1;
                            index[slot] = (byte) count;
                            distinct[count++] = rgb;
                        }
                    }
                }
            }
            if (exact) {
                return new Palette(Arrays.copyOf(distinct, Math.max(count, 2)), keys, index, null);
            }
            // the 256 most used bins, each coloured by the mean of its pixels
            Integer[] bins = new Integer[1 << 15];
            for (int b = 0; b < bins.length; b++) {
                bins[b] = b;
            }
            Arrays.sort(bins, (a, b) -> Long.compare(binCount[b], binCount[a]) != 0
                    ? Long.compare(binCount[b], binCount[a]) : Integer.compare(a, b));
            int[] colors = new int[256];
            int used = 0;
            for (int k = 0; k < 256 && binCount[bins[k]] > 0; k++) {
                int b = bins[k];
                long n = binCount[b];
                colors[used++] = (int) ((binSum[0][b] + n / 2) / n) << 16 | (int) ((binSum[1][b] + n / 2) / n) << 8
                        | (int) ((binSum[2][b] + n / 2) / n);
            }
            byte[] binIndex = new byte[1 << 15];
            for (int b = 0; b < binIndex.length; b++) {
                if (binCount[b] > 0) {
                    int rgb = (int) (binSum[0][b] / binCount[b]) << 16 | (int) (binSum[1][b] / binCount[b]) << 8
                            | (int) (binSum[2][b] / binCount[b]);
                    binIndex[b] = (byte) nearest(colors, used, rgb);
                }
            }
            return new Palette(Arrays.copyOf(colors, used), null, null, binIndex);
        }

        private static int bin(int rgb) {
            return ((rgb >> 19) & 31) << 10 | ((rgb >> 11) & 31) << 5 | ((rgb >> 3) & 31);
        }

        private static int find(int[] keys, int rgb) {
            int slot = (rgb * 0x9E3779B1) >>> 22;          // 10 bits: the table holds 1024 slots
            while (keys[slot] != 0 && keys[slot] != rgb + 1) {
                slot = (slot + 1) & 1023;
            }
            return slot;
        }

        private static int nearest(int[] colors, int n, int rgb) {
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                long dr = ((colors[i] >> 16) & 255) - ((rgb >> 16) & 255);
                long dg = ((colors[i] >> 8) & 255) - ((rgb >> 8) & 255);
                long db = (colors[i] & 255) - (rgb & 255);
                long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        void index(int[] pixels, byte[] out) {
            for (int i = 0; i < pixels.length; i++) {
                int rgb = pixels[i] & 0xffffff;
                out[i] = exactKeys != null ? exactIndex[find(exactKeys, rgb)] : binIndex[bin(rgb)];
            }
        }

        IndexColorModel model() {
            int n = colors.length;
            byte[] r = new byte[n];
            byte[] g = new byte[n];
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                r[i] = (byte) (colors[i] >> 16);
                g[i] = (byte) (colors[i] >> 8);
                b[i] = (byte) colors[i];
            }
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
            return new IndexColorModel(bits, n, r, g, b);
        }
    }
}
