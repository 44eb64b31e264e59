package org.dnw.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one encoded image (PNG, JPEG, BMP, GIF: whatever ImageIO reads) into unsigned-byte planes
 * at once, so no BufferedImage outlives the call. Thread-safe: every call uses its own ImageIO
 * reader, held in memory (no temporary files).
 */
final class ImageDecoder {

    /** Images with more pixels than this are refused before they are decoded. */
    static final long MAX_PIXELS = 4096L * 4096L;

    private ImageDecoder() {}

    /**
     * One decoded image.
     *
     * @param grey true when the image has one channel, or three equal ones
     * @param planes {@code H·W} bytes when grey, else {@code 3·H·W} (R plane, G plane, B plane)
     */
    record Decoded(int width, int height, boolean grey, byte[] planes) {}

    /**
     * Why bytes are not a usable image, as the end of a sentence that starts with the file name.
     */
    static final class NotAnImage extends Exception {
        NotAnImage(String problem) {
            super(problem, null, false, false);
        }
    }

    /**
     * Readers by format, one set per thread: finding a reader through the service registry costs as
     * much as decoding a small JPEG, so each thread keeps the ones it found.
     */
    private static final ThreadLocal<Map<String, ImageReader>> READERS =
            ThreadLocal.withInitial(HashMap::new);

    static Decoded decode(byte[] data) throws NotAnImage {
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            String format = sniff(data);
            ImageReader reader = format == null ? null : READERS.get().get(format);
            boolean shared = reader != null;
            if (reader == null) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new NotAnImage("is not an image (PNG, JPEG, BMP or GIF)");
                }
                reader = readers.next();
                if (format != null) {
                    READERS.get().put(format, reader);
                    shared = true;
                }
            }
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw new NotAnImage(
                            "is "
                                    + width
                                    + "×"
                                    + height
                                    + " pixels, too large for a training image");
                }
                BufferedImage image = reader.read(0);
                return toPlanes(image);
            } catch (IOException | RuntimeException e) {
                if (shared) {
                    // A reader that failed may be left in a bad state: do not reuse it.
                    READERS.get().remove(format);
                    reader.dispose();
                }
                throw e;
            } finally {
                if (shared) {
                    reader.setInput(null);
                } else {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Decoders throw IllegalArgumentException, ArrayIndexOutOfBounds, NullPointer… on
            // damaged data.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new NotAnImage("is a damaged image and cannot be decoded (" + message + ")");
        }
    }

    /** The format the first bytes announce, for the common four; null for anything else. */
    private static String sniff(byte[] d) {
        if (d.length >= 3
                && (d[0] & 0xFF) == 0xFF
                && (d[1] & 0xFF) == 0xD8
                && (d[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "png";
        }
        if (d.length >= 4 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
            return "gif";
        }
        if (d.length >= 2 && d[0] == 'B' && d[1] == 'M') {
            return "bmp";
        }
        return null;
    }

    private static Decoded toPlanes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        ColorModel model = image.getColorModel();
        if (model.getNumColorComponents() == 1 && !(model instanceof IndexColorModel)) {
            // Raw samples: getRGB would push linear grey through an sRGB conversion and change
            // values.
            Raster raster = image.getRaster();
            int bits = model.getComponentSize(0);
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            byte[] out = new byte[n];
            int max = (1 << bits) - 1;
            for (int i = 0; i < n; i++) {
                int s = samples[i];
                int v = bits == 8 ? s : bits > 8 ? s >>> (bits - 8) : (s * 255 + max / 2) / max;
                out[i] = (byte) v;
            }
            return new Decoded(w, h, true, out);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[3 * n];
        boolean grey = true;
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            grey &= r == g && g == b;
            out[i] = (byte) r;
            out[n + i] = (byte) g;
            out[2 * n + i] = (byte) b;
        }
        if (grey) {
            byte[] one = new byte[n];
            System.arraycopy(out, 0, one, 0, n);
            return new Decoded(w, h, true, one);
        }
        return new Decoded(w, h, false, out);
    }
}
