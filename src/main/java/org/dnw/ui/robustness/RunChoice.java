package org.dnw.ui.robustness;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.dnw.store.RunSummary;

/** A saved run in the list of runs to check, with its tick box. */
public final class RunChoice {

    private final RunSummary run;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    public RunChoice(RunSummary run) {
        this.run = run;
    }

    public RunSummary run() {
        return run;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value);
    }

    /** E.g. "seed-cnn-mnist · mnist · test 98.9 %". */
    public String text() {
        String details = details();
        return details.isEmpty() ? run.runName() : run.runName() + " · " + details;
    }

    /** E.g. "mnist · seed-cnn · test 98.9 % · 5 epochs"; what is unknown is left out. */
    public String details() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (run.datasetName() != null) {
            parts.add(run.datasetName());
        }
        if (run.specName() != null && !run.specName().equals(run.runName())) {
            parts.add(run.specName());
        }
        if (!Double.isNaN(run.testAccuracy())) {
            parts.add(String.format(Locale.ROOT, "test %.1f %%", run.testAccuracy() * 100));
        }
        if (run.epochsCompleted() > 0) {
            parts.add(run.epochsCompleted() + (run.epochsCompleted() == 1 ? " epoch" : " epochs"));
        }
        return String.join(" · ", parts);
    }

    @Override
    public String toString() {
        return text();
    }
}
