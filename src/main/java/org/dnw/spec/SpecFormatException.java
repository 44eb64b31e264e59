package org.dnw.spec;

/** A spec file that cannot be read or parsed; the message names the file and the reason. */
public class SpecFormatException extends Exception {

    public SpecFormatException(String message) {
        super(message);
    }

    public SpecFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
