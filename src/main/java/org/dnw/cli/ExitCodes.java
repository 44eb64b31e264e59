package org.dnw.cli;

/**
 * Process exit codes of the command line; each failure kind has its own. The README's table lists
 * which mistakes give which code; {@code WorkbenchCommandExitCodesTest} runs each row ({@code
 * SlurmSweepIT} rows 7 and 8, on a real cluster).
 */
public final class ExitCodes {

    public static final int OK = 0;

    /**
     * Something unexpected failed: a bug, or a file that could not be written or read for a reason
     * outside the user's arguments (disk full, permission denied); the message says what.
     */
    public static final int ERROR = 1;

    /**
     * What the user typed cannot work: an unknown or missing option or argument, a value out of
     * range, a network or sweep file that is missing or malformed, an impossible network or one too
     * large for the memory available (the problems are listed), a run name that matches no run (or
     * several), a folder that is not a saved run, a {@code --runs-dir} or {@code --out} that is the
     * wrong kind of file.
     */
    public static final int BAD_ARGUMENTS = 2;

    /**
     * The data is missing or malformed: a data set name or path that does not exist, a data file
     * that cannot be read, images given to {@code predict} of which none can be read (or the one
     * given to {@code inspect}), a saved run whose files are missing or damaged.
     */
    public static final int DATA_NOT_FOUND = 3;

    /**
     * Training diverged: the loss became NaN or infinite, or a cross-entropy loss exploded (the
     * rule of {@code org.dnw.train.Divergence}).
     */
    public static final int DIVERGED = 4;

    /** The run was cancelled (e.g. Ctrl+C). */
    public static final int CANCELLED = 5;

    /**
     * The window could not start: the graphical toolkit found no GTK 3 library or no display. One
     * sentence says what to install; the command line works without either.
     */
    public static final int NO_WINDOW = 6;

    /**
     * A sweep was sent to a cluster that cannot be reached from here: {@code sbatch} is not on the
     * PATH.
     */
    public static final int CLUSTER_UNAVAILABLE = 7;

    /**
     * The cluster refused a submission ({@code sbatch} failed, e.g. an unknown partition); Slurm's
     * message is shown, and nothing was submitted.
     */
    public static final int SUBMISSION_REFUSED = 8;

    /**
     * The installed launcher ({@code bin/workbench}, {@code bin/workbench.bat}) found no Java, or
     * one older than 17; it says so in one sentence before any Java starts. Java never returns it.
     */
    public static final int NO_JAVA = 10;

    /** {@code train --resume} named a complete run: there is nothing to resume. */
    public static final int RUN_COMPLETE = 11;

    /**
     * {@code train --resume} named a run that is still training: its owner process is alive (on
     * this host, or its heartbeat is fresh).
     */
    public static final int RUN_STILL_TRAINING = 12;

    /**
     * {@code train --resume} named an interrupted run with nothing to resume from: no checkpoint
     * whose files are intact (it stopped during its first epoch, or every checkpoint is damaged),
     * or no {@code recipe.json} (begun by an older version).
     */
    public static final int NO_CHECKPOINT = 13;

    /** Another process took over the interrupted run first; this one resumed nothing. */
    public static final int RESUMED_ELSEWHERE = 14;

    /**
     * {@code train} was stopped by Ctrl+C or SIGTERM (Slurm's {@code scancel}, preemption): the run
     * is kept as an interrupted run, to be resumed with {@code train --resume}.
     */
    public static final int STOPPED_RESUMABLE = 15;

    private ExitCodes() {}
}
