package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.dnw.ui.workbench.WorkbenchTab;
import org.junit.jupiter.api.Test;

class WorkbenchOptionsTest {

    @Test
    void parsesEveryOption() {
        WorkbenchOptions options =
                WorkbenchOptions.parse(
                        List.of(
                                "--screenshot",
                                "out/shot.png",
                                "--tab",
                                "confusion",
                                "--size",
                                "1920x1080",
                                "--preset",
                                "mlp",
                                "--dataset",
                                "fashion-mnist",
                                "--train",
                                "--epochs",
                                "2",
                                "--benchmark",
                                "--sweep-on",
                                "Slurm"));
        assertThat(options)
                .isEqualTo(
                        new WorkbenchOptions(
                                Path.of("out/shot.png"),
                                WorkbenchTab.CONFUSION,
                                1920,
                                1080,
                                "mlp",
                                "fashion-mnist",
                                true,
                                2,
                                true,
                                true));
    }

    @Test
    void defaultsToA1280By800WindowWithSeedCnn() {
        assertThat(WorkbenchOptions.parse(List.of())).isEqualTo(WorkbenchOptions.defaults());
        assertThat(WorkbenchOptions.defaults().width()).isEqualTo(1280);
        assertThat(WorkbenchOptions.defaults().preset()).isEqualTo("seed-cnn");
    }

    @Test
    void rejectsBadArgumentsWithSentences() {
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--size", "big")))
                .hasMessageContaining("WIDTHxHEIGHT");
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--size", "100x100")))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--screenshot")))
                .hasMessage("--screenshot needs a value");
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--preset", "nope")))
                .hasMessageContaining("choose one of seed-cnn");
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--dataset", "imagenet")))
                .hasMessageContaining("choose one of mnist-sample, mnist");
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--epochs", "0")))
                .hasMessageContaining("from 1 to 100");
        assertThatThrownBy(() -> WorkbenchOptions.parse(List.of("--fast")))
                .hasMessage("unknown option '--fast'");
    }

    @Test
    void aScreenshotPathNotEndingInPngIsAFolderEvenBeforeItExists() {
        // Path.of("shots/") is "shots": the trailing slash alone cannot say it is a folder
        assertThat(WorkbenchOptions.parse(List.of("--screenshot", "no-such/shots/")))
                .matches(WorkbenchOptions::screenshotIsFolder);
        assertThat(WorkbenchOptions.parse(List.of("--screenshot", "no-such/shots")))
                .matches(WorkbenchOptions::screenshotIsFolder);
        assertThat(WorkbenchOptions.parse(List.of("--screenshot", "no-such/window.PNG")))
                .matches(o -> !o.screenshotIsFolder());
        assertThat(WorkbenchOptions.defaults().screenshotIsFolder()).isFalse();
    }
}
