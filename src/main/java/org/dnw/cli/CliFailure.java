package org.dnw.cli;

import java.io.IOException;
import org.dnw.data.DataFormatException;
import org.dnw.spec.SpecFormatException;

/**
 * A failure as the user reads it: one sentence and the exit code of its kind.
 *
 * @param message what went wrong and, where possible, what to do
 * @param exitCode one of {@link ExitCodes}
 */
record CliFailure(String message, int exitCode) {

    /** Thrown by commands to end with a sentence and an exit code. */
    static final class Exit extends RuntimeException {
        final int code;

        Exit(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    static CliFailure of(Throwable e) {
        if (e instanceof Exit exit) {
            return new CliFailure(exit.getMessage(), exit.code);
        }
        if (e instanceof DataFormatException) {
            return new CliFailure("Data problem: " + e.getMessage(), ExitCodes.DATA_NOT_FOUND);
        }
        if (e instanceof SpecFormatException) {
            return new CliFailure(
                    "Network file problem: " + e.getMessage(), ExitCodes.BAD_ARGUMENTS);
        }
        if (e instanceof IllegalArgumentException) {
            return new CliFailure(e.getMessage(), ExitCodes.BAD_ARGUMENTS);
        }
        if (e instanceof IOException) {
            return new CliFailure("File problem: " + e.getMessage(), ExitCodes.ERROR);
        }
        if (e instanceof InterruptedException) {
            return new CliFailure("Interrupted.", ExitCodes.CANCELLED);
        }
        return new CliFailure(
                "Unexpected error: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + " (run with -Ddnw.debug=true for details)",
                ExitCodes.ERROR);
    }
}
