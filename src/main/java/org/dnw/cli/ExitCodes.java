package org.dnw.cli;

/** Process exit codes of the command line; each failure kind has its own. */
public final class ExitCodes {

    public static final int OK = 0;

    /** Something unexpected failed (a bug or an I/O error); the message says what. */
    public static final int ERROR = 1;

    /** Bad arguments, or a spec that cannot work (the problem list is printed). */
    public static final int BAD_ARGUMENTS = 2;

    /** The data set or a file named on the command line was not found or is malformed. */
    public static final int DATA_NOT_FOUND = 3;

    /** The loss became NaN or infinite. */
    public static final int DIVERGED = 4;

    /** The run was cancelled (e.g. Ctrl+C). */
    public static final int CANCELLED = 5;

    /**
     * The window could not start: the graphical toolkit found no GTK 3 library or no display. One
     * sentence says what to install; the command line works without either.
     */
    public static final int NO_WINDOW = 6;

    private ExitCodes() {}
}
