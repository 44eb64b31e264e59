package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.train.TrainingEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of the README's exit-code table, through the real picocli entry point in-process: the
 * code, and one sentence on standard error that is never a Java exception's text. Nothing here
 * trains; the slowest cases read the bundled MNIST sample (about a second).
 */
class WorkbenchCommandExitCodesTest {

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

    /** Runs {@code args} and checks the code and that the error is a sentence, not a trace. */
    static String fails(int code, String... args) {
        Result r = run(args);
        assertThat(r.code())
                .as("exit code of %s; err: %s", String.join(" ", args), r.err())
                .isEqualTo(code);
        assertThat(r.err())
                .isNotBlank()
                .doesNotContain(
                        "Exception",
                        "\tat ",
                        "Cannot invoke",
                        "Cannot deserialize",
                        "Cannot construct",
                        "java.",
                        "org.dnw",
                        "`");
        return r.err().strip();
    }

    Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    String runs() {
        return dir.resolve("runs").toString();
    }

    @Nested
    class Row0Done {
        @Test
        void helpAndAnEmptyListEndWithZero() {
            assertThat(run("--help").code()).isZero();
            Result r = run("runs", "--runs-dir", runs());
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("No saved runs");
        }

        @Test
        void theHelpListsEveryRowOfTheTable() {
            String help = run("--help").out();
            for (String row :
                    List.of(
                            "0 done",
                            "1 unexpected error",
                            "2 bad arguments",
                            "3 data not found or malformed",
                            "4 diverged",
                            "5 cancelled",
                            "6 the window could not start",
                            "7 no Slurm here",
                            "8 Slurm refused the submission",
                            "10 bin/workbench found no Java 17",
                            "11 train --resume: the run is complete",
                            "12 train --resume: the run is still training",
                            "13 train --resume: the run has no usable checkpoint",
                            "14 train --resume: another process resumed the run first",
                            "15 train was stopped")) {
                // picocli pads the code column to the widest code
                assertThat(help).containsPattern("(?m)^\\s*" + row.replaceFirst(" ", "\\\\s+"));
            }
        }
    }

    @Nested
    class Row1UnexpectedError {
        @Test
        void anIoFailureNamesTheFileAndTheReason() {
            CliFailure missing = CliFailure.of(new NoSuchFileException("/x/metrics.csv"));
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(missing.message()).isEqualTo("File problem: /x/metrics.csv does not exist");
            assertThat(CliFailure.of(new AccessDeniedException("/x/run")).message())
                    .isEqualTo("File problem: /x/run: permission denied");
        }

        @Test
        void aBugSaysSoWithoutTheJvmsWording() {
            CliFailure bug =
                    CliFailure.of(
                            new NullPointerException(
                                    "Cannot invoke \"org.dnw.spec.ModelSpec.input()\""));
            assertThat(bug.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(bug.message())
                    .isEqualTo(
                            "Unexpected error: NullPointerException — this is a bug; run with"
                                    + " -Ddnw.debug=true to see where");
        }
    }

    @Nested
    class Row2BadArguments {
        @Test
        void unknownMissingAndMistypedOptions() {
            assertThat(fails(2, "train", "--epoch", "2")).contains("--epochs");
            assertThat(fails(2, "train", "--epochs", "two")).contains("'two' is not an int");
            assertThat(fails(2, "predict", "some-run"))
                    .contains("Missing required parameter: 'IMAGE'");
            assertThat(fails(2, "predict")).contains("Missing required parameter");
            assertThat(fails(2, "inspect", "some-run", "test:0"))
                    .contains("Missing required option: '--out=DIR'");
            assertThat(fails(2, "frobnicate")).contains("frobnicate");
        }

        @Test
        void valuesOutOfRange() {
            assertThat(fails(2, "train", "--lr", "-1", "--runs-dir", runs()))
                    .contains("learning rate must be a positive number");
            assertThat(fails(2, "predict", "r", "x.png", "--top", "0", "--runs-dir", runs()))
                    .isEqualTo("--top must be at least 1 (classes shown per image), not 0");
            assertThat(fails(2, "predict", "r", "x.png", "--top", "-2", "--runs-dir", runs()))
                    .isEqualTo("--top must be at least 1 (classes shown per image), not -2");
            assertThat(fails(2, "bench", "--rounds", "0"))
                    .isEqualTo("--rounds must be at least 1, not 0");
            assertThat(fails(2, "bench", "--batch-size", "0"))
                    .contains("--batch-size must be at least 1");
            assertThat(fails(2, "crossval", "--folds", "1"))
                    .contains("--folds must be from 2 to 10");
            assertThat(fails(2, "twodigits", "3", "3", "--runs-dir", runs()))
                    .contains("two different digits");
            assertThat(fails(2, "train", "--weights-every", "-1", "--runs-dir", runs()))
                    .contains("--weights-every must be 0");
            assertThat(fails(2, "train", "--train-subset", "0", "--runs-dir", runs()))
                    .isEqualTo("--train-subset must be at least 1, not 0");
            assertThat(fails(2, "train", "--engine", "tpu", "--runs-dir", runs()))
                    .contains("--engine must be djl or scratch");
            assertThat(fails(2, "robustness", "r", "--kind", "fog", "--runs-dir", runs()))
                    .contains("no corruption kind named 'fog'");
            assertThat(new java.io.File(runs())).doesNotExist();
        }

        @Test
        void aSpecFileThatIsMissingAFolderOrNotASpec() throws Exception {
            Path missing = dir.resolve("missing.json");
            assertThat(fails(2, "train", "--spec", missing.toString(), "--runs-dir", runs()))
                    .isEqualTo("Network file problem: " + missing + ": does not exist");
            assertThat(fails(2, "train", "--spec", dir.toString(), "--runs-dir", runs()))
                    .endsWith("is a folder, not a network file (a .json file)");
            Path nul = write("null.json", "null\n");
            assertThat(fails(2, "train", "--spec", nul.toString(), "--runs-dir", runs()))
                    .startsWith("Network file problem: " + nul + ": line 1: the file holds null");
            Path layersNull =
                    write(
                            "ln.json",
                            "{\"name\": \"x\", \"input\": {\"dims\": [1, 28, 28]},\n \"layers\": null}");
            assertThat(fails(2, "train", "--spec", layersNull.toString(), "--runs-dir", runs()))
                    .isEqualTo(
                            "Network file problem: "
                                    + layersNull
                                    + ": line 2, column 12: \"layers\" must be a list [ … ], not null");
            Path wrongEnum =
                    write(
                            "enum.json",
                            "{\"input\": {\"dims\": [1, 28, 28]}, \"layers\": [{\"type\":"
                                    + " \"activation\", \"function\": 7}]}");
            assertThat(fails(2, "train", "--spec", wrongEnum.toString(), "--runs-dir", runs()))
                    .contains("layer 1 → \"function\" must be one of \"relu\"");
        }

        @Test
        void anImpossibleNetworkSaysWhyEvenForOverflowingSettings() throws Exception {
            Path padding =
                    write(
                            "pad.json",
                            "{\"input\": {\"dims\": [1, 28, 28]}, \"layers\": [{\"type\":"
                                    + " \"conv2d\", \"filters\": 4, \"kernelHeight\": 5,"
                                    + " \"kernelWidth\": 5, \"stride\": 1, \"padding\":"
                                    + " 1500000000, \"bias\": true}, {\"type\": \"flatten\"},"
                                    + " {\"type\": \"output\", \"classes\": 10}]}");
            assertThat(fails(2, "train", "--spec", padding.toString(), "--runs-dir", runs()))
                    .contains("layer 1: padding 1,500,000,000 on each side makes the output");
            Path filters =
                    write(
                            "filters.json",
                            "{\"input\": {\"dims\": [1, 28, 28]}, \"layers\": [{\"type\":"
                                    + " \"conv2d\", \"filters\": 2147483647, \"kernelHeight\": 5,"
                                    + " \"kernelWidth\": 5, \"stride\": 1, \"padding\": \"same\"},"
                                    + " {\"type\": \"flatten\"}, {\"type\": \"output\","
                                    + " \"classes\": 10}]}");
            assertThat(fails(2, "train", "--spec", filters.toString(), "--runs-dir", runs()))
                    .contains("layer 1: its output 2147483647 × 28 × 28 has 1,683,627,179,248");
            assertThat(new java.io.File(runs())).doesNotExist();
        }

        @Test
        void aNetworkTooLargeForMemoryIsRefusedBeforeAnythingIsAllocated() throws Exception {
            // 784 → 2^20 units → 2,000 units: 2.9 billion parameters, 47 GB with Adam state
            Path huge =
                    write(
                            "huge.json",
                            "{\"name\": \"huge\", \"input\": {\"dims\": [1, 28, 28]}, \"layers\": ["
                                    + "{\"type\": \"flatten\"},"
                                    + "{\"type\": \"dense\", \"units\": 1048576, \"bias\": true},"
                                    + "{\"type\": \"activation\", \"function\": \"relu\"},"
                                    + "{\"type\": \"dense\", \"units\": 2000, \"bias\": true},"
                                    + "{\"type\": \"output\", \"classes\": 10, \"bias\": true}]}");
            long available =
                    org.dnw.train.MachineMemory.availableBytes(org.dnw.train.EngineKind.DJL);
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    available < 40_000_000_000L, "this machine has room for 47 GB");

            String err = fails(2, "train", "--spec", huge.toString(), "--runs-dir", runs());

            assertThat(err)
                    .startsWith("Cannot train huge on MNIST (sample):")
                    .contains("training needs about 47.")
                    .contains("GB of memory with batch 64")
                    .contains("is available (at most 90 % of it is used)");
            assertThat(new java.io.File(runs())).doesNotExist();
        }

        @Test
        void runNamesAndFoldersThatAreNotRuns() throws Exception {
            assertThat(fails(2, "evaluate", "nothing-like-it", "--runs-dir", runs()))
                    .contains("no saved run 'nothing-like-it'");
            Path notRun = Files.createDirectories(dir.resolve("just-a-folder"));
            assertThat(fails(2, "evaluate", notRun.toString(), "--runs-dir", runs()))
                    .isEqualTo(
                            notRun
                                    + " is a folder but not a saved run (it has no manifest.json)"
                                    + " — name a run folder; 'workbench runs' lists them");
            Path file = write("a-file.txt", "x");
            assertThat(fails(2, "evaluate", file.toString(), "--runs-dir", runs()))
                    .contains("is a file, not a saved run's folder");
            assertThat(fails(2, "report", notRun.toString(), "--runs-dir", runs()))
                    .contains("is a folder but not a saved run");
        }

        @Test
        void aRunsDirThatIsAFileOrUnderAFile() throws Exception {
            Path file = write("runs-file", "x");
            String expected = "--runs-dir " + file + " is a file, not a folder";
            for (String command : new String[] {"runs", "train", "sweep"}) {
                String[] args =
                        command.equals("sweep")
                                ? new String[] {command, "s.json", "--runs-dir", file.toString()}
                                : new String[] {command, "--runs-dir", file.toString()};
                assertThat(fails(2, args)).startsWith(expected);
            }
            assertThat(fails(2, "evaluate", "x", "--runs-dir", file.toString()))
                    .startsWith(expected);
            assertThat(fails(2, "predict", "x", "y.png", "--runs-dir", file.toString()))
                    .startsWith(expected);
            assertThat(fails(2, "train", "--runs-dir", file.resolve("sub").toString()))
                    .isEqualTo(
                            "--runs-dir "
                                    + file.resolve("sub")
                                    + " cannot be made: "
                                    + file
                                    + " is a file, not a folder");
        }

        @Test
        void outputPathsOfTheWrongKindAndSweepFiles() throws Exception {
            assertThat(fails(2, "report", "x", "--out", dir.toString(), "--runs-dir", runs()))
                    .contains("is a folder — name the HTML file to write");
            Path file = write("pictures", "x");
            assertThat(
                            fails(
                                    2,
                                    "report",
                                    "x",
                                    "--out",
                                    file.resolve("r.html").toString(),
                                    "--runs-dir",
                                    runs()))
                    .isEqualTo(
                            "--out "
                                    + file.resolve("r.html")
                                    + " cannot be made: "
                                    + file
                                    + " is a file, not a folder");
            assertThat(
                            fails(
                                    2,
                                    "twodigits",
                                    "3",
                                    "8",
                                    "--out",
                                    file.toString(),
                                    "--runs-dir",
                                    runs()))
                    .contains("is a file, not a folder — name a folder for the two pictures");
            assertThat(fails(2, "sweep", dir.resolve("none.json").toString(), "--runs-dir", runs()))
                    .contains("does not exist");
            Path lr = write("lr-sweep.json", "{\"hyperparameters\": {\"learningRate\": \"x\"}}");
            assertThat(fails(2, "sweep", lr.toString(), "--runs-dir", runs()))
                    .isEqualTo(
                            "the sweep's hyperparameter \"learningRate\" must be a number, not"
                                    + " \"x\"");
            Path optimizer =
                    write("opt-sweep.json", "{\"hyperparameters\": {\"optimizer\": \"lbfgs\"}}");
            assertThat(fails(2, "sweep", optimizer.toString(), "--runs-dir", runs()))
                    .contains("\"optimizer\" must be one of adam, sgd");
            assertThat(fails(2, "bench", "--preset", "resnet"))
                    .contains("no preset named 'resnet'");
            Path broken = write("broken-sweep.json", "{\"name\": ");
            assertThat(fails(2, "sweep", broken.toString(), "--runs-dir", runs()))
                    .contains("line 1, column")
                    .contains("not valid JSON");
        }
    }

    @Nested
    class Row3DataNotFoundOrMalformed {
        @Test
        void aDataSetThatDoesNotExist() {
            String nowhere = dir.resolve("nowhere").toString();
            for (String command : new String[] {"train", "bench", "crossval"}) {
                assertThat(fails(3, command, "--dataset", nowhere))
                        .isEqualTo(
                                "Data problem: no data set named '"
                                        + nowhere
                                        + "' and no such file — use "
                                        + DataSets.NAMES);
            }
        }

        @Test
        void aDamagedSavedRun() throws Exception {
            write("runs/20260101-000000-broken/manifest.json", "{not json");
            String err = fails(3, "evaluate", "20260101-000000-broken", "--runs-dir", runs());
            assertThat(err).startsWith("Saved run problem: 20260101-000000-broken/manifest.json");
            assertThat(fails(3, "predict", "20260101", "x.png", "--runs-dir", runs()))
                    .startsWith("Saved run problem: ");
        }
    }

    @Nested
    class Row4And5EndsOfTraining {
        @Test
        void aDivergedRunIsFourAndACancelledOneFive() {
            PrintWriter out = new PrintWriter(new StringWriter());
            RunSaveOutcome discarded =
                    new RunSaveOutcome(RunSaveOutcome.Kind.DISCARDED, null, "Nothing was saved.");
            assertThatThrownBy(
                            () ->
                                    TrainCommand.finish(
                                            out,
                                            new TrainingEvent.RunFailed(
                                                    "r",
                                                    "the loss is NaN — the training diverged",
                                                    "lower the learning rate",
                                                    1,
                                                    3),
                                            discarded,
                                            null))
                    .isInstanceOfSatisfying(
                            CliFailure.Exit.class,
                            e -> {
                                CliFailure f = CliFailure.of(e);
                                assertThat(f.exitCode()).isEqualTo(ExitCodes.DIVERGED);
                                assertThat(f.message())
                                        .startsWith("Training failed: the loss is NaN");
                            });
            assertThatThrownBy(
                            () ->
                                    TrainCommand.finish(
                                            out,
                                            new TrainingEvent.RunCancelled("r", 1, 2, 3),
                                            discarded,
                                            null))
                    .isInstanceOfSatisfying(
                            CliFailure.Exit.class,
                            e ->
                                    assertThat(CliFailure.of(e).exitCode())
                                            .isEqualTo(ExitCodes.CANCELLED));
        }
    }

    @Nested
    class Rows11To14Resume {

        org.dnw.store.RunStore store() {
            return new org.dnw.store.RunStore(dir.resolve("runs"));
        }

        /** A draft like an interrupted run's: named with its owner's id, that process ended. */
        Path interrupted(String name, boolean recipe, boolean checkpoint, boolean renamed)
                throws Exception {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            long pid = p.pid();
            Path draft =
                    Files.createDirectories(
                            dir.resolve("runs")
                                    .resolve(
                                            ".tmp-20260304-050607-"
                                                    + name
                                                    + "-"
                                                    + (renamed ? pid + 1 : pid)));
            new org.dnw.store.DraftOwner(
                            org.dnw.store.DraftOwner.localHostName(),
                            pid,
                            null,
                            java.time.Instant.now())
                    .writeTo(draft);
            org.dnw.store.RunEvents.Writer log = org.dnw.store.RunEvents.appendTo(draft);
            log.accept(
                    new TrainingEvent.RunStarted(
                            name,
                            org.dnw.store.FakeRun.spec(),
                            org.dnw.store.FakeRun.hyperparameters(),
                            "MNIST (sample)",
                            10,
                            "CPU",
                            30,
                            6,
                            9,
                            4,
                            java.util.Map.of(),
                            java.time.Instant.now()));
            log.close();
            if (recipe) {
                new org.dnw.store.RunRecipe(
                                1,
                                name,
                                new org.dnw.store.RunRecipe.DataReference(
                                        "mnist-sample", null, 100),
                                org.dnw.spec.Presets.load("mlp"),
                                org.dnw.train.Hyperparameters.defaults(),
                                org.dnw.data.AugmentationSpec.NONE,
                                org.dnw.train.EngineKind.DJL,
                                0)
                        .writeTo(draft);
            }
            if (checkpoint) {
                org.dnw.train.Checkpoints.write(
                        draft.resolve(org.dnw.train.Checkpoints.FOLDER),
                        1,
                        f -> Files.writeString(f.resolve("state"), "x"));
            }
            return draft;
        }

        @Test
        void aCompleteRunHasNothingToResume() throws Exception {
            org.dnw.store.RunStore store = store();
            org.dnw.runs.RunRecorder recorder =
                    new org.dnw.runs.RunRecorder(
                            store, store.begin("done"), org.dnw.store.FakeRun.DATASET);
            org.dnw.store.FakeRun.playFinished(recorder);
            Path folder = recorder.outcome().get().folder();

            assertThat(fails(ExitCodes.RUN_COMPLETE, "train", "--resume", folder.toString()))
                    .endsWith(
                            "is a complete run: there is nothing to resume — 'workbench runs'"
                                    + " lists it");
            fails(
                    ExitCodes.RUN_COMPLETE,
                    "train",
                    "--resume",
                    folder.getFileName().toString(),
                    "--runs-dir",
                    runs());
        }

        @Test
        void aRunStillTrainingIsNotResumed() throws Exception {
            org.dnw.store.RunStore store = store();
            org.dnw.store.RunDraft draft = store.begin("busy");
            org.dnw.store.RunEvents.Writer log = org.dnw.store.RunEvents.appendTo(draft.folder());
            log.accept(org.dnw.store.FakeRun.started());
            log.close();
            try {
                assertThat(
                                fails(
                                        ExitCodes.RUN_STILL_TRAINING,
                                        "train",
                                        "--resume",
                                        org.dnw.store.FakeRun.RUN_NAME,
                                        "--runs-dir",
                                        runs()))
                        .contains("is still training in another process");
            } finally {
                store.discard(draft);
            }
        }

        @Test
        void anInterruptedRunWithoutACheckpointOrRecipe() throws Exception {
            interrupted("early", true, false, false);
            assertThat(
                            fails(
                                    ExitCodes.NO_CHECKPOINT,
                                    "train",
                                    "--resume",
                                    "early",
                                    "--runs-dir",
                                    runs()))
                    .contains("has no usable checkpoint (it stopped before its first epoch ended)");
            interrupted("old", false, true, false);
            assertThat(
                            fails(
                                    ExitCodes.NO_CHECKPOINT,
                                    "train",
                                    "--resume",
                                    "old",
                                    "--runs-dir",
                                    runs()))
                    .contains("cannot be resumed: it has no recipe.json");
        }

        @Test
        void aRunAnotherProcessIsResumingIsLeftToIt() throws Exception {
            Path draft = interrupted("raced", true, true, true);
            assertThat(
                            fails(
                                    ExitCodes.RESUMED_ELSEWHERE,
                                    "train",
                                    "--resume",
                                    "raced",
                                    "--runs-dir",
                                    runs()))
                    .contains("is being resumed by another process");
            assertThat(draft).isDirectory();
        }
    }
}
