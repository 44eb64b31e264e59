package org.dnw.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code runs}: every run in the folder with its state (complete, running, interrupted, damaged)
 * and figures; {@code --watch} redraws the table until Ctrl+C.
 */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = {
            "List the runs in the runs folder: complete, running (training now, in any process),"
                    + " interrupted (its process ended before the run completed) or damaged.",
            "With --watch, redraw the list every --interval seconds until Ctrl+C, which exits"
                    + " with 0."
        })
final class RunsCommand implements Callable<Integer> {

    private static final String ROW = "%-40s %-11s %-14s %-11s %7s %9s %9s %9s %8s  %s%n";
    private static final String CLEAR_AND_HOME = "\033[H\033[2J";

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Option(names = "--watch", description = "redraw the list in place until Ctrl+C (exit code 0)")
    boolean watch;

    @Option(
            names = "--interval",
            defaultValue = "2",
            paramLabel = "S",
            description = "seconds between redraws with --watch (default: ${DEFAULT-VALUE})")
    double intervalSeconds;

    /** Stops --watch after this many redraws; for tests, which cannot press Ctrl+C. */
    @Option(names = "--redraws", hidden = true, defaultValue = "0")
    int redraws;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(intervalSeconds >= 0.1 && intervalSeconds <= 3600)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--interval must be between 0.1 and 3600 seconds, not " + intervalSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        RunStore store = runsDir.store();
        if (!watch) {
            out.print(table(store));
            out.flush();
            return ExitCodes.OK;
        }
        return watch(store, out);
    }

    /**
     * Redraws until interrupted. Ctrl+C ends the JVM through its shutdown hooks; the hook added
     * here makes that exit status 0 (a watch ends by Ctrl+C, that is success), and is removed when
     * the watch ends any other way, whose exit status then stands.
     */
    private int watch(RunStore store, PrintWriter out) throws Exception {
        boolean terminal = System.console() != null;
        Thread exitZero =
                new Thread(
                        () -> {
                            out.println();
                            out.flush();
                            Runtime.getRuntime().halt(ExitCodes.OK);
                        },
                        "runs-watch-exit");
        Runtime.getRuntime().addShutdownHook(exitZero);
        try {
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
            for (int n = 1; redraws <= 0 || n <= redraws; n++) {
                String block = table(store);
                out.print(terminal ? CLEAR_AND_HOME : (n > 1 ? System.lineSeparator() : ""));
                out.printf(
                        Locale.ROOT,
                        "Runs in %s at %s (every %s s; Ctrl+C stops)%n",
                        store.root(),
                        LocalTime.now().format(clock),
                        intervalSeconds == Math.rint(intervalSeconds)
                                ? String.valueOf((long) intervalSeconds)
                                : String.valueOf(intervalSeconds));
                out.print(block);
                out.flush();
                if (redraws > 0 && n == redraws) {
                    break;
                }
                Thread.sleep((long) (intervalSeconds * 1000));
            }
            return ExitCodes.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(exitZero);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C arrived meanwhile: the hook exits with 0
            }
        }
    }

    /** The table of every run in {@code store}, or a sentence when there is none. */
    static String table(RunStore store) throws java.io.IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<RunSummary> runs = store.list();
        if (runs.isEmpty()) {
            out.println("No saved runs in " + store.root() + " yet — 'workbench train' makes one.");
            out.flush();
            return text.toString();
        }
        out.printf(
                Locale.ROOT,
                ROW,
                "run",
                "state",
                "data set",
                "network",
                "epochs",
                "best val",
                "test",
                "images/s",
                "time",
                "device");
        for (RunSummary r : runs) {
            if (r.isDamaged()) {
                out.printf(Locale.ROOT, "%-40s %-11s %s%n", r.folderName(), "damaged", r.problem());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    ROW,
                    r.folderName(),
                    r.status().label(),
                    r.datasetName() == null ? "" : r.datasetName(),
                    r.specName() == null ? "" : r.specName(),
                    r.isLive() && r.epochCount() > 0
                            ? r.epochsCompleted() + "/" + r.epochCount()
                            : String.valueOf(r.epochsCompleted()),
                    Tables.pct(r.bestValidationAccuracy()),
                    Tables.pct(r.testAccuracy()),
                    Double.isFinite(r.samplesPerSecond())
                            ? String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond())
                            : "",
                    ConsoleProgress.duration(r.durationMillis()),
                    r.device() == null ? "" : r.device());
        }
        out.flush();
        return text.toString();
    }
}
