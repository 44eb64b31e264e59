package org.dnw.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The names of a run folder's files and the small file operations the store needs. */
final class RunFiles {

    static final String MANIFEST = ManifestJson.FILE;
    static final String METRICS = "metrics.csv";
    static final String CONFUSION = "confusion.csv";
    static final String CLASS_METRICS = "class-metrics.csv";
    static final String PREDICTIONS = "predictions.csv";
    static final String FIRST_LAYER_NPY = "first-layer.npy";
    static final String FIRST_LAYER_PNG = "first-layer.png";
    static final String WEIGHTS_NPZ = "weights.npz";

    /** Extension of DJL's own parameter files, {@code <name>-NNNN.params}. */
    static final String PARAMS_SUFFIX = ".params";

    /** Prefix of drafts and of folders being deleted; hidden from the run list. */
    static final String DRAFT_PREFIX = ".tmp-";

    private RunFiles() {}

    /** Content written to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a new file and forces it to disk, so that the rename that publishes the run never
     * publishes a file the OS has not yet written.
     */
    static void write(Path file, Content content) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out =
                    new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Names of the {@code .params} files directly in {@code folder}, sorted. */
    static List<String> paramsFiles(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + PARAMS_SUFFIX)) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    names.add(f.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Deletes {@code folder} and everything in it; nothing when it does not exist. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(
                folder,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e)
                            throws IOException {
                        if (e instanceof NoSuchFileException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e)
                            throws IOException {
                        // another process cleaning the same abandoned folder got there first
                        if (e != null && !(e instanceof NoSuchFileException)) {
                            throw e;
                        }
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
