package org.dnw.ui.course;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dnw.train.EngineKind;

/**
 * The settings every course panel asks for, as the user types them: the engine, the hidden units,
 * the learning rate, the epochs and the batch size, and what is wrong with them in a sentence (the
 * panel's view-model decides). Properties belong to the FX thread.
 */
public final class CourseForm {

    private static final int MAX_BATCH_SIZE = 100_000;

    private final ObjectProperty<EngineKind> engine =
            new SimpleObjectProperty<>(this, "engine", EngineKind.SCRATCH);
    private final StringProperty unitsText;
    private final StringProperty learningRateText;
    private final StringProperty epochsText;
    private final StringProperty batchSizeText;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** The texts the fields start with; null for empty. */
    CourseForm(String units, String learningRate, String epochs, String batchSize) {
        unitsText = new SimpleStringProperty(this, "units", units);
        learningRateText = new SimpleStringProperty(this, "lr", learningRate);
        epochsText = new SimpleStringProperty(this, "epochs", epochs);
        batchSizeText = new SimpleStringProperty(this, "batch", batchSize);
    }

    /** Runs {@code validate} whenever a field of the form or one of {@code others} changes. */
    void validateOnChange(Runnable validate, Observable... others) {
        for (Observable o : others) {
            o.addListener(x -> validate.run());
        }
        for (Observable o :
                new Observable[] {engine, unitsText, learningRateText, epochsText, batchSizeText}) {
            o.addListener(x -> validate.run());
        }
    }

    /** The hidden units as typed, from 1 to {@code max}; null when they are not. */
    Integer hiddenUnits(int max) {
        return TypedNumbers.wholeNumber(unitsText.get(), 1, max);
    }

    /** The learning rate as typed; NaN when it is not a number. */
    double learningRate() {
        return TypedNumbers.number(learningRateText.get());
    }

    /** The epochs as typed, from 1 to {@code max}; null when they are not. */
    Integer epochCount(int max) {
        return TypedNumbers.wholeNumber(epochsText.get(), 1, max);
    }

    /** The batch size as typed, a whole number of at least 1; null when it is not. */
    Integer batchSize() {
        return TypedNumbers.wholeNumber(batchSizeText.get(), 1, MAX_BATCH_SIZE);
    }

    void setProblem(String sentence) {
        problem.set(sentence);
    }

    /** Who trains: the workbench's own code or PyTorch through DJL. */
    public ObjectProperty<EngineKind> engineProperty() {
        return engine;
    }

    public StringProperty unitsTextProperty() {
        return unitsText;
    }

    public StringProperty learningRateTextProperty() {
        return learningRateText;
    }

    public StringProperty epochsTextProperty() {
        return epochsText;
    }

    public StringProperty batchSizeTextProperty() {
        return batchSizeText;
    }

    /** What is wrong with the settings as typed, in a sentence; empty when they can run. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
