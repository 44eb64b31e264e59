package org.dnw.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary file beside it and one rename. Stateless. */
final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code content} to a hidden temporary file in {@code target}'s folder (created when
     * missing), then renames it to {@code target}, replacing an older file. A reader therefore sees
     * the old file or the whole new one, never a part; on any failure the temporary file is deleted
     * and {@code target} is left as it was.
     *
     * @return {@code target}, absolute and normalised
     * @throws IOException naming {@code target} and what went wrong
     */
    static Path write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            throw new IOException(
                    "the report cannot be written to " + file + ": it is a folder, not a file");
        }
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
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
            temp = null;
            return file;
        } catch (IOException e) {
            throw new IOException(
                    "the report could not be written to " + file + " (" + reason(e) + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a hidden .tmp file left behind does no harm and is named as such
                }
            }
        }
    }

    private static String reason(IOException e) {
        String kind =
                switch (e.getClass().getSimpleName()) {
                    case "AccessDeniedException" -> "permission denied: ";
                    case "NoSuchFileException" -> "no such folder: ";
                    case "FileAlreadyExistsException", "NotDirectoryException" ->
                            "a file is in the way: ";
                    case "FileSystemException" -> "";
                    default -> "";
                };
        return kind + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
