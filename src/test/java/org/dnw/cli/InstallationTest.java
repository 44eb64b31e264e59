package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How code finds the installed launcher: workbench.home, else a checkout's target/workbench. */
class InstallationTest {

    @TempDir Path dir;

    private Path script(Path home, String name) throws IOException {
        Path script = home.resolve("bin").resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n");
        return script;
    }

    @Test
    void anInstallationsHomeGivesItsLauncher() throws IOException {
        Path home = dir.resolve("workbench-0.1.0");
        Path script = script(home, "workbench");
        assertThat(Installation.launcher(home.toString(), null, false)).contains(script);
        // jpackage's image passes $APPDIR/../.. as its home
        assertThat(Installation.launcher(home.resolve("lib/app/../..").toString(), null, false))
                .contains(script);
    }

    @Test
    void onWindowsTheLauncherIsTheBatchFile() throws IOException {
        Path home = dir.resolve("home");
        script(home, "workbench");
        Path bat = script(home, "workbench.bat");
        assertThat(Installation.launcher(home.toString(), null, true)).contains(bat);
    }

    @Test
    void aHomeWithoutALauncherGivesNone() {
        assertThat(Installation.launcher(dir.toString(), null, false)).isEmpty();
    }

    @Test
    void aCheckoutGivesTheBuiltLauncherOnceItExists() throws IOException {
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        assertThat(Installation.launcher(null, classes, false)).isEmpty();
        Path script = script(dir.resolve("target/workbench"), "workbench");
        assertThat(Installation.launcher(null, classes, false)).contains(script);
        assertThat(Installation.launcher("", classes, false)).contains(script);
    }

    @Test
    void classesFromAJarOutsideACheckoutGiveNone() throws IOException {
        script(dir.resolve("workbench"), "workbench");
        assertThat(Installation.launcher(null, dir.resolve("app.jar"), false)).isEmpty();
        assertThat(Installation.launcher(null, null, false)).isEmpty();
    }
}
