package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dnw.figures.CurvePicture;
import org.dnw.figures.TwoDigitPicture;
import org.dnw.train.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's commands end to end: {@code twodigits} on the MNIST sample shipped in assets/ (no
 * WORKBENCH_DATA needed) with both engines, and {@code crossval} on the real wheat table from
 * WORKBENCH_DATA (skipped without it).
 */
class CourseCliIT {

    private static final Pattern ACCURACY = Pattern.compile("Test accuracy (\\d+\\.\\d+)%");
    private static final Pattern MEAN =
            Pattern.compile("Mean test accuracy (\\d+\\.\\d+)% ± (\\d+\\.\\d+)%");

    @TempDir Path dir;

    private WorkbenchCommandTest.Result run(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        System.out.println("$ workbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void twoDigitsFromScratchPrintsTheAccuracyAndWritesBothPictures() throws Exception {
        Path runs = dir.resolve("runs");
        WorkbenchCommandTest.Result r =
                run(
                        "twodigits",
                        "3",
                        "8",
                        "--engine",
                        "scratch",
                        "--dataset",
                        "mnist-sample",
                        "--runs-dir",
                        runs.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("3 vs 8 on MNIST (sample) — 1,080 train, 120 validation, 200 test")
                .contains("From scratch (Java)", "SGD lr 3, batch 10", "epoch 10/10")
                .contains("The run was saved to");
        Matcher accuracy = ACCURACY.matcher(r.out());
        assertThat(accuracy.find()).isTrue();
        // measured 95.50 % (seed 42) on the sample's 200 test images of 3 and 8
        assertThat(Double.parseDouble(accuracy.group(1))).isGreaterThan(92);
        Path folder;
        try (var listed = Files.list(runs)) {
            folder =
                    listed.filter(p -> p.getFileName().toString().endsWith("two-digits-3-vs-8"))
                            .findFirst()
                            .orElseThrow();
        }
        BufferedImage picture = ImageIO.read(folder.resolve("two-digits.png").toFile());
        BufferedImage curves = ImageIO.read(folder.resolve("curves.png").toFile());
        assertThat(picture.getWidth()).isEqualTo(TwoDigitPicture.WIDTH);
        assertThat(picture.getHeight()).isEqualTo(TwoDigitPicture.HEIGHT);
        assertThat(curves.getWidth()).isEqualTo(CurvePicture.WIDTH);
        assertThat(r.out()).contains("Pictures: " + folder.resolve("two-digits.png"));
        assertThat(run("runs", "--runs-dir", runs.toString()).out()).contains("two-digits-3-vs-8");
    }

    @Test
    void twoDigitsOnPyTorchWritesThePicturesWhereAsked() throws Exception {
        Path out = dir.resolve("pictures");
        WorkbenchCommandTest.Result r =
                run(
                        "twodigits",
                        "1",
                        "7",
                        "--engine",
                        "djl",
                        "--epochs",
                        "3",
                        "--dataset",
                        "mnist-sample",
                        "--out",
                        out.toString(),
                        "--runs-dir",
                        dir.resolve("runs").toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PyTorch (DJL)", "Adam lr 0.01, batch 32", "epoch 3/3");
        Matcher accuracy = ACCURACY.matcher(r.out());
        assertThat(accuracy.find()).isTrue();
        assertThat(Double.parseDouble(accuracy.group(1))).isGreaterThan(92);
        assertThat(out.resolve("two-digits.png")).isRegularFile();
        assertThat(out.resolve("curves.png")).isRegularFile();
    }

    @Test
    void impossibleRequestsExitWithTwoAndASentence() {
        WorkbenchCommandTest.Result same =
                run(
                        "twodigits",
                        "4",
                        "4",
                        "--dataset",
                        "mnist-sample",
                        "--runs-dir",
                        dir.toString());
        assertThat(same.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(same.err()).contains("two different digits");

        WorkbenchCommandTest.Result images = run("crossval", "--dataset", "mnist-sample");
        assertThat(images.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(images.err()).contains("holds images");

        WorkbenchCommandTest.Result folds = run("crossval", "--folds", "1");
        assertThat(folds.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(folds.err()).contains("--folds must be from 2 to 10");
    }

    @Test
    void crossValidationOnTheWheatSeedsPrintsEveryFoldAndTheMean() {
        // the catalog finds the table through the same WORKBENCH_DATA
        RealData.folder();
        WorkbenchCommandTest.Result r = run("crossval", "--dataset", "wheat-seeds");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("5-fold cross-validation on Wheat seeds (UCI): 210 rows, 7 features")
                .contains("fold 5/5: test accuracy")
                .contains("(168 train, 42 test rows)");
        Matcher mean = MEAN.matcher(r.out());
        assertThat(mean.find()).isTrue();
        // measured 95.24 % ± 1.68 % (seed 42, from-scratch engine, batch 1); one row more or
        // less in one fold moves the mean by 0.48 points
        assertThat(Double.parseDouble(mean.group(1))).isCloseTo(95.24, within(1.5));
        assertThat(Double.parseDouble(mean.group(2))).isBetween(0.0, 6.0);
    }
}
