package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnw.eval.ClassificationReport;
import org.junit.jupiter.api.Test;

/** A run that ends at chance level is saved, but its summary says so. */
class ChanceWarningTest {

    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Test
    void aCollapsedNetworkGetsAWarningNamingTheClassItAlwaysAnswers() {
        // squared error collapsing to one class: every one of 20 test images called "1"
        int[] actual = new int[20];
        for (int i = 0; i < 20; i++) {
            actual[i] = i < 4 ? 1 : i % 10;
        }
        int[] predicted = new int[20];
        java.util.Arrays.fill(predicted, 1);

        assertThat(
                        TrainCommand.chanceWarning(
                                ClassificationReport.of(actual, predicted, 10), DIGITS))
                .hasValueSatisfying(
                        w ->
                                assertThat(w)
                                        .startsWith("Warning: the network ended at chance level.")
                                        .contains("25.00% test accuracy")
                                        .contains("always answering \"1\" (25.00%)")
                                        .contains("learned nothing usable"));
    }

    @Test
    void aNetworkThatLearnedGetsNoWarning() {
        int[] actual = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(TrainCommand.chanceWarning(ClassificationReport.of(actual, actual, 10), DIGITS))
                .isEmpty();
    }
}
