package org.dnw.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A saved run's file that is missing, unreadable or not in the expected format. The message names
 * the run folder and the file and says what is wrong in a sentence, e.g. "20260101-120000-mnist /
 * metrics.csv: line 4 has 5 values, expected 7 (the file looks truncated)".
 */
public class RunFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public RunFormatException(Path file, String problem) {
        super(describe(file) + problem);
        this.file = file;
    }

    public RunFormatException(Path file, String problem, Throwable cause) {
        super(describe(file) + problem, cause);
        this.file = file;
    }

    /** The file at fault; may be null. */
    public Path file() {
        return file;
    }

    private static String describe(Path file) {
        if (file == null || file.getFileName() == null) {
            return "";
        }
        Path parent = file.getParent();
        return (parent == null || parent.getFileName() == null
                        ? file.getFileName().toString()
                        : parent.getFileName() + "/" + file.getFileName())
                + ": ";
    }
}
