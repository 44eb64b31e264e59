package org.dnw.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's entry point: {@code workbench <command> [options]}. Every command prints what
 * it does and ends with one of the {@link ExitCodes}; a user's mistake is a sentence, never a stack
 * trace (set {@code -Ddnw.debug=true} to see one).
 */
@Command(
        name = "workbench",
        mixinStandardHelpOptions = true,
        version = "Deep Network Workbench 0.1.0",
        description = "Build, train and inspect deep networks on DJL/PyTorch, without the window.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            InspectCommand.class,
            RunsCommand.class,
            BenchCommand.class,
            SweepCommand.class,
            RobustnessCommand.class,
            ReportCommand.class,
            TwoDigitsCommand.class,
            CrossValidateCommand.class,
            DiagramCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:unexpected error (a bug, or a file that cannot be written)",
            "2:bad arguments, a missing or malformed network file, an impossible network or one too large for memory (the problems are listed)",
            "3:data not found or malformed (a data set, an image, a damaged saved run)",
            "4:diverged (NaN or exploding loss)",
            "5:cancelled",
            "6:the window could not start (no GTK 3 or no display); the command line still works",
            "7:no Slurm here (sbatch is not on the PATH) for sweep --slurm",
            "8:Slurm refused the submission (its message is shown); nothing was submitted",
            "10:bin/workbench found no Java 17 or newer",
            "11:train --resume: the run is complete, there is nothing to resume",
            "12:train --resume: the run is still training in another process",
            "13:train --resume: the run has no usable checkpoint",
            "14:train --resume: another process resumed the run first",
            "15:train was stopped (Ctrl+C, SIGTERM) and can be resumed with train --resume"
        },
        footer = {
            "%nWith no command, workbench opens the window; 'workbench window --help' lists the"
                    + " window's options."
        })
public final class WorkbenchCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(
                execute(
                        args,
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; used by {@link #main} and tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new WorkbenchCommand());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler(
                (e, arguments) -> {
                    err.println(e.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
                    err.println("Try 'workbench " + commandName(e.getCommandLine()) + "--help'.");
                    return ExitCodes.BAD_ARGUMENTS;
                });
        line.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    CliFailure failure = CliFailure.of(e);
                    err.println(failure.message());
                    if (Boolean.getBoolean("dnw.debug")) {
                        e.printStackTrace(err);
                    }
                    return failure.exitCode();
                });
        return line.execute(args);
    }

    private static String commandName(CommandLine line) {
        String name = line.getCommandName();
        return "workbench".equals(name) ? "" : name + " ";
    }
}
