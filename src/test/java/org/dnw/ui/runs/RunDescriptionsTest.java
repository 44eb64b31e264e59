package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnw.train.Hyperparameters;
import org.junit.jupiter.api.Test;

/** What the run details say about a run's settings. */
class RunDescriptionsTest {

    @Test
    void earlyStoppingIsListedOnlyWhenItWasOn() {
        assertThat(RunDescriptions.hyperparameters(Hyperparameters.defaults()).entries())
                .extracting(RunDetails.Entry::key)
                .contains("Epochs")
                .doesNotContain("Stop early after");
        assertThat(
                        RunDescriptions.hyperparameters(Hyperparameters.defaults().withPatience(3))
                                .entries())
                .contains(
                        new RunDetails.Entry(
                                "Stop early after", "3 epochs without a better validation loss"));
    }
}
