package org.dnw.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dnw.data.ImageSamples;

/** Pictures as PNG {@code data:} URIs, so that a report needs no files beside it. Stateless. */
final class Images {

    private Images() {}

    /** {@code png} (the bytes of a PNG file) as a data URI. */
    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** {@code image} encoded as PNG. */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer is installed");
            }
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; keep the signature simple for callers
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Test image {@code i}, enlarged {@code scale} times by repeating pixels (so that it stays
     * sharp in a PDF viewer that smooths images); grey for one channel, RGB for three, the first
     * channel otherwise.
     */
    static BufferedImage sample(ImageSamples s, int i, int scale) {
        int w = s.width() * scale;
        int h = s.height() * scale;
        boolean rgb = s.channels() == 3;
        BufferedImage image =
                new BufferedImage(
                        w, h, rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int colour;
                if (rgb) {
                    colour =
                            s.pixel(i, 0, y, x) << 16
                                    | s.pixel(i, 1, y, x) << 8
                                    | s.pixel(i, 2, y, x);
                } else {
                    int g = s.pixel(i, 0, y, x);
                    colour = g << 16 | g << 8 | g;
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, y * scale + dy, colour);
                    }
                }
            }
        }
        return image;
    }

    /**
     * The whole-number enlargement that brings a side of {@code side} pixels near {@code target}.
     */
    static int scaleFor(int side, int target) {
        return Math.max(1, Math.round((float) target / Math.max(1, side)));
    }
}
