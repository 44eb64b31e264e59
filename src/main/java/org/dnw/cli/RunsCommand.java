package org.dnw.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code runs}: the saved runs with their figures; damaged ones say why. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List the saved runs and their results.")
final class RunsCommand implements Callable<Integer> {

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<RunSummary> runs = runsDir.store().list();
        if (runs.isEmpty()) {
            out.println(
                    "No saved runs in "
                            + runsDir.path().toAbsolutePath()
                            + " yet — 'workbench train' makes one.");
            return ExitCodes.OK;
        }
        String row = "%-44s %-16s %-11s %11s %6s %9s %9s %8s  %s%n";
        out.printf(
                Locale.ROOT,
                row,
                "run folder",
                "data set",
                "network",
                "parameters",
                "epochs",
                "best val",
                "test",
                "time",
                "device");
        for (RunSummary r : runs) {
            if (r.isDamaged()) {
                out.printf(Locale.ROOT, "%-44s DAMAGED: %s%n", r.folderName(), r.problem());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    row,
                    r.folderName(),
                    r.datasetName(),
                    r.specName(),
                    String.format(Locale.ROOT, "%,d", r.parameterCount()),
                    String.valueOf(r.epochsCompleted()),
                    Tables.pct(r.bestValidationAccuracy()),
                    Tables.pct(r.testAccuracy()),
                    ConsoleProgress.duration(r.durationMillis()),
                    r.device() == null ? "" : r.device());
        }
        return ExitCodes.OK;
    }
}
