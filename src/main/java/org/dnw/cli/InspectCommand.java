package org.dnw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.data.Samples;
import org.dnw.engine.BatchFiller;
import org.dnw.figures.ActivationPicture;
import org.dnw.figures.HeatMapOverlay;
import org.dnw.figures.Png;
import org.dnw.spec.Shape;
import org.dnw.store.RunStore;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.InputSaliency;
import org.dnw.train.LayerActivation;
import org.dnw.train.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect RUN IMAGE --out DIR}: every layer's output for one image, as one PNG per layer
 * (its feature maps, each scaled to its own min..max), {@code saliency.png} and {@code gradcam.png}
 * (why the network gives the predicted class, or {@code --class K}, drawn over the image) and
 * {@code activations.json} (per layer its kind, shape and each map's min, max and mean; the
 * pictures' names under {@code why}).
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description =
                "Write every layer's output for one image: one PNG per layer (a grid of its"
                        + " feature maps, or a strip of its units), saliency.png and gradcam.png"
                        + " (what the answer looked at) and activations.json.")
final class InspectCommand implements Callable<Integer> {

    static final String INDEX = "activations.json";

    static final String SALIENCY = "saliency.png";

    static final String GRADCAM = "gradcam.png";

    /** The long side of the saliency and Grad-CAM pictures, about, in pixels. */
    private static final int OVERLAY_PIXELS = 280;

    @Parameters(
            index = "0",
            paramLabel = "RUN",
            description = "a run folder, its name under saved-models/, or the start of it")
    String run;

    @Parameters(
            index = "1",
            paramLabel = "IMAGE",
            description =
                    "a PNG, JPEG, BMP or GIF file, or test:N for test sample N (from 0) of the"
                            + " run's data set")
    String image;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "the folder for the PNGs and " + INDEX + " (made if missing)")
    Path outDir;

    @Option(
            names = "--class",
            paramLabel = "K",
            description =
                    "the class whose saliency and Grad-CAM to draw: its name or number (from 0);"
                            + " the predicted class when left out")
    String explainClass;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CliPaths.requireFolderOrCreatable("--out", outDir, "a folder for the layer pictures");
        RunStore store = runsDir.store();
        SavedRun saved = store.load(Runs.resolve(run, store));
        Shape input = saved.manifest().spec().input();
        float[] x = image.startsWith("test:") ? testSample(saved, out) : imageFile(saved, input);
        List<LayerActivation> layers;
        float[] probabilities;
        InputSaliency why;
        int best = 0;
        try (TrainedNetwork network = SavedNetworks.open(saved)) {
            try {
                layers = network.activations(x);
            } catch (UnsupportedOperationException e) {
                throw new CliFailure.Exit(ExitCodes.BAD_ARGUMENTS, e.getMessage());
            }
            probabilities = network.probabilities(x, 1);
            for (int c = 1; c < probabilities.length; c++) {
                if (probabilities[c] > probabilities[best]) {
                    best = c;
                }
            }
            why =
                    network.saliency(
                            x,
                            explainClass == null
                                    ? best
                                    : classIndex(explainClass, saved.classNames()));
        }
        Files.createDirectories(outDir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode index = json.createObjectNode();
        index.put("run", saved.manifest().runName());
        index.put("image", image);
        String predicted = saved.classNames().get(best);
        index.put("predicted", predicted);
        index.put("probability", probabilities[best]);
        String inputPng = "00-input.png";
        Png.write(ActivationPicture.render(input, x), outDir.resolve(inputPng));
        index.put("input", inputPng);
        ArrayNode entries = index.putArray("layers");
        for (LayerActivation layer : layers) {
            String png = layer.name() + ".png";
            Png.write(ActivationPicture.render(layer.shape(), layer.values()), outDir.resolve(png));
            ObjectNode entry = entries.addObject();
            entry.put("layer", layer.name());
            entry.put("kind", layer.layer().kindName());
            entry.put("summary", layer.layer().summary());
            ArrayNode dims = entry.putArray("shape");
            layer.shape().dims().forEach(dims::add);
            entry.put("png", png);
            ArrayNode maps = entry.putArray("maps");
            for (int c = 0; c < layer.mapCount(); c++) {
                float[] map = layer.map(c);
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                double sum = 0;
                for (float v : map) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
                maps.addObject().put("min", min).put("max", max).put("mean", sum / map.length);
            }
            out.printf(Locale.ROOT, "%-14s %-14s %s%n", layer.name(), layer.shape(), png);
        }
        String explained = saved.classNames().get(why.classIndex());
        ObjectNode whyNode = index.putObject("why");
        whyNode.put("class", explained);
        whyNode.put("classIndex", why.classIndex());
        int scale = HeatMapOverlay.pixelsPerValue(input, OVERLAY_PIXELS);
        Png.write(
                HeatMapOverlay.render(input, x, why.saliencyMap(), scale),
                outDir.resolve(SALIENCY));
        whyNode.put("saliency", SALIENCY);
        out.printf(Locale.ROOT, "%-14s %-14s %s%n", "saliency", "class " + explained, SALIENCY);
        if (why.gradCamMap().isPresent()) {
            Png.write(
                    HeatMapOverlay.render(input, x, why.gradCamMap().get(), scale),
                    outDir.resolve(GRADCAM));
            whyNode.put("gradcam", GRADCAM);
            whyNode.put("gradcamLayer", layers.get(why.gradCamLayer() - 1).name());
            out.printf(
                    Locale.ROOT,
                    "%-14s %-14s %s%n",
                    "Grad-CAM",
                    "on " + layers.get(why.gradCamLayer() - 1).name(),
                    GRADCAM);
        } else {
            whyNode.putNull("gradcam");
            whyNode.put("gradcamAbsence", why.gradCamAbsence());
            out.println("No Grad-CAM: " + why.gradCamAbsence() + ".");
        }
        json.writeValue(outDir.resolve(INDEX).toFile(), index);
        out.printf(
                Locale.ROOT,
                "Predicted %s (%.1f%%); %d layer pictures and %s written to %s%n",
                predicted,
                100 * probabilities[best],
                layers.size(),
                INDEX,
                outDir);
        return ExitCodes.OK;
    }

    /**
     * The class named by {@code --class}: a class name first (MNIST's are digits), else a number.
     */
    static int classIndex(String chosen, List<String> names) {
        int named = names.indexOf(chosen);
        if (named >= 0) {
            return named;
        }
        try {
            int k = Integer.parseInt(chosen.trim());
            if (k >= 0 && k < names.size()) {
                return k;
            }
        } catch (NumberFormatException e) {
            // not a number either: the sentence below
        }
        throw new IllegalArgumentException(
                "--class "
                        + chosen
                        + " is not one of the run's classes: give a name ("
                        + String.join(", ", names.subList(0, Math.min(names.size(), 10)))
                        + (names.size() > 10 ? ", …" : "")
                        + ") or a number from 0 to "
                        + (names.size() - 1));
    }

    private float[] testSample(SavedRun saved, PrintWriter out) throws Exception {
        int n;
        try {
            n = Integer.parseInt(image.substring("test:".length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "IMAGE " + image + " is not test:N with N a sample number, e.g. test:0");
        }
        Samples test = DataSets.loadRun(saved.manifest().dataset(), out).test();
        if (!test.inputShape().equals(saved.manifest().spec().input())) {
            throw new IllegalArgumentException(
                    "the run's network takes "
                            + saved.manifest().spec().input()
                            + " inputs but its data set now has "
                            + test.inputShape());
        }
        if (n < 0 || n >= test.size()) {
            throw new IllegalArgumentException(
                    "IMAGE " + image + ": the test split has samples 0 to " + (test.size() - 1));
        }
        float[] x = new float[BatchFiller.sampleSize(test)];
        long[] label = new long[1];
        BatchFiller.fill(test, null, n, 1, x, label);
        out.println(
                "Test sample "
                        + n
                        + " of "
                        + saved.manifest().dataset().name()
                        + ", class "
                        + test.classNames().get((int) label[0]));
        return x;
    }

    /** The file prepared as {@code predict} prepares it. */
    private float[] imageFile(SavedRun saved, Shape input) {
        if (!input.isImage()) {
            throw new IllegalArgumentException(
                    "the run's network takes table rows, not images: give test:N");
        }
        Path file = Path.of(image);
        BufferedImage picture = ImageFiles.read(file);
        if (picture == null) {
            throw new CliFailure.Exit(ExitCodes.DATA_NOT_FOUND, ImageFiles.unreadable(file));
        }
        float[] x = ImageFiles.networkInput(picture, input, saved.manifest().dataset().name());
        if (x == null) {
            throw new CliFailure.Exit(
                    ExitCodes.DATA_NOT_FOUND, file + ": the picture is blank — nothing to inspect");
        }
        return x;
    }
}
