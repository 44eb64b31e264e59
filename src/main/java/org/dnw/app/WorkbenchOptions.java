package org.dnw.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dnw.spec.Presets;
import org.dnw.ui.workbench.WorkbenchTab;

/**
 * The window's command line.
 *
 * @param screenshot where to write a PNG of the window before exiting, or null to run normally
 * @param tab the tab to show first
 * @param width scene width in pixels
 * @param height scene height in pixels
 * @param preset the preset the editor starts with
 * @param dataset the choice id of the data set loaded at start (e.g. "mnist-sample")
 * @param train press Train as soon as the data set is loaded (with {@code screenshot}: write the
 *     picture once the run is saved)
 * @param epochs epochs to train, or 0 for the default
 * @param benchmark train the current network for one epoch twice, once through the training service
 *     alone (as the command line does) and once through the window with its charts live, print both
 *     images/s and their ratio, and exit
 * @param sweepOnSlurm the Sweep panel starts with "Run on: Slurm cluster" chosen
 */
public record WorkbenchOptions(
        Path screenshot,
        WorkbenchTab tab,
        int width,
        int height,
        String preset,
        String dataset,
        boolean train,
        int epochs,
        boolean benchmark,
        boolean sweepOnSlurm) {

    static final String USAGE =
            """
            Usage: workbench [window] [--screenshot FILE.png] [--tab NAME] [--size WIDTHxHEIGHT]
                             [--preset NAME] [--dataset ID] [--train] [--epochs N] [--benchmark]
                             [--sweep-on here|slurm]
              (workbench COMMAND ... runs the command line instead; workbench --help lists them)
              --screenshot FILE  lay out the window, write it as a PNG and exit; a path not
                                 ending in .png is a folder for every tab (and, with
                                 --train, every tab mid-training in FOLDER/mid-training)
              --tab NAME         tab to show: Data, Augment, Training, Filters, Confusion, Try it,
                                 Runs, Experiments
              --size WxH         window content size in pixels (default 1280x800)
              --preset NAME      network to start with (default seed-cnn)
              --dataset ID       data set to load at start: mnist-sample (default), mnist,
                                 fashion-mnist, cifar10, wheat-seeds
              --train            press Train once the data set is loaded
              --epochs N         epochs to train (default 5)
              --benchmark        training images/s with the window and charts live against the
                                 training service alone (as the command line), then exit;
                                 on the Training tab, or the one --tab names (Inside: its
                                 layers follow the run)
              --sweep-on WHERE   the Sweep panel's Run on: here (default) or slurm""";

    /**
     * True when {@code --screenshot} names a folder for a picture of every tab: any path that does
     * not end in ".png" ({@code Path} drops the trailing "/" of "shots/", so that cannot tell).
     */
    public boolean screenshotIsFolder() {
        return screenshot != null
                && screenshot.getFileName() != null
                && !screenshot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    /** The built-in data sets' choice ids. */
    static final List<String> DATASETS =
            List.of("mnist-sample", "mnist", "fashion-mnist", "cifar10", "wheat-seeds");

    public static WorkbenchOptions defaults() {
        return new WorkbenchOptions(
                null,
                WorkbenchTab.DATA,
                1280,
                800,
                "seed-cnn",
                "mnist-sample",
                false,
                0,
                false,
                false);
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static WorkbenchOptions parse(List<String> args) {
        WorkbenchOptions options = defaults();
        Path screenshot = options.screenshot;
        WorkbenchTab tab = options.tab;
        int width = options.width;
        int height = options.height;
        String preset = options.preset;
        String dataset = options.dataset;
        boolean train = options.train;
        int epochs = options.epochs;
        boolean benchmark = options.benchmark;
        boolean sweepOnSlurm = options.sweepOnSlurm;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--screenshot" -> screenshot = Path.of(value(args, ++i, arg));
                case "--tab" -> tab = WorkbenchTab.parse(value(args, ++i, arg));
                case "--size" -> {
                    String size = value(args, ++i, arg);
                    String[] parts = size.toLowerCase(Locale.ROOT).split("[x×]");
                    try {
                        if (parts.length != 2) {
                            throw new NumberFormatException(size);
                        }
                        width = Integer.parseInt(parts[0].strip());
                        height = Integer.parseInt(parts[1].strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "--size needs WIDTHxHEIGHT in pixels, e.g. 1920x1080, not '"
                                        + size
                                        + "'");
                    }
                    if (width < 640 || height < 480 || width > 8000 || height > 8000) {
                        throw new IllegalArgumentException(
                                "--size " + size + " is out of range: use 640x480 up to 8000x8000");
                    }
                }
                case "--preset" -> {
                    preset = value(args, ++i, arg);
                    if (!Presets.NAMES.contains(preset)) {
                        throw new IllegalArgumentException(
                                "no preset named '"
                                        + preset
                                        + "' — choose one of "
                                        + String.join(", ", Presets.NAMES));
                    }
                }
                case "--dataset" -> {
                    dataset = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    if (!DATASETS.contains(dataset)) {
                        throw new IllegalArgumentException(
                                "no data set '"
                                        + dataset
                                        + "' — choose one of "
                                        + String.join(", ", DATASETS));
                    }
                }
                case "--train" -> train = true;
                case "--benchmark" -> benchmark = true;
                case "--sweep-on" -> {
                    String where = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    if (!where.equals("here") && !where.equals("slurm")) {
                        throw new IllegalArgumentException(
                                "--sweep-on takes here or slurm, not '" + where + "'");
                    }
                    sweepOnSlurm = where.equals("slurm");
                }
                case "--epochs" -> {
                    String text = value(args, ++i, arg);
                    try {
                        epochs = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        epochs = -1;
                    }
                    if (epochs < 1 || epochs > 100) {
                        throw new IllegalArgumentException(
                                "--epochs needs a whole number from 1 to 100, not '" + text + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new WorkbenchOptions(
                screenshot,
                tab,
                width,
                height,
                preset,
                dataset,
                train,
                epochs,
                benchmark,
                sweepOnSlurm);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
