package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's parsing, messages and exit codes, without training anything. */
class WorkbenchCommandTest {

    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                WorkbenchCommand.execute(
                        args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("train", "evaluate", "predict", "runs", "bench", "sweep")
                .containsPattern("4\\s+diverged");
    }

    @Test
    void anUnknownOptionIsABadArgumentWithASuggestion() {
        Result r = run("train", "--epoch", "2");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).contains("--epoch").contains("--epochs");
    }

    @Test
    void outOfRangeHyperparametersAreBadArguments() {
        Result r = run("train", "--lr", "-1", "--runs-dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).contains("learning rate must be a positive number");
        assertThat(run("train", "--optimizer", "lbfgs").err()).contains("choose adam, sgd");
        assertThat(run("train", "--augment", "noise=2").err()).contains("Gaussian noise sigma");
    }

    @Test
    void patienceIsParsedAndRefusedOutOfRangeOrWithoutAValidationSet() throws Exception {
        TrainingOptions options = new TrainingOptions();
        new picocli.CommandLine(options).parseArgs("--patience", "3");
        assertThat(options.hyperparameters().patience()).isEqualTo(3);
        assertThat(new TrainingOptions().hyperparameters().patience()).isZero();

        Result negative = run("train", "--patience", "-1", "--runs-dir", dir.toString());
        assertThat(negative.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(negative.err()).contains("patience cannot be negative");

        Result noValidation =
                run("train", "--patience", "2", "--validation", "0", "--runs-dir", dir.toString());
        assertThat(noValidation.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(noValidation.err()).contains("stopping early needs a validation set");
        assertThat(run("train", "--patience", "two").code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing was made for a refused run").isEmpty();
        }
    }

    @Test
    void aMissingDataSetPathSaysSo() {
        Result r =
                run(
                        "train",
                        "--dataset",
                        dir.resolve("nowhere").toString(),
                        "--runs-dir",
                        dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.DATA_NOT_FOUND);
        assertThat(r.err())
                .startsWith("Data problem: no data set named")
                .contains("mnist, mnist-sample");
    }

    @Test
    void aFolderOfJunkIsADataProblem() throws Exception {
        Path junk = Files.createDirectories(dir.resolve("junk/cats"));
        Files.createDirectories(dir.resolve("junk/dogs"));
        Files.writeString(junk.resolve("not-an-image.jpg"), "hello");
        Files.writeString(dir.resolve("junk/dogs/also-not.png"), "woof");
        Result r =
                run(
                        "train",
                        "--dataset",
                        dir.resolve("junk").toString(),
                        "--runs-dir",
                        dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.DATA_NOT_FOUND);
        assertThat(r.err()).startsWith("Data problem: ").contains("not-an-image.jpg");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anImpossibleNetworkListsItsProblems() throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(
                spec,
                """
                {"name": "bad", "input": {"dims": [1, 28, 28]}, "layers": [
                  {"type": "dense", "units": 10, "bias": true},
                  {"type": "output", "classes": 10, "activation": "SOFTMAX", "bias": true}]}
                """);
        Result r = run("train", "--spec", spec.toString(), "--runs-dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).contains("layer 1: a dense layer needs a flat input");
    }

    @Test
    void aCorruptSpecFileIsABadArgument() throws Exception {
        Path spec = dir.resolve("corrupt.json");
        Files.writeString(spec, "{\"name\": \"x\", \"layers\": [");
        Result r = run("train", "--spec", spec.toString(), "--runs-dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).startsWith("Network file problem: ");
    }

    @Test
    void runsListsAnEmptyFolderAndDamagedRuns() throws Exception {
        assertThat(run("runs", "--runs-dir", dir.toString()).out()).contains("No saved runs");
        Files.createDirectories(dir.resolve("20260101-000000-broken"));
        Files.writeString(dir.resolve("20260101-000000-broken/manifest.json"), "{not json");
        Result r = run("runs", "--runs-dir", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("20260101-000000-broken").contains("damaged");
    }

    @Test
    void evaluatingAnUnknownRunSaysHowToListThem() {
        Result r = run("evaluate", "nothing-like-it", "--runs-dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).contains("no saved run 'nothing-like-it'").contains("workbench runs");
    }

    @Test
    void augmentationOptionsParse() {
        var a = TrainingOptions.parseAugmentation("noise=0.3,salt=0.05,shift=2,rotate=10,p=0.5");
        assertThat(a.gaussianNoiseSigma()).isEqualTo(0.3);
        assertThat(a.saltPepperShare()).isEqualTo(0.05);
        assertThat(a.maxShiftPixels()).isEqualTo(2);
        assertThat(a.maxRotationDegrees()).isEqualTo(10);
        assertThat(a.probability()).isEqualTo(0.5);
        assertThat(a.flipProbability()).isZero();
        assertThat(TrainingOptions.parseAugmentation("flip=0.5,shift=4").flipProbability())
                .isEqualTo(0.5);
    }

    @Test
    void aFlipOutsideZeroToOneIsABadArgumentWithTheRangeSentence() {
        Result r = run("train", "--augment", "shift=4,flip=1.5", "--runs-dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err()).contains("the flip probability must be between 0.0 and 1.0, not 1.5");
        assertThat(run("train", "--augment", "flop=1", "--runs-dir", dir.toString()).err())
                .contains("flip");
    }
}
