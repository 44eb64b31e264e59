package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dnw.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher, {@code target/workbench/bin/workbench} as {@code mvn package} builds it,
 * run as a user runs it: a separate process started from another working directory.
 */
class LauncherScriptIT {

    private static Path launcher;

    @TempDir Path work;

    record Result(int exitCode, String out, String err) {}

    @BeforeAll
    static void findLauncher() {
        assumeTrue(
                !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                "skipped: bin/workbench is a POSIX shell script (Windows has bin/workbench.bat)");
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        launcher = base.resolve("target/workbench/bin/workbench");
        assertThat(launcher)
                .as("mvn package builds target/workbench/ before the integration tests run")
                .isExecutable();
    }

    private Result run(Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(env);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished in time").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelpExitZero() throws Exception {
        Result version = run(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("Deep Network Workbench");
        Result help = run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("train").contains("runs").contains("opens the window");
        Result windowHelp = run(Map.of(), "window", "--help");
        assertThat(windowHelp.exitCode()).isZero();
        assertThat(windowHelp.out()).contains("--screenshot");
    }

    @Test
    void anEmptyRunsFolderSaysSo() throws Exception {
        Path runs = Files.createDirectories(work.resolve("empty runs"));
        Result result = run(Map.of(), "runs", "--runs-dir", runs.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("No saved runs in");
    }

    @Test
    void aRunTrainedThroughTheLauncherIsListed() throws Exception {
        Path runs = work.resolve("runs");
        Result train =
                run(
                        Map.of(),
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        "mnist-sample",
                        "--epochs",
                        "1",
                        "--runs-dir",
                        runs.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Result listed = run(Map.of(), "runs", "--runs-dir", runs.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("mlp");
        try (var folders = Files.list(runs)) {
            assertThat(folders.filter(Files::isDirectory).count()).isEqualTo(1);
        }
    }

    @Test
    void aBadOptionExitsTwo() throws Exception {
        Result result = run(Map.of(), "runs", "--no-such-option");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(result.err()).contains("--no-such-option");
    }

    @Test
    void aJavaOlderThan17IsRefusedWithASentence() throws Exception {
        // the user's environment: an old java first on the PATH and no JAVA_HOME
        Path bin = Files.createDirectories(work.resolve("old-java/bin"));
        Path java = bin.resolve("java");
        Files.writeString(
                java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\nexit 0\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Map<String, String> env =
                Map.of("PATH", bin + ":" + System.getenv("PATH"), "JAVA_HOME", "");
        Result result = run(env, "--version");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.NO_JAVA);
        assertThat(result.err())
                .contains("needs Java 17 or newer")
                .contains("is Java 11.0.22")
                .doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theWindowWithoutADisplaySaysSoAndExitsSix() throws Exception {
        assumeTrue(
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "skipped: only Linux needs a DISPLAY");
        Result result = run(Map.of());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.NO_WINDOW);
        // "no display", or "GTK 3 missing" where the toolkit has no GTK either
        assertThat(result.err()).contains("The window cannot start:");
    }
}
