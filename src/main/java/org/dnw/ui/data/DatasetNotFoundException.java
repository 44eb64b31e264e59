package org.dnw.ui.data;

/**
 * Thrown by a {@link DatasetSource} when a data set's files are not where it looked (and cannot be
 * downloaded). The Data tab then shows the message and offers to choose the folder that holds them.
 * The message is a sentence for the user, e.g. "MNIST is not in /data/mnist: expected
 * train-images-idx3-ubyte.gz there".
 */
public class DatasetNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetNotFoundException(String message) {
        super(message);
    }

    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
