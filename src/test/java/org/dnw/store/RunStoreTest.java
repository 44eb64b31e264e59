package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.dnw.eval.ClassificationReport;
import org.dnw.runs.RunRecorder;
import org.dnw.runs.RunSaveOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir Path root;
    RunStore store;

    @BeforeEach
    void setUp() {
        store = new RunStore(root, ZoneOffset.UTC);
    }

    Path saveFakeRun() throws IOException {
        RunRecorder recorder =
                new RunRecorder(store, store.begin(FakeRun.RUN_NAME), FakeRun.DATASET);
        FakeRun.playFinished(recorder);
        RunSaveOutcome outcome = recorder.outcome().getNow(null);
        assertThat(outcome.kind()).as(outcome.message()).isEqualTo(RunSaveOutcome.Kind.SAVED);
        return outcome.folder();
    }

    @Test
    void beginMakesAHiddenDraftInsideTheRoot() throws IOException {
        RunDraft draft = store.begin("my run");

        assertThat(draft.folder().getParent()).isEqualTo(root);
        assertThat(draft.folder().getFileName().toString()).startsWith(".tmp-");
        try (var files = Files.list(draft.folder())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(DraftOwner.FILE, DraftOwner.HEARTBEAT_FILE);
        }
        assertThat(draft.runName()).isEqualTo("my run");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void loadReadsBackWhatWasRecorded() throws IOException {
        Path folder = saveFakeRun();

        SavedRun run = store.load(folder);

        assertThat(run.folder()).isEqualTo(folder);
        assertThat(run.manifest().runName()).isEqualTo(FakeRun.RUN_NAME);
        assertThat(run.classNames()).isEqualTo(FakeRun.CLASS_NAMES);
        assertThat(run.epochs()).hasSize(3);
        assertThat(run.epochs().get(1))
                .isEqualTo(new EpochMetrics(2, 0.5, 0.7, 0.55, 0.8, 1e-3, 1.502));
        ClassificationReport expected =
                ClassificationReport.of(FakeRun.ACTUAL, FakeRun.PREDICTED, 3);
        assertThat(run.test().report()).isEqualTo(expected);
        assertThat(run.test().accuracy()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(run.test().loss()).isEqualTo(0.61);
        assertThat(run.test().actual()).containsExactly(FakeRun.ACTUAL);
        assertThat(run.test().predicted()).containsExactly(FakeRun.PREDICTED);
        assertThat(run.test().probabilities()).containsExactly(FakeRun.test().probabilities());
        assertThat(run.firstLayer().name()).isEqualTo("01Conv2d_weight");
        assertThat(run.firstLayer().shape()).containsExactly(4, 1, 3, 3);
        assertThat(run.firstLayer().values()).containsExactly(FakeRun.ramp(36));
        assertThat(run.modelFiles()).containsExactly(folder.resolve(FakeRun.PARAMS_FILE));
    }

    @Test
    void csvFilesAreReadableWithQuotedClassNames() throws IOException {
        Path folder = saveFakeRun();

        assertThat(Files.readAllLines(folder.resolve("confusion.csv")))
                .containsExactly(
                        "actual\\predicted,\"cat, the first\",\"dog \"\"2\"\"\",bird",
                        "\"cat, the first\",2,1,0",
                        "\"dog \"\"2\"\"\",0,3,0",
                        "bird,1,0,2");
        List<String> metrics = Files.readAllLines(folder.resolve("metrics.csv"));
        assertThat(metrics.get(0))
                .isEqualTo(
                        "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
                                + "learning_rate,seconds");
        assertThat(metrics).hasSize(4);
        assertThat(metrics.get(1)).isEqualTo("1,1.0,0.5,1.1,0.5,0.001,1.501");
        List<String> classMetrics = Files.readAllLines(folder.resolve("class-metrics.csv"));
        assertThat(classMetrics.get(0)).isEqualTo("index,class,precision,recall,f1,support");
        // bird: tp 2, predicted 2, support 3
        assertThat(classMetrics.get(3)).isEqualTo("2,bird,1.0,0.6666666666666666,0.8,3");
        assertThat(classMetrics.get(4)).startsWith(",macro avg,");
        assertThat(classMetrics.get(5)).startsWith(",weighted avg,").endsWith(",9");
        List<String> predictions = Files.readAllLines(folder.resolve("predictions.csv"));
        assertThat(predictions.get(0)).isEqualTo("index,actual,predicted,p0,p1,p2");
        assertThat(predictions.get(3)).isEqualTo("2,0,1,0.0,0.75,0.25");
        assertThat(predictions).hasSize(10);
    }

    @Test
    void firstLayerPngIsAGreyGridOfTheFourKernels() throws IOException {
        Path folder = saveFakeRun();

        BufferedImage png = ImageIO.read(folder.resolve("first-layer.png").toFile());

        // 4 kernels of 3 × 3: 22 px per weight (3 × 22 ≥ 64), 11 px gaps, 2 × 2 tiles of 66 px
        assertThat(png.getWidth()).isEqualTo(2 * 66 + 3 * 11);
        assertThat(png.getHeight()).isEqualTo(2 * 66 + 3 * 11);
        assertThat(png.getRaster().getNumBands()).isEqualTo(1);
        assertThat(png.getRaster().getSample(11, 11, 0)).isZero();
        assertThat(png.getRaster().getSample(11 + 65, 11 + 65, 0)).isEqualTo(255);
    }

    @Test
    void weightsNpzIsReadByNumpy() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                PythonNumpy.available(), "python3 with numpy not found: skipping numpy check");
        Path folder = saveFakeRun();

        PythonNumpy.Result r =
                PythonNumpy.run(
                        "import numpy as np; z = np.load('weights.npz');"
                                + " f = np.load('first-layer.npy');"
                                + " print(sorted(z.files), z['04Linear_weight'].shape,"
                                + " bool((z['01Conv2d_weight'] == f).all()))",
                        folder);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output())
                .isEqualTo(
                        "['01Conv2d_bias', '01Conv2d_weight', '04Linear_bias',"
                                + " '04Linear_weight'] (3, 64) True");
    }

    @Test
    void listSummarisesEveryRunNewestFirst() throws IOException {
        Path first = saveFakeRun();
        Path second = saveFakeRun();

        List<RunSummary> runs = store.list();

        // the same start second: the second run gets a suffix, and sorts first
        assertThat(second.getFileName().toString()).isEqualTo("20260304-050607-tiny-run-1-2");
        assertThat(runs).extracting(RunSummary::folder).containsExactly(second, first);
        RunSummary s = runs.get(1);
        assertThat(s.status()).isEqualTo(RunStatus.OK);
        assertThat(s.problem()).isNull();
        assertThat(s.runName()).isEqualTo(FakeRun.RUN_NAME);
        assertThat(s.datasetName()).isEqualTo("Toy");
        assertThat(s.specName()).isEqualTo("tiny-cnn");
        assertThat(s.parameterCount()).isEqualTo(199);
        assertThat(s.epochsCompleted()).isEqualTo(3);
        assertThat(s.bestValidationAccuracy()).isEqualTo(0.8);
        assertThat(s.testAccuracy()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(s.durationMillis()).isEqualTo(61_000);
        assertThat(s.device()).isEqualTo("CPU (2 threads)");
        assertThat(s.startedAt()).isEqualTo(FakeRun.STARTED);
    }

    @Test
    void deletedManifestIsListedAsDamaged() throws IOException {
        Path folder = saveFakeRun();
        Files.delete(folder.resolve("manifest.json"));

        RunSummary s = store.list().get(0);

        assertThat(s.status()).isEqualTo(RunStatus.DAMAGED);
        assertThat(s.problem()).isEqualTo("20260304-050607-tiny-run-1/manifest.json: is missing");
        assertThat(s.runName()).isEqualTo("20260304-050607-tiny-run-1");
        assertThat(s.testAccuracy()).isNaN();
        assertThatThrownBy(() -> store.load(folder))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("manifest.json: is missing");
    }

    @Test
    void garbageManifestIsListedAsDamaged() throws IOException {
        Path folder = saveFakeRun();
        Files.writeString(folder.resolve("manifest.json"), "\u0000\u0001 not json {");

        RunSummary s = store.list().get(0);

        assertThat(s.isDamaged()).isTrue();
        assertThat(s.problem()).contains("manifest.json: is not valid JSON");
    }

    @Test
    void manifestWithBrokenSpecIsListedAsDamaged() throws IOException {
        Path folder = saveFakeRun();
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replaceFirst("\"layers\" : \\[", "\"layers\" : 5, \"x\" : ["));

        RunSummary s = store.list().get(0);

        assertThat(s.isDamaged()).isTrue();
        assertThat(s.problem()).contains("manifest.json: is not a valid run manifest");
    }

    @Test
    void truncatedMetricsAreListedAsDamaged() throws IOException {
        Path folder = saveFakeRun();
        Path metrics = folder.resolve("metrics.csv");
        byte[] bytes = Files.readAllBytes(metrics);
        // cut inside the last line
        Files.write(metrics, java.util.Arrays.copyOf(bytes, bytes.length - 12));

        RunSummary s = store.list().get(0);

        assertThat(s.isDamaged()).isTrue();
        assertThat(s.problem())
                .startsWith("20260304-050607-tiny-run-1/metrics.csv: line 4 has")
                .contains("truncated");
        // what the manifest could tell is still shown
        assertThat(s.runName()).isEqualTo(FakeRun.RUN_NAME);
        assertThat(s.testAccuracy()).isCloseTo(7.0 / 9, within(1e-12));
    }

    @Test
    void metricsCutAtALineEndAreListedAsDamaged() throws IOException {
        Path folder = saveFakeRun();
        Path metrics = folder.resolve("metrics.csv");
        List<String> lines = Files.readAllLines(metrics);
        Files.write(metrics, lines.subList(0, 3), StandardCharsets.UTF_8);

        assertThat(store.list().get(0).problem())
                .contains("holds 2 epochs but the manifest records 3");
    }

    @Test
    void missingParamsAreListedAsDamagedButTheRunStillLoads() throws IOException {
        Path folder = saveFakeRun();
        Files.delete(folder.resolve(FakeRun.PARAMS_FILE));

        RunSummary s = store.list().get(0);

        assertThat(s.isDamaged()).isTrue();
        assertThat(s.problem())
                .isEqualTo(
                        "20260304-050607-tiny-run-1/"
                                + FakeRun.PARAMS_FILE
                                + ": is missing: the trained model's params cannot be loaded");
        assertThat(store.load(folder).modelFiles()).isEmpty();
    }

    @Test
    void folderWithoutAnythingIsDamagedAndPlainFilesAndDraftsAreSkipped() throws IOException {
        Files.createDirectory(root.resolve("my notes"));
        Files.writeString(root.resolve("readme.txt"), "not a run");
        Files.createFile(root.resolve(".gitkeep"));
        store.begin("in progress");

        List<RunSummary> runs = store.list();

        assertThat(runs).extracting(RunSummary::folderName).containsExactly("my notes");
        assertThat(runs.get(0).problem()).contains("manifest.json: is missing");
    }

    @Test
    void newerManifestVersionGivesAClearMessage() throws IOException {
        Path folder = saveFakeRun();
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));

        assertThat(store.list().get(0).problem()).contains("newer version of the workbench");
        assertThatThrownBy(() -> store.load(folder))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("manifest format 7")
                .hasMessageContaining("update the workbench");
    }

    @Test
    void loadNamesAMissingOrCorruptFile() throws IOException {
        Path folder = saveFakeRun();
        Files.writeString(folder.resolve("confusion.csv"), "actual\\predicted,a,b\na,1\n");

        assertThatThrownBy(() -> store.load(folder))
                .isInstanceOf(RunFormatException.class)
                .hasMessageStartingWith("20260304-050607-tiny-run-1/confusion.csv:");

        Files.delete(folder.resolve("confusion.csv"));
        assertThatThrownBy(() -> store.load(folder))
                .hasMessage("20260304-050607-tiny-run-1/confusion.csv: is missing");
        assertThatThrownBy(() -> store.load(root.resolve("nothing-here")))
                .isInstanceOf(RunFormatException.class);
    }

    @Test
    void cleanStaleDraftsRemovesLeftoversButNotOpenDrafts() throws IOException {
        Path stale = Files.createDirectory(root.resolve(".tmp-12345"));
        Files.writeString(stale.resolve("model-0001.params"), "half");
        Files.setLastModifiedTime(
                stale, FileTime.from(Instant.now().minus(DraftOwner.STALE_AFTER).minusSeconds(60)));
        RunDraft open = store.begin("running");
        Path run = saveFakeRun();

        int removed = store.cleanStaleDrafts();

        assertThat(removed).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(open.folder()).isDirectory();
        assertThat(run).isDirectory();
    }

    @Test
    void aDraftRecordsItsOwnerAndThePublishedRunDoesNot() throws IOException {
        RunDraft draft = store.begin("owned");

        DraftOwner owner = DraftOwner.readFrom(draft.folder()).orElseThrow();
        assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(owner.host()).isEqualTo(DraftOwner.localHostName());
        assertThat(draft.folder().resolve(DraftOwner.HEARTBEAT_FILE)).isRegularFile();
        store.discard(draft);

        Path run = saveFakeRun();
        assertThat(run.resolve(DraftOwner.FILE)).doesNotExist();
        assertThat(run.resolve(DraftOwner.HEARTBEAT_FILE)).doesNotExist();
    }

    @Test
    void discardDeletesTheDraft() throws IOException {
        RunDraft draft = store.begin("x");
        Files.writeString(draft.folder().resolve("a.params"), "p");

        store.discard(draft);

        assertThat(draft.folder()).doesNotExist();
        assertThat(store.cleanStaleDrafts()).isZero();
    }

    @Test
    void deleteRemovesARunAndRefusesFoldersOutsideTheStore(@TempDir Path outside)
            throws IOException {
        Path folder = saveFakeRun();
        RunSummary summary = store.list().get(0);

        store.delete(summary);

        assertThat(folder).doesNotExist();
        assertThat(FakeRun.fileNames(root)).isEmpty();
        assertThatThrownBy(() -> store.delete(outside))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).isDirectory();
    }

    @Test
    void listOfAMissingRootIsEmpty() throws IOException {
        assertThat(new RunStore(root.resolve("not-yet")).list()).isEmpty();
        assertThat(new RunStore(root.resolve("not-yet")).cleanStaleDrafts()).isZero();
    }

    @Test
    void namesAreSanitisedForFolders() {
        assertThat(RunStore.sanitiseName("tiny run/1")).isEqualTo("tiny-run-1");
        assertThat(RunStore.sanitiseName("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(RunStore.sanitiseName(".hidden")).isEqualTo("hidden");
        assertThat(RunStore.sanitiseName("Überlauf: CNN * 2")).isEqualTo("Uberlauf-CNN-2");
        assertThat(RunStore.sanitiseName("  ")).isEqualTo("run");
        assertThat(RunStore.sanitiseName(null)).isEqualTo("run");
        assertThat(RunStore.sanitiseName("x".repeat(100))).hasSize(RunStore.MAX_NAME_LENGTH);
    }
}
