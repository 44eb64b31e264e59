package org.dnw.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the paths a command will write to, so that a wrong one is an argument error (2). */
final class CliPaths {

    private CliPaths() {}

    /**
     * Refuses {@code path} when it, or the nearest existing folder above it, is a file, so that it
     * cannot become (or hold) a folder.
     *
     * @param option the option that named it, e.g. {@code --runs-dir}
     * @param what what it should be, e.g. "the folder where runs are saved"
     * @throws IllegalArgumentException with a sentence naming the file in the way
     */
    static void requireFolderOrCreatable(String option, Path path, String what) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    option + " " + path + " is a file, not a folder — name " + what);
        }
        requireCreatable(option, path);
    }

    /**
     * Refuses {@code path} when the nearest existing folder above it is a file.
     *
     * @throws IllegalArgumentException with a sentence naming the file in the way
     */
    static void requireCreatable(String option, Path path) {
        for (Path up = path.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new IllegalArgumentException(
                            option
                                    + " "
                                    + path
                                    + " cannot be made: "
                                    + up
                                    + " is a file, not a folder");
                }
                return;
            }
        }
    }
}
