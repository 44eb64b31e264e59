package org.dnw.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkbenchTabTest {

    @Test
    void parsesTitlesAndConstantNamesLoosely() {
        assertThat(WorkbenchTab.parse("try-it")).isEqualTo(WorkbenchTab.TRY_IT);
        assertThat(WorkbenchTab.parse("Try it")).isEqualTo(WorkbenchTab.TRY_IT);
        assertThat(WorkbenchTab.parse("RUNS")).isEqualTo(WorkbenchTab.RUNS);
        assertThatThrownBy(() -> WorkbenchTab.parse("weights"))
                .hasMessage(
                        "no tab named 'weights' — choose one of Data, Augment, Training, Filters, Inside, Confusion, Try it, Runs, Experiments");
    }
}
