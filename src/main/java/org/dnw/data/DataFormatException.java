package org.dnw.data;

import java.nio.file.Path;

/**
 * A data file or folder that cannot be used. The message names the file and says what is wrong in a
 * sentence, e.g. "train-images-idx3-ubyte.gz: truncated — header announces 60000 images of 28×28
 * but the file ends after 1234".
 */
public class DataFormatException extends Exception {

    private final transient Path file;

    public DataFormatException(Path file, String problem) {
        super((file == null ? "" : file.getFileName() + ": ") + problem);
        this.file = file;
    }

    public DataFormatException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : file.getFileName() + ": ") + problem, cause);
        this.file = file;
    }

    /** The file or folder at fault; may be null. */
    public Path file() {
        return file;
    }
}
