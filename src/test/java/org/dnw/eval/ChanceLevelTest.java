package org.dnw.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run that ends at chance level is saved, but its summary says so. */
class ChanceLevelTest {

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
        Arrays.fill(predicted, 1);
        ClassificationReport collapsed = ClassificationReport.of(actual, predicted, 10);

        assertThat(collapsed.chanceLevelWarning(DIGITS))
                .contains(
                        "The network ended at chance level: 25.0 % test accuracy is no better"
                                + " than always answering \u201c1\u201d (25.0 %), so it learned"
                                + " nothing usable. Try a lower learning rate, the cross-entropy"
                                + " loss, or more epochs.");
        assertThat(collapsed.chanceLevelWarning(null).orElseThrow())
                .contains("always answering class 1 (25.0 %)");
    }

    @Test
    void aNetworkThatLearnedGetsNoWarning() {
        int[] actual = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(ClassificationReport.of(actual, actual, 10).chanceLevelWarning(DIGITS))
                .isEmpty();
    }
}
