package org.dnw.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplitter;
import org.dnw.spec.OutputActivation;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunManifest;
import org.dnw.store.RunRecipe;
import org.dnw.train.Hyperparameters;

/**
 * The files of a PyTorch export besides the network and its weights: {@code data.py} (reads the
 * run's data and splits it as the workbench does), {@code train.py} (the run's recipe as a plain
 * training loop), {@code evaluate.py} (tests {@code model.pt}), {@code augment.py} when the run
 * augmented its images, and {@code README.md}. The fixed code is kept as resources beside this
 * class ({@code python/*.py}); the run's settings are written as constants where a script says
 * {@value #SETTINGS}. Stateless.
 */
final class PythonScripts {

    /** The line of a script resource that the run's settings replace. */
    static final String SETTINGS = "# @@SETTINGS@@";

    /** Where a script resource names the run. */
    static final String RUN = "@@RUN@@";

    private PythonScripts() {}

    /** File name → text, in the order a reader meets them. */
    static Map<String, String> files(ExportedRun run) {
        return files(run, ScriptData.of(run));
    }

    /** As {@link #files(ExportedRun)}, the data found at {@code data}. */
    static Map<String, String> files(ExportedRun run, ScriptData data) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("README.md", readme(run, data));
        out.put("data.py", resource("data.py"));
        out.put("train.py", script("train.py", run, trainSettings(run, data)));
        out.put("evaluate.py", script("evaluate.py", run, evaluateSettings(run, data)));
        if (augments(run)) {
            out.put("augment.py", resource("augment.py"));
        }
        return out;
    }

    private static String script(String name, ExportedRun run, String settings) {
        String text = resource(name).replace(RUN, run.runName());
        if (!text.contains(SETTINGS + "\n")) {
            throw new IllegalStateException(name + " lacks its settings line");
        }
        return text.replace(SETTINGS + "\n", settings);
    }

    /** The text of the resource {@code python/name}. */
    static String resource(String name) {
        try (InputStream in = PythonScripts.class.getResourceAsStream("python/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks the resource python/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the settings blocks

    private static Hyperparameters hyperparameters(ExportedRun run) {
        return run.recipe()
                .map(RunRecipe::hyperparameters)
                .orElse(run.run().manifest().hyperparameters());
    }

    private static AugmentationSpec augmentation(ExportedRun run) {
        AugmentationSpec spec = run.recipe().map(RunRecipe::augmentation).orElse(null);
        return spec == null ? AugmentationSpec.NONE : spec;
    }

    /** Whether the run augmented its training images (augment.py is written, and used). */
    private static boolean augments(ExportedRun run) {
        return augmentation(run).isActive() && run.network().spec().input().isImage();
    }

    private static double testAccuracy(ExportedRun run) {
        RunManifest m = run.run().manifest();
        return m.results() == null ? Double.NaN : m.results().testAccuracy();
    }

    private static void dataLines(Python py, ScriptData data) {
        py.line("# The data set: " + data.description() + ". --data PATH overrides where it is.");
        py.line("DATA = " + (data.path() == null ? "None" : Python.string(data.path())));
        py.line("# a table's label column (a header name or a number from 1); None: as guessed");
        py.line(
                "LABEL_COLUMN = "
                        + (data.labelColumn() == null
                                ? "None"
                                : Python.string(data.labelColumn())));
        py.line("# the names a table's sorted labels stand for; None: the labels themselves");
        py.line(
                "TABLE_CLASSES = "
                        + (data.tableClasses() == null
                                ? "None"
                                : Python.list(data.tableClasses())));
    }

    static String evaluateSettings(ExportedRun run, ScriptData data) {
        Python py = new Python();
        py.line("# ---- the run's settings, written by the workbench when it exported the run");
        dataLines(py, data);
        py.line("# the test accuracy the workbench measured, to compare with");
        py.line("RUN_TEST_ACCURACY = " + number(testAccuracy(run)));
        return py.toString();
    }

    static String trainSettings(ExportedRun run, ScriptData data) {
        Hyperparameters hp = hyperparameters(run);
        Integer subset = run.recipe().map(r -> r.data().trainSubset()).orElse(null);
        Python py = new Python();
        py.line("# ---- the run's recipe, written by the workbench when it exported the run");
        dataLines(py, data);
        py.line("# train on this many training samples, evenly spaced (None: all of them)");
        py.line("TRAIN_SUBSET = " + (subset == null ? "None" : subset.toString()));
        py.line("# the share of the training samples held out for validation, stratified");
        py.line("VALIDATION_SHARE = " + number(hp.validationShare()));
        py.line("# seeds the validation split (exactly as the workbench), the weights, the order");
        py.line("SEED = " + hp.seed());
        py.line("# adam, sgd, momentum, nesterov, rmsprop or adagrad");
        py.line("OPTIMIZER = " + Python.string(lower(hp.optimizer().name())));
        py.line("LEARNING_RATE = " + number(hp.learningRate()));
        py.line("# the learning rate per epoch: fixed, step (x 0.1 every STEP_EPOCHS), cosine");
        py.line("# (to 0 over the epochs) or decay (LEARNING_RATE / (1 + DECAY_RATE * epoch))");
        py.line("SCHEDULE = " + Python.string(lower(hp.schedule().name())));
        py.line("STEP_EPOCHS = " + hp.stepEpochs());
        py.line("DECAY_RATE = " + number(hp.decayRate()));
        py.line("WEIGHT_DECAY = " + number(hp.weightDecay()));
        py.line("BATCH_SIZE = " + hp.batchSize());
        py.line("EPOCHS = " + hp.epochCount());
        py.line("# cross-entropy or squared-error");
        py.line("LOSS = " + Python.string(lower(hp.loss().name())));
        py.line("# stop when the validation loss has not fallen for this many epochs (0: never)");
        py.line("PATIENCE = " + hp.patience());
        py.line("# true when the network ends in one sigmoid unit (two classes)");
        py.line(
                "SIGMOID = "
                        + (run.network().outputActivation() == OutputActivation.SIGMOID
                                ? "True"
                                : "False"));
        AugmentationSpec a = augmentation(run);
        py.line("# the training images' augmentation (augment.py); None: none");
        if (augments(run)) {
            py.line("AUGMENTATION = {");
            py.line("    \"probability\": " + number(a.probability()) + ",");
            py.line("    \"max_shift_pixels\": " + a.maxShiftPixels() + ",");
            py.line("    \"max_rotation_degrees\": " + number(a.maxRotationDegrees()) + ",");
            py.line("    \"contrast_delta\": " + number(a.contrastDelta()) + ",");
            py.line("    \"brightness_delta\": " + number(a.brightnessDelta()) + ",");
            py.line("    \"blur_sigma\": " + number(a.blurSigma()) + ",");
            py.line("    \"gaussian_noise_sigma\": " + number(a.gaussianNoiseSigma()) + ",");
            py.line("    \"salt_pepper_share\": " + number(a.saltPepperShare()) + ",");
            py.line("    \"erasing_probability\": " + number(a.erasingProbability()) + ",");
            py.line("    \"flip_probability\": " + number(a.flipProbability()) + ",");
            py.line("}");
        } else {
            py.line("AUGMENTATION = None");
        }
        DatasetInfo info = run.run().manifest().dataset();
        py.line("# what the workbench's run had and measured, to compare with");
        py.line(
                "RUN_SPLIT_SIZES = ("
                        + (info == null
                                ? "0, 0, 0"
                                : info.trainSize()
                                        + ", "
                                        + info.validationSize()
                                        + ", "
                                        + info.testSize())
                        + ")  # training, validation, test");
        py.line("RUN_TEST_ACCURACY = " + number(testAccuracy(run)));
        return py.toString();
    }

    /** A Python float literal; NaN as float("nan"). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "float(\"nan\")";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float(\"inf\")" : "float(\"-inf\")";
        }
        return Double.toString(v);
    }

    private static String lower(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---------------------------------------------------------------- README.md

    private static String readme(ExportedRun run, ScriptData data) {
        Hyperparameters hp = hyperparameters(run);
        double accuracy = testAccuracy(run);
        boolean images = run.network().spec().input().isImage();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(run.runName()).append(" as PyTorch\n\n");
        md.append("Exported by Deep Network Workbench: the network, its trained weights, and the")
                .append(" run's recipe as plain PyTorch.\n\n");
        md.append("| file | what it is |\n|---|---|\n");
        md.append("| `model.py` | the network as an `nn.Module` named `Net` (and `CLASSES`)|\n");
        md.append("| `model.pt` | its trained parameters, a `state_dict` |\n");
        md.append("| `data.py` | reads the run's data and splits it exactly as the workbench |\n");
        md.append("| `evaluate.py` | tests `model.pt`: accuracy and confusion matrix |\n");
        md.append("| `train.py` | trains the network again from fresh weights with the run's")
                .append(" recipe |\n");
        if (augments(run)) {
            md.append("| `augment.py` | the run's augmentation of training images |\n");
        }
        md.append("\n## Use the trained network\n\n```python\n")
                .append("import torch\n")
                .append("from model import Net\n")
                .append("model = Net()\n")
                .append("model.load_state_dict(torch.load(\"model.pt\"))\n")
                .append("model.eval()  # dropout off, batch norm on its running statistics\n")
                .append("```\n\n");
        md.append("## Run the scripts\n\n```sh\n")
                .append("python3 evaluate.py                # test model.pt\n")
                .append("python3 train.py --epochs 1        # train afresh; writes trained.pt\n")
                .append("python3 evaluate.py --weights trained.pt\n")
                .append("```\n\n");
        md.append("`train.py` takes `--epochs N`, `--data PATH`, `--out FILE` (default")
                .append(" `trained.pt`; it never replaces `model.pt` unless you add")
                .append(" `--overwrite-model`), `--seed N` and `--resume-from model.pt` (continue")
                .append(" from the run's weights instead of fresh ones). `evaluate.py` takes")
                .append(" `--weights FILE`, `--data PATH` and `--predictions FILE.csv` (each test")
                .append(" sample's class probabilities, as the run's `predictions.csv`).\n\n");
        md.append("## The data\n\n");
        md.append(data.description());
        if (data.path() != null) {
            md.append(", read from `").append(data.path()).append("`");
        } else {
            md.append(", which the workbench did not find on this computer when it exported");
        }
        md.append(". Give another place with `--data PATH` (the folder or file as the workbench")
                .append(" reads it: the IDX files' folder, CIFAR-10's `cifar-10-batches-bin/` or")
                .append(" its `.tar.gz`, an image folder or archive with `train/<class>/` and")
                .append(" `test/<class>/`, or a table). Nothing is downloaded.\n\n");
        md.append("## What it needs\n\n")
                .append("Python 3.9 or newer with PyTorch 1.13 or newer and NumPy")
                .append(images ? "; Pillow for JPEG/PNG image folders" : "")
                .append(". On Debian: `apt install python3-torch python3-numpy")
                .append(images ? " python3-pil" : "")
                .append("`.\n\n");
        md.append("## How the numbers relate to the run's\n\n");
        md.append("`evaluate.py` gives the run's test accuracy");
        if (!Double.isNaN(accuracy)) {
            md.append(String.format(Locale.ROOT, " (%.2f %%)", 100 * accuracy));
        }
        md.append(" and the same predictions, up to float rounding: the same weights on the same")
                .append(" test samples. `train.py` uses the same data, split (validation share ")
                .append(
                        String.format(
                                Locale.ROOT,
                                "%.0f %%",
                                100
                                        * (hp == null
                                                ? DataSplitter.DEFAULT_VALIDATION_SHARE
                                                : hp.validationShare())))
                .append(", the same samples), seed and hyperparameters, but PyTorch's own starting")
                .append(
                        " weights and batch order: expect accuracies close to the run's, not equal.")
                .append("\n");
        return md.toString();
    }
}
