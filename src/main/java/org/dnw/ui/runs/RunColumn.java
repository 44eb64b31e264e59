package org.dnw.ui.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import org.dnw.store.RunSummary;
import org.dnw.ui.common.Quantities;

/**
 * The columns of the runs table: title, how a run's value is written, and how runs sort. Unknown
 * figures (a damaged run's NaN or 0) are written "—" and sort below every known one.
 */
public enum RunColumn {
    NAME("Run", "The run's name", 170, false),
    STATE(
            "State",
            "complete; running (training now, in this or another process); interrupted (its"
                    + " process ended before it completed); damaged",
            80,
            false),
    DATASET("Data set", "What it was trained on", 84, false),
    TEST_ACCURACY("Test acc.", "Accuracy on the test split after training", 82, true),
    BEST_VALIDATION("Best val. acc.", "The best validation accuracy of any epoch", 108, true),
    EPOCHS("Epochs", "Epochs trained", 64, true),
    NETWORK("Network", "The network's (preset's) name", 100, false),
    PARAMETERS("Parameters", "Trainable parameters of the network", 92, true),
    DURATION("Duration", "Training time", 92, true),
    DEVICE("Device", "Where it trained", 124, false),
    DATE("Date", "When training began", 132, false);

    private static final DateTimeFormatter DATE_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final String title;
    private final String description;
    private final double prefWidth;
    private final boolean numeric;

    RunColumn(String title, String description, double prefWidth, boolean numeric) {
        this.title = title;
        this.description = description;
        this.prefWidth = prefWidth;
        this.numeric = numeric;
    }

    public String title() {
        return title;
    }

    /** A sentence for the header's tooltip. */
    public String description() {
        return description;
    }

    public double prefWidth() {
        return prefWidth;
    }

    /** True for figures, written right-aligned. */
    public boolean numeric() {
        return numeric;
    }

    /** The run's value as written in the table; dates in {@code zone}. */
    public String text(RunSummary r, ZoneId zone) {
        return switch (this) {
            case NAME -> r.runName();
            case DATASET -> orDash(r.datasetName());
            case NETWORK -> orDash(r.specName());
            case PARAMETERS ->
                    r.parameterCount() > 0 ? Quantities.compact(r.parameterCount()) : "—";
            case STATE -> r.status().label();
            case EPOCHS ->
                    r.isLive() && r.epochCount() > 0
                            ? r.epochsCompleted() + " / " + r.epochCount()
                            : r.epochsCompleted() > 0 ? Integer.toString(r.epochsCompleted()) : "—";
            case BEST_VALIDATION -> percent(r.bestValidationAccuracy());
            case TEST_ACCURACY -> percent(r.testAccuracy());
            case DURATION -> r.durationMillis() > 0 ? duration(r.durationMillis()) : "—";
            case DEVICE -> orDash(r.device());
            case DATE -> r.startedAt() == null ? "—" : DATE_TEXT.format(r.startedAt().atZone(zone));
        };
    }

    /** Ascending order of this column; ties keep the newest run first. */
    public Comparator<RunSummary> comparator() {
        Comparator<RunSummary> c =
                switch (this) {
                    case NAME -> text(RunSummary::runName);
                    case STATE -> Comparator.comparing(RunSummary::status);
                    case DATASET -> text(RunSummary::datasetName);
                    case NETWORK -> text(RunSummary::specName);
                    case PARAMETERS -> Comparator.comparingLong(RunSummary::parameterCount);
                    case EPOCHS -> Comparator.comparingInt(RunSummary::epochsCompleted);
                    case BEST_VALIDATION -> figure(RunSummary::bestValidationAccuracy);
                    case TEST_ACCURACY -> figure(RunSummary::testAccuracy);
                    case DURATION -> Comparator.comparingLong(RunSummary::durationMillis);
                    case DEVICE -> text(RunSummary::device);
                    case DATE ->
                            Comparator.comparing(
                                    RunSummary::startedAt,
                                    Comparator.nullsFirst(Comparator.naturalOrder()));
                };
        return c.thenComparing(RunSummary::folderName, Comparator.reverseOrder());
    }

    /** A share in [0, 1] as "98.91 %"; "—" for NaN. */
    static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.2f %%", 100 * share);
    }

    /** E.g. "45 s", "3 min 05 s", "2 h 07 min". */
    static String duration(long millis) {
        long s = Math.round(millis / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Comparator<RunSummary> text(Function<RunSummary, String> value) {
        return Comparator.comparing(value, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
    }

    private static Comparator<RunSummary> figure(
            java.util.function.ToDoubleFunction<RunSummary> value) {
        // NaN (unknown) below every figure, so that a descending sort puts the best first
        return Comparator.comparingDouble(
                r ->
                        Double.isNaN(value.applyAsDouble(r))
                                ? Double.NEGATIVE_INFINITY
                                : value.applyAsDouble(r));
    }
}
