package org.dnw.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), raw or gzip-compressed: an image file (magic 0x00000803,
 * count, rows, columns, then unsigned bytes) and a label file (magic 0x00000801, count, then one
 * byte per label). Stateless.
 */
public final class IdxReader {

    private static final int IMAGE_MAGIC = 0x00000803;
    private static final int LABEL_MAGIC = 0x00000801;

    private IdxReader() {}

    /**
     * Reads an image file and its label file into grey images (1 × rows × columns).
     *
     * @param classNames names of the classes; every label must be below its size
     * @throws DataFormatException naming the file when a magic number, count, size or label is
     *     wrong, or the file is truncated or unreadable
     */
    public static ImageSamples read(Path images, Path labels, List<String> classNames)
            throws DataFormatException {
        int[] labelValues = readLabels(labels);
        byte[] pixels;
        int rows;
        int cols;
        try (DataInputStream in = open(images)) {
            int magic = readHeaderInt(in, images);
            if (magic != IMAGE_MAGIC) {
                throw new DataFormatException(
                        images,
                        String.format(
                                "not an IDX image file (magic number 0x%08X, expected 0x%08X)",
                                magic, IMAGE_MAGIC));
            }
            int count = readHeaderInt(in, images);
            rows = readHeaderInt(in, images);
            cols = readHeaderInt(in, images);
            if (count < 0
                    || rows <= 0
                    || cols <= 0
                    || (long) count * rows * cols > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(
                        images, "impossible header: " + count + " images of " + rows + "×" + cols);
            }
            if (count != labelValues.length) {
                throw new DataFormatException(
                        images,
                        "holds "
                                + count
                                + " images but "
                                + labels.getFileName()
                                + " holds "
                                + labelValues.length
                                + " labels");
            }
            pixels = new byte[count * rows * cols];
            int read = in.readNBytes(pixels, 0, pixels.length);
            if (read < pixels.length) {
                throw new DataFormatException(
                        images,
                        "truncated — the header announces "
                                + count
                                + " images of "
                                + rows
                                + "×"
                                + cols
                                + " but the file ends after "
                                + read / (rows * cols)
                                + " of them");
            }
        } catch (IOException e) {
            throw new DataFormatException(images, "cannot be read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] >= classNames.size()) {
                throw new DataFormatException(
                        labels,
                        "label "
                                + labelValues[i]
                                + " at position "
                                + i
                                + " is outside the "
                                + classNames.size()
                                + " classes");
            }
        }
        return new ImageSamples(1, rows, cols, pixels, labelValues, classNames);
    }

    /** Reads a label file; each label is an unsigned byte. */
    public static int[] readLabels(Path labels) throws DataFormatException {
        try (DataInputStream in = open(labels)) {
            int magic = readHeaderInt(in, labels);
            if (magic != LABEL_MAGIC) {
                throw new DataFormatException(
                        labels,
                        String.format(
                                "not an IDX label file (magic number 0x%08X, expected 0x%08X)",
                                magic, LABEL_MAGIC));
            }
            int count = readHeaderInt(in, labels);
            if (count < 0) {
                throw new DataFormatException(labels, "impossible label count " + count);
            }
            byte[] raw = in.readNBytes(count);
            if (raw.length < count) {
                throw new DataFormatException(
                        labels,
                        "truncated — the header announces "
                                + count
                                + " labels but the file holds "
                                + raw.length);
            }
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = raw[i] & 0xFF;
            }
            return out;
        } catch (IOException e) {
            throw new DataFormatException(labels, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static int readHeaderInt(DataInputStream in, Path file)
            throws IOException, DataFormatException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(file, "truncated — the file ends inside its header", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException, DataFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "not found at " + file.toAbsolutePath());
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                raw = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw new DataFormatException(
                        file, "is not a valid gzip file (" + e.getMessage() + ")", e);
            }
        }
        return new DataInputStream(raw);
    }
}
