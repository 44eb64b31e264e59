package org.dnw.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a one-line progress bar per epoch. On a terminal the line is redrawn in place; otherwise
 * (logs, CI) a line is printed at most every {@code quietMillis}.
 */
final class ConsoleProgress {

    private static final int WIDTH = 28;

    private final PrintWriter out;
    private final boolean inPlace;
    private final long quietMillis;
    private long lastPrinted;
    private int epochCount;

    ConsoleProgress(PrintWriter out, boolean inPlace, long quietMillis) {
        this.out = out;
        this.inPlace = inPlace;
        this.quietMillis = quietMillis;
    }

    /** A run of {@code epochCount} epochs begins. */
    void start(int epochCount) {
        this.epochCount = epochCount;
        lastPrinted = 0;
    }

    /** Epochs of the current run, as given to {@link #start}. */
    int epochCount() {
        return epochCount;
    }

    /** Redraws the bar of {@code epoch}; throttled so printing never slows training. */
    void batch(
            int epoch,
            int epochCount,
            int batch,
            int batchCount,
            double loss,
            double accuracy,
            double samplesPerSecond,
            long elapsedMillis) {
        long now = System.currentTimeMillis();
        boolean last = batch == batchCount;
        if (!last && now - lastPrinted < (inPlace ? 100 : quietMillis)) {
            return;
        }
        lastPrinted = now;
        String line =
                bar(
                        epoch,
                        epochCount,
                        batch,
                        batchCount,
                        loss,
                        accuracy,
                        samplesPerSecond,
                        elapsedMillis);
        if (inPlace) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the epoch's line with its train and validation figures. */
    void epoch(
            int epoch,
            int epochCount,
            double trainLoss,
            double trainAccuracy,
            double validationLoss,
            double validationAccuracy,
            long durationMillis) {
        if (inPlace) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.printf(
                Locale.ROOT,
                "epoch %d/%d  train loss %.4f acc %.2f%%  validation loss %s acc %s  (%s)%n",
                epoch,
                epochCount,
                trainLoss,
                100 * trainAccuracy,
                Double.isNaN(validationLoss)
                        ? "-"
                        : String.format(Locale.ROOT, "%.4f", validationLoss),
                Double.isNaN(validationAccuracy)
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * validationAccuracy),
                duration(durationMillis));
        out.flush();
    }

    static String bar(
            int epoch,
            int epochCount,
            int batch,
            int batchCount,
            double loss,
            double accuracy,
            double samplesPerSecond,
            long elapsedMillis) {
        double share = batchCount == 0 ? 1 : (double) batch / batchCount;
        int filled = (int) Math.round(share * WIDTH);
        long leftMillis = share <= 0 ? 0 : (long) (elapsedMillis * (1 - share) / share);
        return String.format(
                Locale.ROOT,
                "epoch %d/%d [%s%s] %3.0f%%  loss %.4f  acc %.2f%%  %,.0f img/s  %s left",
                epoch,
                epochCount,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                100 * share,
                loss,
                100 * accuracy,
                samplesPerSecond,
                duration(leftMillis));
    }

    static String duration(long millis) {
        long s = Math.max(0, millis / 1000);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
