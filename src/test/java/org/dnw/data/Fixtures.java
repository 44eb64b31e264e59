package org.dnw.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes small data files for the reader tests: IDX, images, archives. */
final class Fixtures {

    private Fixtures() {}

    /** IDX image bytes: magic 0x803, count, rows, cols, pixels. */
    static byte[] idxImages(int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(pixels);
        return bytes.toByteArray();
    }

    /** IDX label bytes: magic 0x801, count, labels. */
    static byte[] idxLabels(int... labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        return file;
    }

    /**
     * Writes a complete little MNIST-named IDX set into {@code folder}: {@code train} images of 4×3
     * pixels whose every pixel equals its index, labels cycling over {@code classes}; same for
     * {@code test}.
     */
    static void idxSet(Path folder, int train, int test, int classes, boolean gzip)
            throws IOException {
        String ext = gzip ? ".gz" : "";
        writeIdxPair(
                folder,
                "train-images-idx3-ubyte" + ext,
                "train-labels-idx1-ubyte" + ext,
                train,
                classes,
                gzip);
        writeIdxPair(
                folder,
                "t10k-images-idx3-ubyte" + ext,
                "t10k-labels-idx1-ubyte" + ext,
                test,
                classes,
                gzip);
    }

    static void writeIdxPair(
            Path folder, String images, String labels, int count, int classes, boolean gzip)
            throws IOException {
        byte[] pixels = new byte[count * 12];
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * 12, (i + 1) * 12, (byte) i);
            l[i] = i % classes;
        }
        byte[] img = idxImages(count, 4, 3, pixels);
        byte[] lab = idxLabels(l);
        write(folder.resolve(images), gzip ? gzip(img) : img);
        write(folder.resolve(labels), gzip ? gzip(lab) : lab);
    }

    /** A grey image whose pixel (x, y) is {@code base + x + w·y}. */
    static BufferedImage grey(int w, int h, int base) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (base + x + w * y) & 0xFF);
            }
        }
        return img;
    }

    /** An RGB image of one colour. */
    static BufferedImage rgb(int w, int h, int r, int g, int b) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    static Path png(Path file, BufferedImage image) throws IOException {
        return image(file, image, "png");
    }

    static Path image(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** Zips the files under {@code folder} (relative names, with {@code prefix} before them). */
    static Path zip(Path folder, Path zipFile, String prefix) throws IOException {
        try (OutputStream raw = Files.newOutputStream(zipFile);
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Path p : files(folder)) {
                zip.putNextEntry(
                        new ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return zipFile;
    }

    /**
     * Tars and gzips {@code folder} (folders as entries too, then files), names under {@code
     * prefix}.
     */
    static Path tarGz(Path folder, Path file, String prefix) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted().toList()) {
                    if (p.equals(folder)) {
                        continue;
                    }
                    String name = prefix + folder.relativize(p).toString().replace('\\', '/');
                    if (Files.isDirectory(p)) {
                        tar.putArchiveEntry(new TarArchiveEntry(name + "/"));
                        tar.closeArchiveEntry();
                    } else {
                        TarArchiveEntry e = new TarArchiveEntry(name);
                        byte[] data = Files.readAllBytes(p);
                        e.setSize(data.length);
                        tar.putArchiveEntry(e);
                        tar.write(data);
                        tar.closeArchiveEntry();
                    }
                }
            }
        }
        return file;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The first {@code n} bytes of {@code file}, written to {@code target}. */
    static Path truncated(Path file, Path target, int n) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return write(target, java.util.Arrays.copyOf(all, Math.min(n, all.length)));
    }
}
