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
        StringBuilder out = new StringBuilder(run.runName());
        if (run.datasetName() != null) {
            out.append(" · ").append(run.datasetName());
        }
        if (!Double.isNaN(run.testAccuracy())) {
            out.append(String.format(Locale.ROOT, " · test %.1f %%", run.testAccuracy() * 100));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
