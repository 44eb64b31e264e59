package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user reads when the window's toolkit cannot start. */
class LauncherTest {

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
