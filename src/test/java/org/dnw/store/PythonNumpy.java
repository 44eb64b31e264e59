package org.dnw.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a short Python script with numpy, for the optional cross-checks of the .npy writer. */
final class PythonNumpy {

    private static Boolean available;

    private PythonNumpy() {}

    /** True when {@code python3 -c "import numpy"} succeeds on this machine. */
    static synchronized boolean available() {
        if (available == null) {
            try {
                available = run("import numpy", Path.of(".")).exitCode == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    record Result(int exitCode, String output) {}

    static Result run(String script, Path dir) throws IOException {
        Process p =
                new ProcessBuilder("python3", "-c", script)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
