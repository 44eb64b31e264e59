package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which arguments open the window, and what a user reads when its toolkit cannot start. */
class LauncherTest {

    @Test
    void noArgumentsOrWindowOrAWindowOptionOpenTheWindow() {
        assertThat(Launcher.windowArguments(List.of())).contains(List.of());
        assertThat(Launcher.windowArguments(List.of("window", "--tab", "Runs")))
                .contains(List.of("--tab", "Runs"));
        assertThat(Launcher.windowArguments(List.of("--screenshot", "shot.png", "--train")))
                .contains(List.of("--screenshot", "shot.png", "--train"));
        assertThat(Launcher.windowArguments(List.of("--benchmark")))
                .contains(List.of("--benchmark"));
        assertThat(Launcher.windowArguments(List.of("--sweep-on", "slurm")))
                .contains(List.of("--sweep-on", "slurm"));
    }

    @Test
    void aCommandHelpVersionOrUnknownOptionGoesToTheCommandLine() {
        assertThat(Launcher.windowArguments(List.of("train", "--preset", "mlp"))).isEmpty();
        assertThat(Launcher.windowArguments(List.of("runs"))).isEmpty();
        assertThat(Launcher.windowArguments(List.of("--help"))).isEmpty();
        assertThat(Launcher.windowArguments(List.of("--version"))).isEmpty();
        assertThat(Launcher.windowArguments(List.of("--bogus"))).isEmpty();
        // a window option later on is the command's own (train has --preset and --dataset too)
        assertThat(Launcher.windowArguments(List.of("train", "--dataset", "mnist"))).isEmpty();
    }

    @Test
    void aMissingGtkLibrarySaysWhatToInstallInOneSentence() {
        // as JavaFX 21 reports it: thrown in the toolkit thread, rethrown by Application.launch
        RuntimeException failure =
                new RuntimeException(
                        "Exception in Application start method",
                        new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(Launcher.windowCannotStart(failure))
                .hasValueSatisfying(
                        text ->
                                assertThat(text)
                                        .startsWith("The window cannot start: the GTK 3 library")
                                        .contains("sudo apt-get install libgtk-3-0")
                                        .doesNotContain("Exception"));
    }

    @Test
    void noDisplaySaysHowToGetOne() {
        assertThat(
                        Launcher.windowCannotStart(
                                new UnsupportedOperationException("Unable to open DISPLAY")))
                .hasValueSatisfying(text -> assertThat(text).contains("xvfb-run"));
    }

    @Test
    void anyOtherFailureIsLeftAlone() {
        assertThat(Launcher.windowCannotStart(new IllegalStateException("a bug"))).isEmpty();
        assertThat(Launcher.windowCannotStart(new RuntimeException((String) null))).isEmpty();
    }
}
