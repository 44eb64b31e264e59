package org.dnw.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A built-in data set that is neither on this computer nor downloadable now. The message says which
 * files to put where, listing every place that was searched. A {@link DataFormatException}, so a
 * caller that shows data problems shows this one too.
 */
public class DataNotFoundException extends DataFormatException {

    private final transient List<Path> searched;

    /**
     * @param message the whole sentence to show, naming the files and the folders searched
     * @param searched every folder that was looked in, in search order
     */
    public DataNotFoundException(String message, List<Path> searched) {
        super(null, message);
        this.searched = List.copyOf(searched);
    }

    /** The folders looked in, in search order. */
    public List<Path> searched() {
        return searched;
    }
}
