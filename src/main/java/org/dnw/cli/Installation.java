package org.dnw.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the installed launcher is, for code that starts the workbench in another process (a Slurm
 * job script, a container). The documented way to find the installation is the system property
 * {@code workbench.home}, which {@code bin/workbench} and {@code bin/workbench.bat} set to the
 * folder holding {@code bin/} and {@code lib/}.
 */
public final class Installation {

    /** The system property naming the installation's folder, set by the launcher scripts. */
    public static final String HOME_PROPERTY = "workbench.home";

    private Installation() {}

    /**
     * The launcher of this installation: {@code <workbench.home>/bin/workbench} (on Windows {@code
     * workbench.bat}) when running from an installation; from a source checkout (classes in {@code
     * target/classes}), {@code target/workbench/bin/workbench} once {@code mvn package} has built
     * it; else empty.
     */
    public static Optional<Path> launcher() {
        return launcher(System.getProperty(HOME_PROPERTY), classesLocation(), windows());
    }

    /**
     * The launcher a Slurm task or another process runs: {@link #launcher()}, else {@code
     * target/workbench/bin/workbench} under the current folder (a developer's build, which may not
     * be built yet: callers check it).
     */
    public static Path launcherForTasks() {
        return launcher()
                .orElseGet(
                        () ->
                                Path.of("target", "workbench", "bin", "workbench")
                                        .toAbsolutePath()
                                        .normalize());
    }

    /**
     * The command that runs the workbench's command line in another process on this machine (the
     * window's Resume): the installation's launcher when this process was started by one (it sets
     * the allocator variables and the Java options), else this very Java with this process's class
     * path and its {@code ai.djl.*} and {@code workbench.*} properties — the code now running, also
     * in a source checkout whose {@code target/workbench} may be stale.
     */
    public static List<String> commandLine() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Optional<Path> script = launcher(home, null, windows());
            if (script.isPresent()) {
                return List.of(script.get().toString());
            }
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("ai.djl.") || name.startsWith("workbench.")) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkbenchCommand.class.getName());
        return command;
    }

    /**
     * The launcher for an installation folder {@code home} (null when none was set) and the folder
     * or jar the workbench's classes were loaded from ({@code classes}, null when unknown).
     */
    static Optional<Path> launcher(String home, Path classes, boolean windows) {
        String name = windows ? "workbench.bat" : "workbench";
        if (home != null && !home.isBlank()) {
            Path script = Path.of(home).toAbsolutePath().normalize().resolve("bin").resolve(name);
            return Files.isRegularFile(script) ? Optional.of(script) : Optional.empty();
        }
        if (classes != null
                && classes.getFileName() != null
                && classes.getFileName().toString().equals("classes")
                && classes.getParent() != null) {
            Path script =
                    classes.toAbsolutePath()
                            .normalize()
                            .getParent()
                            .resolve("workbench")
                            .resolve("bin")
                            .resolve(name);
            if (Files.isRegularFile(script)) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }

    private static Path classesLocation() {
        try {
            var source = Installation.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
