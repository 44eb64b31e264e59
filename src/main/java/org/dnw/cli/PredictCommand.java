package org.dnw.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.dnw.spec.Shape;
import org.dnw.store.RunStore;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code predict RUN IMAGE...}: the top classes of each image, with probabilities. An image that
 * cannot be read is named on its own line; when none can be read the exit code is 3.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Classify image files with a saved run's network; prints the top 3 classes.")
final class PredictCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "RUN",
            description = "a run folder, its name under saved-models/, or the start of it")
    String run;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "IMAGE",
            description = "PNG, JPEG, BMP or GIF files")
    List<Path> images;

    @Option(
            names = "--top",
            defaultValue = "3",
            description = "classes shown per image (default: ${DEFAULT-VALUE})")
    int top;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (top < 1) {
            throw new IllegalArgumentException(
                    "--top must be at least 1 (classes shown per image), not " + top);
        }
        RunStore store = runsDir.store();
        SavedRun saved = store.load(Runs.resolve(run, store));
        Shape input = saved.manifest().spec().input();
        if (!input.isImage()) {
            throw new IllegalArgumentException("the run's network takes table rows, not images");
        }
        List<String> names = saved.classNames();
        int failures = 0;
        try (TrainedNetwork network = SavedNetworks.open(saved)) {
            for (Path file : images) {
                BufferedImage image = ImageFiles.read(file);
                if (image == null) {
                    out.println(ImageFiles.unreadable(file));
                    failures++;
                    continue;
                }
                float[] x =
                        ImageFiles.networkInput(image, input, saved.manifest().dataset().name());
                if (x == null) {
                    out.println(file + ": the picture is blank — nothing to classify");
                    failures++;
                    continue;
                }
                float[] p = network.probabilities(x, 1);
                Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
                StringBuilder line = new StringBuilder(file.toString()).append(":");
                for (int k = 0; k < Math.min(top, order.length); k++) {
                    line.append(
                            String.format(
                                    Locale.ROOT,
                                    "  %s %.1f%%",
                                    names.get(order[k]),
                                    100 * p[order[k]]));
                }
                out.println(line);
            }
        }
        // one unreadable image among good ones is reported on its line; none usable is exit 3
        return failures == images.size() ? ExitCodes.DATA_NOT_FOUND : ExitCodes.OK;
    }
}
