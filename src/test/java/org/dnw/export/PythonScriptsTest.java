package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DatasetCatalog;
import org.dnw.store.DatasetInfo;
import org.dnw.store.FakeRun;
import org.dnw.store.RunManifest;
import org.dnw.store.RunRecipe;
import org.dnw.store.RunResults;
import org.dnw.store.SavedRun;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java side of the exported scripts, without Python or data: the run's recipe written as the
 * constants at the top of train.py and evaluate.py, augment.py only where the run augmented, and
 * where the scripts are told the data is ({@link ScriptData}).
 */
class PythonScriptsTest {

    @TempDir Path dir;

    private static final Hyperparameters HP =
            new Hyperparameters(
                    OptimizerKind.NESTEROV,
                    0.05,
                    ScheduleKind.STEP,
                    3,
                    0.01,
                    1e-4,
                    32,
                    6,
                    0.25,
                    -9L,
                    LossKind.SQUARED_ERROR,
                    2);

    private ExportedRun run(DatasetInfo dataset, RunRecipe recipe) {
        RunManifest manifest =
                new RunManifest(
                        RunManifest.FORMAT_VERSION,
                        FakeRun.RUN_NAME,
                        FakeRun.spec(),
                        HP,
                        HP.seed(),
                        dataset,
                        Map.of(),
                        "CPU",
                        199,
                        FakeRun.STARTED,
                        FakeRun.FINISHED,
                        61_000,
                        new RunResults(0.875, 0.61, 0.9, 2, 3),
                        "01Conv2d_weight",
                        List.of());
        SavedRun saved =
                new SavedRun(
                        dir.resolve("20260304-050607-tiny"),
                        manifest,
                        List.of(),
                        null,
                        null,
                        List.of());
        return new ExportedRun(
                saved,
                Optional.ofNullable(recipe),
                TorchNetwork.of(FakeRun.spec(), FakeRun.parameters()));
    }

    private static RunRecipe recipe(String dataset, Integer subset, AugmentationSpec augmentation) {
        return new RunRecipe(
                RunRecipe.FORMAT_VERSION,
                "tiny",
                new RunRecipe.DataReference(dataset, null, subset),
                FakeRun.spec(),
                HP,
                augmentation,
                EngineKind.DJL,
                5);
    }

    private static DatasetInfo info(String name, String path) {
        return new DatasetInfo(
                name, FakeRun.CLASS_NAMES, Map.of(), 30, 6, 9, path, path == null ? null : "3");
    }

    private DatasetCatalog.Locations nowhere() {
        return new DatasetCatalog.Locations(null, null, null, null, List.of(), null);
    }

    @Test
    void trainPyStartsWithTheRunsRecipeAsConstants() {
        ExportedRun run =
                run(
                        info("Toy", "/data/toy \"set\".csv"),
                        recipe("toy.csv", 500, AugmentationSpec.NONE));

        Map<String, String> files = PythonScripts.files(run, ScriptData.of(run, nowhere()));

        String train = files.get("train.py");
        assertThat(train)
                .contains("DATA = \"/data/toy \\\"set\\\".csv\"\n")
                .contains("LABEL_COLUMN = \"3\"\n")
                .contains("TRAIN_SUBSET = 500\n")
                .contains("VALIDATION_SHARE = 0.25\n")
                .contains("SEED = -9\n")
                .contains("OPTIMIZER = \"nesterov\"\n")
                .contains("LEARNING_RATE = 0.05\n")
                .contains("SCHEDULE = \"step\"\n")
                .contains("STEP_EPOCHS = 3\n")
                .contains("WEIGHT_DECAY = 1.0E-4\n")
                .contains("BATCH_SIZE = 32\n")
                .contains("EPOCHS = 6\n")
                .contains("LOSS = \"squared-error\"\n")
                .contains("PATIENCE = 2\n")
                .contains("SIGMOID = False\n")
                .contains("AUGMENTATION = None\n")
                .contains("RUN_SPLIT_SIZES = (30, 6, 9)")
                .contains("RUN_TEST_ACCURACY = 0.875\n")
                .contains("Trains the network of the workbench run 20260304-050607-tiny")
                .doesNotContain("@@");
        assertThat(files.get("evaluate.py"))
                .contains("DATA = \"/data/toy \\\"set\\\".csv\"\n")
                .contains("RUN_TEST_ACCURACY = 0.875\n")
                .doesNotContain("@@")
                .doesNotContain("OPTIMIZER");
        assertThat(files.get("data.py")).contains("class JavaRandom").contains("def stratified");
        assertThat(files).containsOnlyKeys("README.md", "data.py", "train.py", "evaluate.py");
        assertThat(files.get("README.md"))
                .contains("python3 evaluate.py")
                .contains("python3 train.py --epochs 1")
                .contains("--data PATH")
                .contains("model.load_state_dict(torch.load(\"model.pt\"))")
                .contains("87.50 %")
                .contains("python3-pil");
    }

    @Test
    void augmentPyIsWrittenOnlyWhenTheRunAugmented() {
        AugmentationSpec turns = new AugmentationSpec(0, 0, 0, 2, 15, 0, 0, 0.5, 0.8, 0.5);
        ExportedRun run = run(info("Toy", "/data/toy"), recipe("/data/toy", null, turns));

        Map<String, String> files = PythonScripts.files(run, ScriptData.of(run, nowhere()));

        assertThat(files).containsKey("augment.py");
        assertThat(files.get("augment.py")).contains("def shift_rotate").contains("def erase_box");
        assertThat(files.get("train.py"))
                .contains("AUGMENTATION = {\n")
                .contains("\"probability\": 0.8,")
                .contains("\"max_shift_pixels\": 2,")
                .contains("\"max_rotation_degrees\": 15.0,")
                .contains("\"erasing_probability\": 0.5,")
                .contains("\"flip_probability\": 0.5,")
                .contains("TRAIN_SUBSET = None\n");
        assertThat(files.get("augment.py")).contains("x.flip(-1)");

        AugmentationSpec flipOnly = AugmentationSpec.NONE.withFlipProbability(0.5);
        ExportedRun mirrors = run(info("Toy", "/data/toy"), recipe("/data/toy", null, flipOnly));
        Map<String, String> flipFiles =
                PythonScripts.files(mirrors, ScriptData.of(mirrors, nowhere()));
        assertThat(flipFiles).containsKey("augment.py");
        assertThat(flipFiles.get("train.py")).contains("\"flip_probability\": 0.5,");
    }

    @Test
    void aBuiltInSetIsWhereTheCatalogFindsItAtExportTime() throws Exception {
        Path root = dir.resolve("datasets");
        Path mnist = Files.createDirectories(root.resolve("mnist"));
        for (String f :
                List.of(
                        "train-images-idx3-ubyte.gz",
                        "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz")) {
            Files.write(mnist.resolve(f), new byte[] {1});
        }
        ExportedRun run = run(info("MNIST", null), recipe("mnist", null, AugmentationSpec.NONE));

        ScriptData found = ScriptData.of(run, nowhere().withWorkbenchData(root));
        ScriptData missing = ScriptData.of(run, nowhere());

        assertThat(found.path()).isEqualTo(mnist.toAbsolutePath().toString());
        assertThat(found.description()).isEqualTo("MNIST");
        assertThat(found.tableClasses()).isNull();
        assertThat(missing.path()).isNull();
        assertThat(PythonScripts.files(run, missing).get("evaluate.py")).contains("DATA = None\n");
        assertThat(PythonScripts.files(run, missing).get("README.md"))
                .contains("did not find on this computer");
    }

    @Test
    void theWheatTableKeepsItsClassNamesAndARecordedPathWins() throws Exception {
        Path root = Files.createDirectories(dir.resolve("datasets").resolve("wheat-seeds"));
        Files.writeString(root.resolve("seeds_dataset.txt"), "1 2 3 4 5 6 7 1\n");
        ExportedRun wheat =
                run(
                        info("Wheat seeds (UCI)", null),
                        recipe("wheat-seeds", null, AugmentationSpec.NONE));
        ExportedRun own = run(info("mine", "/somewhere/mine.csv"), recipe("mine.csv", null, null));

        ScriptData table = ScriptData.of(wheat, nowhere().withWorkbenchData(root.getParent()));
        ScriptData recorded = ScriptData.of(own, nowhere().withWorkbenchData(root.getParent()));

        assertThat(table.path()).endsWith("seeds_dataset.txt");
        assertThat(table.tableClasses()).containsExactly("Kama", "Rosa", "Canadian");
        assertThat(PythonScripts.files(wheat, table).get("train.py"))
                .contains("TABLE_CLASSES = [\"Kama\", \"Rosa\", \"Canadian\"]\n");
        assertThat(recorded.path()).isEqualTo("/somewhere/mine.csv");
        assertThat(recorded.labelColumn()).isEqualTo("3");
        assertThat(PythonScripts.files(own, recorded).get("train.py"))
                .contains("AUGMENTATION = None\n");
    }

    @Test
    void numbersArePythonLiterals() {
        assertThat(PythonScripts.number(0.001)).isEqualTo("0.001");
        assertThat(PythonScripts.number(1e-5)).isEqualTo("1.0E-5");
        assertThat(PythonScripts.number(Double.NaN)).isEqualTo("float(\"nan\")");
    }
}
