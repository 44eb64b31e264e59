package org.dnw.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Tells what a file or folder a user points at holds, by its content rather than its name: IDX
 * files by their magic numbers 0x00000803 (images) and 0x00000801 (labels), raw or inside gzip;
 * CIFAR-10 binary batches by their 3,073-byte records; image files by their magic bytes; archives
 * by theirs; tables by being text. {@link DatasetCatalog#open} asks it first, so that a damaged
 * data set is reported in the terms of its own format ("this folder holds MNIST-style IDX files but
 * the labels file … is missing") and not as some other format's complaint. Stateless and
 * thread-safe; reads only the first bytes of each file (and, for a gzip tar, its first entry).
 */
public final class DataFormatDetector {

    /** What a path holds, as far as the workbench reads it. */
    public enum Format {
        /** IDX image and label files (MNIST style), one pair or a train and a test pair. */
        IDX("MNIST-style IDX files"),
        /** A CIFAR-10 binary folder ({@code data_batch_1.bin} … and {@code test_batch.bin}). */
        CIFAR_BINARY_FOLDER("a CIFAR-10 binary folder"),
        /** The CIFAR-10 binary release as downloaded, {@code cifar-10-binary.tar.gz}. */
        CIFAR_BINARY_ARCHIVE("the CIFAR-10 binary archive"),
        /** A folder of class folders of images (optionally under train/ and test/). */
        IMAGE_FOLDER("an image folder"),
        /** A zip or (gzip) tar archive of an image folder. */
        IMAGE_ARCHIVE("an image-folder archive"),
        /** A delimited text table of numbers with a label column. */
        TABLE("a text table");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        /** For a person, e.g. "MNIST-style IDX files". */
        public String description() {
            return description;
        }
    }

    /**
     * The outcome of {@link #detect}.
     *
     * @param format what was found
     * @param path what to read: the path given, or the one file or subfolder inside it that holds
     *     the data (e.g. {@code cifar-10-batches-bin/} inside {@code cifar10/}); for a single IDX
     *     file or batch file, its folder
     */
    public record Detection(Format format, Path path) {}

    /** What one file's first bytes say it is. */
    enum FileKind {
        IDX_IMAGES,
        IDX_LABELS,
        CIFAR_BATCH,
        IMAGE,
        ZIP,
        TAR_GZ,
        TAR,
        GZIP_OTHER,
        TEXT,
        OTHER
    }

    private static final int IDX_IMAGE_MAGIC = 0x00000803;
    private static final int IDX_LABEL_MAGIC = 0x00000801;
    private static final int HEAD = 4096;

    private DataFormatDetector() {}

    /**
     * What {@code path} holds.
     *
     * @throws DataFormatException naming the path when it is missing, or holds nothing the
     *     workbench reads (a lone image, an unknown binary file), saying what it seems to be
     */
    public static Detection detect(Path path) throws DataFormatException {
        if (Files.isDirectory(path)) {
            return detectFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new DataFormatException(path, "not found at " + path.toAbsolutePath());
        }
        Path folder = path.toAbsolutePath().getParent();
        return switch (sniff(path)) {
            case IDX_IMAGES, IDX_LABELS -> new Detection(Format.IDX, path);
            case CIFAR_BATCH -> new Detection(Format.CIFAR_BINARY_FOLDER, folder);
            case TAR_GZ ->
                    new Detection(
                            CifarBinaryReader.isCifarArchive(path)
                                    ? Format.CIFAR_BINARY_ARCHIVE
                                    : Format.IMAGE_ARCHIVE,
                            path);
            case ZIP, TAR -> new Detection(Format.IMAGE_ARCHIVE, path);
            case TEXT -> new Detection(Format.TABLE, path);
            case IMAGE ->
                    throw new DataFormatException(
                            path,
                            "is a single image; open the folder that holds one folder of images"
                                    + " per class (e.g. cat/, dog/), or an archive of it");
            case GZIP_OTHER ->
                    throw new DataFormatException(
                            path,
                            "is gzip-compressed but holds neither IDX files nor a tar archive of"
                                    + " images or CIFAR-10 batches");
            case OTHER ->
                    throw new DataFormatException(
                            path,
                            "is none of the formats the workbench reads: IDX files, CIFAR-10"
                                    + " binary batches, an image folder or its .zip/.tar.gz, or a"
                                    + " text table");
        };
    }

    private static Detection detectFolder(Path folder) throws DataFormatException {
        Path release = folder.resolve("cifar-10-batches-bin");
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.sorted().toList()) {
                if (ReadSupport.isHidden(p.getFileName().toString())) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    folders.add(p);
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw ReadSupport.unreadable(folder, e);
        }
        boolean idx = false;
        boolean cifar = false;
        int images = 0;
        List<Path> data = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            FileKind kind = sniff(f);
            if (kind == FileKind.IDX_IMAGES || kind == FileKind.IDX_LABELS || isIdxName(name)) {
                idx = true;
            } else if (kind == FileKind.CIFAR_BATCH || isCifarBatchName(name)) {
                cifar = true;
            } else if (kind == FileKind.IMAGE) {
                images++;
            } else if (!ImageFolderLayout.isDocument(name) || kind == FileKind.TEXT) {
                // a .txt may be a readme or the table itself (seeds_dataset.txt)
                data.add(f);
            }
        }
        if (idx) {
            return new Detection(Format.IDX, folder);
        }
        if (cifar) {
            return new Detection(Format.CIFAR_BINARY_FOLDER, folder);
        }
        if (Files.isDirectory(release) && folders.size() == 1) {
            return new Detection(Format.CIFAR_BINARY_FOLDER, release);
        }
        if (folders.isEmpty() && images == 0 && data.size() == 1) {
            // e.g. the cifar10/ folder that holds just cifar10-jpg.tar.gz
            return detect(data.get(0));
        }
        return new Detection(Format.IMAGE_FOLDER, folder);
    }

    /**
     * True when {@code name} is an IDX file's conventional name, e.g. t10k-labels-idx1-ubyte.gz.
     */
    static boolean isIdxName(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*idx[13]-ubyte(\\.gz)?");
    }

    private static boolean isCifarBatchName(String name) {
        return name.equals(CifarBinaryReader.TEST_FILE)
                || name.equals(CifarBinaryReader.DJL_TRAIN_FILE)
                || CifarBinaryReader.TRAIN_FILES.contains(name);
    }

    /** What {@code file}'s first bytes say it is; OTHER when it cannot be read. */
    static FileKind sniff(Path file) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
            size = Files.size(file);
        } catch (IOException e) {
            return FileKind.OTHER;
        }
        int n = head.length;
        if (n >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
            return sniffGzip(file);
        }
        int magic = n >= 4 ? intAt(head, 0) : -1;
        if (magic == IDX_IMAGE_MAGIC) {
            return FileKind.IDX_IMAGES;
        }
        if (magic == IDX_LABEL_MAGIC) {
            return FileKind.IDX_LABELS;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
            return FileKind.ZIP;
        }
        if (isTar(head)) {
            return FileKind.TAR;
        }
        if (isImage(head)) {
            return FileKind.IMAGE;
        }
        if (isCifarBatch(file, head, size)) {
            return FileKind.CIFAR_BATCH;
        }
        return isText(head) ? FileKind.TEXT : FileKind.OTHER;
    }

    private static FileKind sniffGzip(Path file) {
        try (InputStream in =
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] head = in.readNBytes(512);
            int magic = head.length >= 4 ? intAt(head, 0) : -1;
            if (magic == IDX_IMAGE_MAGIC) {
                return FileKind.IDX_IMAGES;
            }
            if (magic == IDX_LABEL_MAGIC) {
                return FileKind.IDX_LABELS;
            }
            return isTar(head) ? FileKind.TAR_GZ : FileKind.GZIP_OTHER;
        } catch (IOException e) {
            // A gzip file too damaged to start: let the reader its name points to say so.
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                return FileKind.TAR_GZ;
            }
            return FileKind.GZIP_OTHER;
        }
    }

    private static boolean isTar(byte[] head) {
        return head.length >= 262
                && head[257] == 'u'
                && head[258] == 's'
                && head[259] == 't'
                && head[260] == 'a'
                && head[261] == 'r';
    }

    private static boolean isImage(byte[] h) {
        int n = h.length;
        return (n >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G')
                || (n >= 3
                        && (h[0] & 0xFF) == 0xFF
                        && (h[1] & 0xFF) == 0xD8
                        && (h[2] & 0xFF) == 0xFF)
                || (n >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8')
                || (n >= 2 && h[0] == 'B' && h[1] == 'M' && !isText(h));
    }

    /**
     * A whole number of 3,073-byte records whose label bytes (those in the head) are all 0–9, and
     * not text.
     */
    private static boolean isCifarBatch(Path file, byte[] head, long size) {
        if (size == 0 || size % CifarBinaryReader.RECORD_BYTES != 0 || isText(head)) {
            return false;
        }
        if ((head[0] & 0xFF) > 9) {
            return false;
        }
        // Only the first label sits in the head; read a few more records' labels.
        try (InputStream in = Files.newInputStream(file)) {
            long records = Math.min(8, size / CifarBinaryReader.RECORD_BYTES);
            for (long r = 0; r < records; r++) {
                int label = in.read();
                if (label < 0 || label > 9) {
                    return false;
                }
                in.skipNBytes(CifarBinaryReader.RECORD_BYTES - 1L);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** No NUL bytes and at most 5 % control characters other than tab, CR, LF, FF. */
    private static boolean isText(byte[] head) {
        if (head.length == 0) {
            return true;
        }
        int odd = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                odd++;
            }
        }
        return odd * 20 <= head.length;
    }

    private static int intAt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24)
                | ((b[off + 1] & 0xFF) << 16)
                | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }
}
