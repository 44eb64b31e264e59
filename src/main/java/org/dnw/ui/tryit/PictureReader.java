package org.dnw.ui.tryit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image file (PNG, JPEG, GIF, BMP) for Try it and the Inside tab. Large photos are read
 * subsampled, so that a 24-megapixel picture costs a few megabytes. Call it off the FX thread.
 */
public final class PictureReader {

    /** Longest side kept when reading: far more than any network input needs. */
    static final int MAX_SIDE = 1024;

    /** File name endings offered in the open dialog. */
    public static final String[] EXTENSIONS = {"*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"};

    private static final Set<String> ENDINGS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private PictureReader() {}

    /** True when the file's name looks like an image this reader takes. */
    static boolean looksLikeImage(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && ENDINGS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @throws IOException with a sentence naming the file when it is missing, unreadable or not an
     *     image
     */
    public static Picture read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IOException(name + " cannot be opened: there is no such file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(
                        name + " is not an image the workbench can read (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int step =
                        Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) MAX_SIDE));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                int w = image.getWidth();
                int h = image.getHeight();
                int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
                return new Picture(name, w, h, argb);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new IOException(
                    name
                            + " could not be read as an image ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage())
                            + ")",
                    e);
        } catch (RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on some corrupt files
            throw new IOException(name + " is damaged or not an image the workbench can read", e);
        }
    }
}
