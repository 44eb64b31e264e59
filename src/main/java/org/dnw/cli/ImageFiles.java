package org.dnw.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dnw.data.DigitPreprocessor;
import org.dnw.spec.Shape;

/**
 * Image files given on the command line turned into a network's input, one way for every command.
 */
final class ImageFiles {

    private ImageFiles() {}

    /** The picture in {@code file}, or null when it is missing, a folder or not an image. */
    static BufferedImage read(Path file) {
        try {
            return Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Why {@link #read} gave null: {@code "x.png: does not exist"} and the like. */
    static String unreadable(Path file) {
        return file
                + (!Files.exists(file)
                        ? ": does not exist"
                        : Files.isDirectory(file)
                                ? ": is a folder, not an image"
                                : ": not a readable image (PNG, JPEG, BMP or GIF)");
    }

    /**
     * The picture prepared for a network taking {@code input} images of the data set {@code
     * datasetName}, as Try it prepares a drawing: values in [0, 1], channel-first.
     *
     * @return the {@code input.size()} values, or null when the picture is blank
     */
    static float[] networkInput(BufferedImage image, Shape input, String datasetName) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        return DigitPreprocessor.networkInput(argb, w, h, input, datasetName);
    }
}
