package org.dnw.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.application.Application;
import org.dnw.cli.ExitCodes;
import org.dnw.cli.WorkbenchCommand;

/**
 * The main class of {@code mvn javafx:run} and of the installed {@code bin/workbench}. It is not an
 * {@link Application} itself, so that JavaFX on the class path starts without the module launcher
 * ({@code mvn javafx:run}, {@code java -cp ...}).
 *
 * <p>The first argument decides: none, {@code window}, or one of the window's own options (such as
 * {@code --screenshot}) opens the window; anything else ({@code train ...}, {@code runs}, {@code
 * --help}, {@code --version}) is the command line's.
 */
public final class Launcher {

    /** The first arguments that open the window rather than run a command. */
    static final Set<String> WINDOW_OPTIONS =
            Set.of(
                    "--screenshot",
                    "--tab",
                    "--size",
                    "--preset",
                    "--dataset",
                    "--train",
                    "--epochs",
                    "--benchmark",
                    "--sweep-on");

    private Launcher() {}

    /**
     * The window's arguments when {@code args} ask for the window, else empty (then they are the
     * command line's): no arguments, {@code window [options]}, or a first argument that is one of
     * {@link #WINDOW_OPTIONS}.
     */
    static Optional<List<String>> windowArguments(List<String> args) {
        if (args.isEmpty() || WINDOW_OPTIONS.contains(args.get(0))) {
            return Optional.of(args);
        }
        if (args.get(0).equals("window")) {
            return Optional.of(args.subList(1, args.size()));
        }
        return Optional.empty();
    }

    /**
     * On Linux without a GPU render device (no {@code /dev/dri}, e.g. a virtual machine or Xvfb),
     * OpenGL is Mesa's software rasteriser, which draws on every core and takes them from PyTorch
     * while it trains (the window then trained at 0.77 of the command line's speed on two cores).
     * JavaFX's own software pipeline draws on one thread (0.96). With a GPU, or when the user chose
     * a pipeline with {@code -Dprism.order}, nothing changes.
     */
    static void chooseRenderer() {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux
                && System.getProperty("prism.order") == null
                && !java.nio.file.Files.isDirectory(java.nio.file.Path.of("/dev/dri"))) {
            System.setProperty("prism.order", "sw");
        }
    }

    /**
     * What a user should read when the toolkit cannot start, found in {@code failure} or its
     * causes; empty when the failure is something else (then it is a bug, and its trace is shown).
     * JavaFX says "Unable to load glass GTK library." without GTK 3 and "Unable to open DISPLAY"
     * without a display.
     */
    static Optional<String> windowCannotStart(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Unable to load glass GTK library")) {
                return Optional.of(
                        "The window cannot start: the GTK 3 library is missing. On Debian/Ubuntu:"
                                + " sudo apt-get install libgtk-3-0; on Fedora: sudo dnf install"
                                + " gtk3. The command line (workbench COMMAND, or mvn -q compile"
                                + " exec:exec -Dcli=...) works without it.");
            }
            if (message.contains("Unable to open DISPLAY")) {
                return Optional.of(
                        "The window cannot start: there is no display it may use (DISPLAY is unset,"
                                + " or the X server refused the connection). Run it on a desktop,"
                                + " with ssh -X, or under xvfb-run; the command line (workbench"
                                + " COMMAND, or mvn -q compile exec:exec -Dcli=...) works without"
                                + " one.");
            }
        }
        return Optional.empty();
    }

    public static void main(String[] arguments) {
        Optional<List<String>> window = windowArguments(Arrays.asList(arguments));
        if (window.isEmpty()) {
            WorkbenchCommand.main(arguments);
            return;
        }
        List<String> windowArgs = window.get();
        if (windowArgs.contains("--help") || windowArgs.contains("-h")) {
            Console.out(WorkbenchOptions.USAGE);
            System.exit(ExitCodes.OK);
        }
        String[] args = windowArgs.toArray(String[]::new);
        try {
            WorkbenchOptions.parse(windowArgs);
        } catch (IllegalArgumentException e) {
            Console.err(e.getMessage() + "\n" + WorkbenchOptions.USAGE);
            System.exit(ExitCodes.BAD_ARGUMENTS);
        }
        chooseRenderer();
        try {
            Application.launch(WorkbenchApp.class, args);
        } catch (RuntimeException | Error e) {
            Optional<String> sentence = windowCannotStart(e);
            if (sentence.isEmpty()) {
                throw e;
            }
            Console.err(sentence.get());
            System.exit(ExitCodes.NO_WINDOW);
        }
    }
}
