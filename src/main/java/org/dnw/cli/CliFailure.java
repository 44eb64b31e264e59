package org.dnw.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.dnw.data.DataFormatException;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.Problem;
import org.dnw.spec.SpecFormatException;
import org.dnw.store.RunFormatException;

/**
 * A failure as the user reads it: one sentence and the exit code of its kind (the README's table).
 *
 * @param message what went wrong and, where possible, what to do
 * @param exitCode one of {@link ExitCodes}
 */
record CliFailure(String message, int exitCode) {

    /** Thrown by commands to end with a sentence and an exit code. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int code;

        Exit(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /**
     * Ends the command with exit 2 when {@code network} cannot work: "The network cannot work{@code
     * where}:" and one problem per line.
     *
     * @param where e.g. " on MNIST", or "" when the data does not matter
     */
    static void requireWorkable(ModelSpec network, String where) {
        NetworkAnalysis analysis = network.analyse();
        if (analysis.isValid()) {
            return;
        }
        StringBuilder problems = new StringBuilder("The network cannot work" + where + ":");
        for (Problem p : analysis.errors()) {
            problems.append("\n  ").append(p.message());
        }
        throw new Exit(ExitCodes.BAD_ARGUMENTS, problems.toString());
    }

    static CliFailure of(Throwable e) {
        if (e instanceof Exit exit) {
            return new CliFailure(exit.getMessage(), exit.code);
        }
        if (e instanceof DataFormatException) {
            return new CliFailure("Data problem: " + e.getMessage(), ExitCodes.DATA_NOT_FOUND);
        }
        if (e instanceof RunFormatException) {
            // a saved run's files are data: the folder was found but a file in it is damaged
            return new CliFailure("Saved run problem: " + e.getMessage(), ExitCodes.DATA_NOT_FOUND);
        }
        if (e instanceof SpecFormatException) {
            return new CliFailure(
                    "Network file problem: " + e.getMessage(), ExitCodes.BAD_ARGUMENTS);
        }
        if (e instanceof InvalidPathException p) {
            return new CliFailure(
                    "'" + p.getInput() + "' is not a valid path (" + p.getReason() + ")",
                    ExitCodes.BAD_ARGUMENTS);
        }
        if (e instanceof NumberFormatException n) {
            return new CliFailure(number(n), ExitCodes.BAD_ARGUMENTS);
        }
        if (e instanceof IllegalArgumentException) {
            return new CliFailure(text(e), ExitCodes.BAD_ARGUMENTS);
        }
        if (e instanceof IOException io) {
            return new CliFailure("File problem: " + file(io), ExitCodes.ERROR);
        }
        if (e instanceof InterruptedException) {
            return new CliFailure("Interrupted.", ExitCodes.CANCELLED);
        }
        if (e instanceof OutOfMemoryError) {
            return new CliFailure(
                    "Out of memory — use a smaller batch or network, or give Java more memory"
                            + " (e.g. -Dcli.heap=-Xmx8g)",
                    ExitCodes.ERROR);
        }
        return new CliFailure(
                "Unexpected error: "
                        + (jvmWording(e) ? e.getClass().getSimpleName() : text(e))
                        + " — this is a bug; run with -Ddnw.debug=true to see where",
                ExitCodes.ERROR);
    }

    /** Exceptions whose message is the JVM's wording about code, not a sentence for a user. */
    private static boolean jvmWording(Throwable e) {
        return e instanceof NullPointerException
                || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException
                || e instanceof ArithmeticException
                || e instanceof ArrayStoreException;
    }

    /** An I/O failure in a sentence: the file and the reason, never only a path. */
    static String file(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String what = f.getFile();
            if (e instanceof NoSuchFileException) {
                return what + " does not exist";
            }
            if (e instanceof AccessDeniedException) {
                return what + ": permission denied";
            }
            if (e instanceof NotDirectoryException) {
                return what + " is not a folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return what + " already exists";
            }
            String reason = f.getReason();
            return what
                    + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile())
                    + ": "
                    + (reason == null ? "cannot be used" : reason);
        }
        return text(e);
    }

    private static String number(NumberFormatException e) {
        String m = e.getMessage();
        if (m != null && m.startsWith("For input string: ")) {
            return m.substring("For input string: ".length()) + " is not a number";
        }
        return text(e);
    }

    private static String text(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getMessage();
    }
}
