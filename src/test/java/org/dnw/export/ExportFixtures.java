package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dnw.cli.WorkbenchCommand;

/**
 * Runs trained once per test JVM for the export integration tests, through the real command line
 * into one temporary runs folder, so that the PyTorch and the ONNX tests check the same runs:
 *
 * <ul>
 *   <li>{@code mlp}: the mlp preset, 2 epochs on the MNIST sample in assets/;
 *   <li>{@code seed-cnn}: the seed CNN, 1 epoch on the MNIST sample;
 *   <li>{@code scratch}: the mlp preset on the from-scratch engine (plain SGD, the one optimiser it
 *       has, at rate 0.1), 1 epoch on the MNIST sample;
 *   <li>{@code cifar-cnn}: the CIFAR CNN (batch norm, dropout), 2 epochs on 5,000 evenly spaced
 *       CIFAR-10 training images, tested on all 10,000 — needs WORKBENCH_DATA (skips without it,
 *       and says so).
 * </ul>
 */
public final class ExportFixtures {

    private static final Map<String, Path> RUNS = new HashMap<>();
    private static Path root;

    private ExportFixtures() {}

    /** The folder of the run {@code key} (see the class comment), trained on first use. */
    public static synchronized Path run(String key) throws IOException {
        Path done = RUNS.get(key);
        if (done != null) {
            return done;
        }
        List<String> args = new ArrayList<>(List.of("train", "--name", "export-" + key));
        switch (key) {
            case "mlp" ->
                    args.addAll(
                            List.of(
                                    "--preset",
                                    "mlp",
                                    "--dataset",
                                    "mnist-sample",
                                    "--epochs",
                                    "2"));
            case "seed-cnn" ->
                    args.addAll(
                            List.of(
                                    "--preset",
                                    "seed-cnn",
                                    "--dataset",
                                    "mnist-sample",
                                    "--epochs",
                                    "1"));
            case "scratch" ->
                    args.addAll(
                            List.of(
                                    "--preset",
                                    "mlp",
                                    "--dataset",
                                    "mnist-sample",
                                    "--epochs",
                                    "1",
                                    "--engine",
                                    "scratch",
                                    "--optimizer",
                                    "sgd",
                                    "--lr",
                                    "0.1"));
            case "cifar-cnn" -> {
                String data = System.getenv("WORKBENCH_DATA");
                assumeTrue(
                        data != null && Files.isDirectory(Path.of(data, "cifar10")),
                        "skipped: the CIFAR-10 export needs WORKBENCH_DATA with cifar10/ (as .ci/run"
                                + " sets it)");
                args.addAll(
                        List.of(
                                "--preset",
                                "cifar-cnn",
                                "--dataset",
                                "cifar10",
                                "--train-subset",
                                "5000",
                                "--epochs",
                                "2"));
            }
            default -> throw new IllegalArgumentException("no fixture run " + key);
        }
        if (root == null) {
            root = Files.createTempDirectory("export-runs-");
        }
        Path runs = root.resolve(key);
        args.addAll(List.of("--runs-dir", runs.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                WorkbenchCommand.execute(
                        args.toArray(String[]::new),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true));
        System.out.println(out + "" + err);
        assertThat(code).as(err.toString()).isZero();
        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder =
                    folders.filter(Files::isDirectory)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .findFirst()
                            .orElseThrow();
        }
        RUNS.put(key, folder);
        return folder;
    }
}
