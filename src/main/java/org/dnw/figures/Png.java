package org.dnw.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writing pictures as PNG. Stateless. */
public final class Png {

    private Png() {}

    /** Writes {@code image} to {@code out} as a PNG; does not close {@code out}. */
    public static void write(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /**
     * Writes {@code image} as a PNG into a temporary file beside {@code file}, then renames it over
     * {@code file}, so that no reader ever sees half a picture; the temporary file is removed when
     * anything fails.
     */
    public static void write(BufferedImage image, Path file) throws IOException {
        replace(file, out -> write(image, out));
    }

    /** What is written into a file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} into a temporary file beside {@code file}, then renames it over {@code
     * file}; the temporary file is removed when anything fails. Used for every picture file.
     */
    static void replace(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
