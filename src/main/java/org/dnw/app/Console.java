package org.dnw.app;

/**
 * The window's lines for the terminal that started it, the one place outside the command line that
 * writes to standard output and error: what a person or script reads as the result of a mode (the
 * usage text for bad arguments, why the window cannot start, the {@code --benchmark} figures, where
 * {@code --screenshot} wrote its picture). They are the output of those modes, so they keep their
 * exact text without a log prefix. Diagnostics (unexpected errors, failures) go to the log through
 * SLF4J instead.
 */
final class Console {

    private Console() {}

    /** One line of a mode's result, to standard output. */
    static void out(String line) {
        System.out.println(line);
    }

    /**
     * One line a person must read before the window exists (or instead of it), to standard error.
     */
    static void err(String line) {
        System.err.println(line);
    }
}
