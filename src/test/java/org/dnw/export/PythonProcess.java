package org.dnw.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child Python with PyTorch for the export integration tests: PATH's {@code python3} (may be a
 * pyenv without torch), then Debian's {@code /usr/bin/python3} (CI installs python3-torch,
 * python3-onnx and python3-pil there). Without one a test skips and says so.
 */
public final class PythonProcess {

    /** Where to look for a python3 with torch, in order. */
    static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    private static String found;
    private static boolean searched;

    private PythonProcess() {}

    /** What a child printed (stdout and stderr together, stripped) and its exit code. */
    public record Result(int exitCode, String output) {}

    /**
     * The first python3 that imports every module of {@code modules} ("torch", "onnx", "PIL");
     * skips the calling test, with a sentence, when there is none.
     */
    public static synchronized String require(String... modules) {
        String imports = "import " + String.join(", ", modules);
        for (String python : PYTHONS) {
            try {
                if (run(null, 120, python, "-c", imports).exitCode() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not installed under this name: try the next
            }
        }
        assumeTrue(
                false,
                "skipped: no python3 with "
                        + String.join(", ", modules)
                        + " found (tried "
                        + String.join(", ", PYTHONS)
                        + "); install Debian's python3-torch, python3-onnx and python3-pil as"
                        + " .ci/run does");
        return null;
    }

    /**
     * Runs {@code command} in {@code folder} (null: the current one), waiting at most {@code
     * seconds}; a child still running then is killed and gives exit code −1.
     */
    public static Result run(Path folder, int seconds, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
        builder.redirectErrorStream(true);
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + seconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
    }
}
