package org.dnw.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Data tab's label-column choice for a table opened by path, on the real catalog and table
 * reader (tables written to a temporary folder), with same-thread executors.
 */
class LabelColumnChoiceTest {

    @TempDir Path dir;

    private DataViewModel model() {
        return new DataViewModel(
                new CatalogDatasetPort(), new FakeDialogService(), Runnable::run, Runnable::run);
    }

    /** 30 rows: a class 1–3, a 0/1 flag, a fractional measurement (last). */
    private Path table(String name, boolean header) throws Exception {
        StringBuilder b = new StringBuilder(header ? "species,flag,length\n" : "");
        for (int r = 0; r < 30; r++) {
            b.append(1 + r % 3).append(',').append(r % 2).append(',').append(2 + r * 0.37);
            b.append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void theGuessFromTheHeaderIsShownAndAnotherColumnCanBeChosen() throws Exception {
        DataViewModel model = model();
        model.open(table("plants.csv", true));

        assertThat(model.labelColumnChoices()).containsExactly("species", "flag", "length");
        assertThat(model.labelColumnIndexProperty().get()).isZero();
        assertThat(model.labelColumnNoteProperty().get())
                .isEqualTo("guessed: the header names it \"species\"");
        assertThat(model.getLoaded().classNames()).containsExactly("1", "2", "3");

        model.chooseLabelColumn(1);

        assertThat(model.failureProperty().get().shown()).isFalse();
        assertThat(model.getLoaded().classNames()).containsExactly("0", "1");
        assertThat(model.getLoaded().featureNames()).containsExactly("species", "length");
        assertThat(model.labelColumnIndexProperty().get()).isEqualTo(1);
        assertThat(model.labelColumnNoteProperty().get()).isEqualTo("chosen");
        assertThat(model.getLoaded().dataOrigin().labelColumn()).isEqualTo("flag");
    }

    @Test
    void aRefusedGuessStillOffersTheColumnsToChooseFrom() throws Exception {
        DataViewModel model = model();
        model.open(table("nohead.csv", false));

        assertThat(model.getLoaded()).isNull();
        assertThat(model.failureProperty().get().error())
                .contains("the label column was guessed: the last column (column 3)")
                .contains("Column 2 holds 2 distinct");
        assertThat(model.labelColumnChoices()).containsExactly("column 1", "column 2", "column 3");
        assertThat(model.labelColumnNoteProperty().get()).isEqualTo("choose the label column");

        model.chooseLabelColumn(0);

        assertThat(model.failureProperty().get().shown()).isFalse();
        assertThat(model.getLoaded().classNames()).containsExactly("1", "2", "3");
    }

    @Test
    void imagesAndBuiltInSetsOfferNoLabelColumn() throws Exception {
        DataViewModel model = model();
        model.open(table("plants.csv", true));
        assertThat(model.labelColumnChoices()).isNotEmpty();
        model.open(dir.resolve("nothing-here"));
        assertThat(model.labelColumnChoices()).isEmpty();
    }
}
