package org.dnw.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The export's one way to write: a file or a folder is made under a hidden name beside its target
 * and moved into place with one rename, so the target is whole or untouched; hidden files and
 * folders get the user's usual permissions (a temporary file's are its owner's only, and would stay
 * so after the rename); a failure is one sentence naming the folder and the system's reason.
 * Stateless.
 */
final class ExportFiles {

    /** Writes a file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private ExportFiles() {}

    /**
     * Writes {@code content} to {@code target} (replacing it) through a hidden file beside it,
     * forced to disk before the rename.
     *
     * @throws IOException with a sentence ({@link #cannotWrite}) when it cannot be written; the
     *     target is then as it was and no hidden file is left
     */
    static void writeFile(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = hidden(folder, "." + file.getFileName() + "-", ".tmp", false);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw cannotWrite(folder, e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A new, empty hidden folder in {@code parent}, named {@code prefix} and a random word. */
    static Path hiddenFolder(Path parent, String prefix) throws IOException {
        return hidden(parent, prefix, "", true);
    }

    private static Path hidden(Path parent, String prefix, String suffix, boolean folder)
            throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return folder ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    /**
     * One sentence for a place that cannot take the export, with the system's reason: "cannot write
     * into /sys (operation not permitted) — choose another folder". A sentence made here already is
     * passed through.
     */
    static IOException cannotWrite(Path folder, IOException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("cannot write into ")) {
            return e;
        }
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason().toLowerCase(Locale.ROOT);
        } else if (e instanceof FileSystemException) {
            reason = "it cannot hold new files";
        } else {
            reason = e.getMessage();
        }
        return new IOException(
                "cannot write into " + folder + " (" + reason + ") — choose another folder", e);
    }

    /**
     * Checks the nearest existing folder above {@code target}: a file there is an argument error, a
     * folder that cannot be written a sentence.
     *
     * @throws IllegalArgumentException when a file stands where a folder must be
     * @throws IOException when the folder is not writable
     */
    static void checkFoldersAbove(Path target) throws IOException {
        for (Path up = target.getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new IllegalArgumentException(
                            target + " cannot be made: " + up + " is a file, not a folder");
                }
                if (!Files.isWritable(up)) {
                    throw cannotWrite(up, new AccessDeniedException(up.toString()));
                }
                return;
            }
        }
    }

    /** Deletes {@code root} and everything in it; nothing when it is not there. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
