package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on the MNIST sample shipped in assets/ (so it needs no
 * WORKBENCH_DATA): train, list, evaluate, predict, a diverging run, the scratch engine, a sweep.
 */
class CliIT {

    @TempDir Path dir;

    private WorkbenchCommandTest.Result run(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        System.out.println("$ workbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void trainListEvaluateAndPredict() throws Exception {
        String runs = dir.resolve("runs").toString();
        WorkbenchCommandTest.Result trained =
                run(
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        "mnist-sample",
                        "--epochs",
                        "2",
                        "--name",
                        "cli-mlp",
                        "--runs-dir",
                        runs);
        assertThat(trained.code()).isZero();
        Matcher accuracy = Pattern.compile("Test accuracy (\\d+\\.\\d+)%").matcher(trained.out());
        assertThat(accuracy.find()).isTrue();
        // measured 91–92 % for the mlp after two epochs of 5,400 sample images
        assertThat(Double.parseDouble(accuracy.group(1))).isGreaterThan(85);
        assertThat(trained.out())
                .contains("epoch 2/2", "weighted avg", "Confusion matrix", "The run was saved to");

        WorkbenchCommandTest.Result listed = run("runs", "--runs-dir", runs);
        assertThat(listed.out()).contains("cli-mlp").contains(accuracy.group(1) + "%");

        WorkbenchCommandTest.Result evaluated = run("evaluate", "cli-mlp", "--runs-dir", runs);
        assertThat(evaluated.code()).isZero();
        assertThat(evaluated.out())
                .contains("accuracy " + accuracy.group(1) + "%")
                .contains("recorded when trained: " + accuracy.group(1) + "%");

        ImageSamples test =
                (ImageSamples)
                        DatasetCatalog.fromEnvironment(null)
                                .load(BuiltInDataset.MNIST_SAMPLE, ProgressListener.NONE)
                                .test();
        Path png = dir.resolve("digit.png");
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = test.pixel(0, 0, y, x);
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        ImageIO.write(image, "png", png.toFile());
        Files.writeString(dir.resolve("junk.png"), "not a picture");
        WorkbenchCommandTest.Result predicted =
                run(
                        "predict",
                        "cli-mlp",
                        png.toString(),
                        dir.resolve("junk.png").toString(),
                        "--runs-dir",
                        runs);
        assertThat(predicted.code()).isZero();
        assertThat(predicted.out())
                .containsPattern("digit.png:  " + test.labels()[0] + " \\d+\\.\\d%");
        assertThat(predicted.out()).contains("junk.png: not a readable image");

        WorkbenchCommandTest.Result robust =
                run(
                        "robustness",
                        "cli-mlp",
                        "--kind",
                        "gaussian",
                        "--strengths",
                        "0,0.5",
                        "--mix",
                        "noise=0.2,blur=1",
                        "--runs-dir",
                        runs);
        assertThat(robust.code()).isZero();
        Matcher clean = Pattern.compile("clean\\s+(\\d+\\.\\d+)%").matcher(robust.out());
        Matcher noisy = Pattern.compile("σ = 0\\.5\\s+(\\d+\\.\\d+)%").matcher(robust.out());
        assertThat(clean.find()).as(robust.out()).isTrue();
        assertThat(noisy.find()).as(robust.out()).isTrue();
        // the clean line is the recorded test accuracy; strong noise costs the plain mlp accuracy
        assertThat(clean.group(1)).isEqualTo(accuracy.group(1));
        assertThat(Double.parseDouble(noisy.group(1)))
                .isLessThan(Double.parseDouble(clean.group(1)) - 5);
        assertThat(robust.out()).contains("blur");

        Path html = dir.resolve("report.html");
        WorkbenchCommandTest.Result report =
                run("report", "cli-mlp", "--out", html.toString(), "--runs-dir", runs);
        assertThat(report.code()).isZero();
        String text = Files.readString(html);
        assertThat(text)
                .contains("cli-mlp")
                .contains(accuracy.group(1))
                .contains("<svg")
                .contains("data:image/png;base64,");
        assertThat(text).doesNotContain("src=\"http");
    }

    @Test
    void aDivergingRunExitsWithFourAndSavesNothing() {
        String runs = dir.resolve("runs").toString();
        WorkbenchCommandTest.Result r =
                run(
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        "mnist-sample",
                        "--optimizer",
                        "sgd",
                        "--lr",
                        "1e6",
                        "--epochs",
                        "1",
                        "--runs-dir",
                        runs);
        assertThat(r.code()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err())
                .contains("diverged")
                .contains("lower the learning rate")
                .contains("Nothing was saved");
        assertThat(run("runs", "--runs-dir", runs).out()).contains("No saved runs");
    }

    @Test
    void theScratchEngineObeysTheSameDivergenceRule() {
        // before: the scratch engine saved this run with a loss of 6.7e11 and exit 0
        String runs = dir.resolve("runs").toString();
        WorkbenchCommandTest.Result r =
                run(
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        "mnist-sample",
                        "--engine",
                        "scratch",
                        "--optimizer",
                        "sgd",
                        "--lr",
                        "1000",
                        "--epochs",
                        "1",
                        "--runs-dir",
                        runs);
        assertThat(r.code()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err())
                .containsPattern("the loss (exploded from \\S+ to \\S+|became (NaN|infinite))")
                .contains("the training diverged")
                .contains("lower the learning rate (it was 1000)")
                .contains("Nothing was saved");
        assertThat(run("runs", "--runs-dir", runs).out()).contains("No saved runs");
    }

    @Test
    void patienceStopsEarlyAndTheManifestKeepsIt() throws Exception {
        WorkbenchCommandTest.Result r =
                run(
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        "mnist-sample",
                        "--train-subset",
                        "600",
                        "--epochs",
                        "40",
                        "--patience",
                        "2",
                        "--runs-dir",
                        dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("40 epochs (patience 2)")
                .containsPattern(
                        "Early stopping: stopped early after epoch (\\d+): no better validation"
                                + " loss for 2 epochs; kept epoch \\d+ \\(validation loss");
        Matcher m = Pattern.compile("\\((\\d+) epochs, ").matcher(r.out());
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isLessThan(40);
        Path run;
        try (var runs = Files.list(dir)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("\"patience\" : 2");
    }

    @Test
    void theScratchEngineTrainsFromTheCommandLine() {
        WorkbenchCommandTest.Result r =
                run(
                        "train",
                        "--preset",
                        "mlp",
                        "--dataset",
                        "mnist-sample",
                        "--engine",
                        "scratch",
                        "--optimizer",
                        "sgd",
                        "--lr",
                        "0.1",
                        "--epochs",
                        "2",
                        "--runs-dir",
                        dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("From scratch").contains("Test accuracy");
        WorkbenchCommandTest.Result refused =
                run(
                        "train",
                        "--preset",
                        "seed-cnn",
                        "--dataset",
                        "mnist-sample",
                        "--engine",
                        "scratch",
                        "--runs-dir",
                        dir.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(refused.err()).contains("from-scratch engine");
    }

    @Test
    void aSweepFromAFileSavesOneRunPerValue() throws Exception {
        Path file = dir.resolve("sweep.json");
        Files.writeString(
                file,
                """
                {"name": "units", "dataset": "mnist-sample", "preset": "mlp", "trainSubset": 1500,
                 "hyperparameters": {"epochCount": 1},
                 "axes": [{"setting": "units", "values": ["8", "32"]}]}
                """);
        String runs = dir.resolve("runs").toString();
        WorkbenchCommandTest.Result r = run("sweep", file.toString(), "--runs-dir", runs);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("units=8", "units=32", "saved");
        assertThat(run("runs", "--runs-dir", runs).out())
                .contains("sweep-units-units8")
                .contains("sweep-units-units32");
    }
}
