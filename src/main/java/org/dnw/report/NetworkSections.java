package org.dnw.report;

import static org.dnw.report.RunFacts.className;
import static org.dnw.report.RunFacts.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnw.data.ImageSamples;
import org.dnw.figures.ActivationPicture;
import org.dnw.figures.KernelGridImage;
import org.dnw.figures.NetworkDiagram;
import org.dnw.report.ReportModel.ActivationSample;
import org.dnw.report.ReportModel.Activations;
import org.dnw.report.ReportModel.Diagram;
import org.dnw.report.ReportModel.LayerFilters;
import org.dnw.report.ReportModel.LayerPicture;
import org.dnw.report.ReportModel.Picture;
import org.dnw.report.ReportModel.Svg;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.store.NpyReader;
import org.dnw.store.RunLayers;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.LayerActivation;
import org.dnw.train.ParameterValues;
import org.dnw.train.TrainingEvent.TestEvaluation;

/**
 * The parts of a run's pages that look inside the network: its diagram, the filters of every
 * convolution layer (from the run's {@code weights.npz}) and every layer's output for a few test
 * images, the most confident mistakes among them (computed again from the saved network). Each part
 * that cannot be shown says why in a sentence; none stops a report. Stateless.
 */
final class NetworkSections {

    /** Every trained parameter of a run, as its folder holds them. */
    static final String WEIGHTS_NPZ = RunLayers.WEIGHTS_NPZ;

    /** Most confident mistakes whose activations are shown. */
    static final int ACTIVATION_MISTAKES = 3;

    /** Widest picture on the printed page, CSS pixels. */
    private static final int PAGE_WIDTH = 680;

    /** Widest picture of one layer's output: three fit side by side on the page. */
    private static final int LAYER_WIDTH = 210;

    private NetworkSections() {}

    // ---------------------------------------------------------------- diagram

    /** The diagram: SVG for a browser, PNG for the PDF ({@code png}). */
    static Diagram diagram(SavedRun r, boolean png) {
        ModelSpec spec = r.manifest().spec();
        if (spec == null) {
            return null;
        }
        NetworkDiagram diagram;
        try {
            diagram = NetworkDiagram.of(spec);
        } catch (IllegalArgumentException e) {
            return new Diagram(e.getMessage(), null, null, List.of());
        }
        if (png) {
            BufferedImage image = diagram.toImage();
            return new Diagram(null, null, fitted(image, PAGE_WIDTH), diagram.names());
        }
        return new Diagram(null, new Svg(diagram.toSvg()), null, diagram.names());
    }

    // ---------------------------------------------------------------- filters of every layer

    /** One picture per convolution layer, drawn from the run's {@code weights.npz}. */
    static LayerFilters layerFilters(SavedRun r) {
        ModelSpec spec = r.manifest().spec();
        if (spec == null) {
            return null;
        }
        List<LayerShape> convolutions = new ArrayList<>();
        for (LayerShape l : spec.analyse().layers()) {
            if (l.layer() instanceof Conv2dSpec) {
                convolutions.add(l);
            }
        }
        if (convolutions.isEmpty()) {
            return new LayerFilters("the network has no convolution layer", List.of());
        }
        Path file = r.folder() == null ? null : r.folder().resolve(WEIGHTS_NPZ);
        if (file == null || !Files.isRegularFile(file)) {
            return new LayerFilters(
                    "the run folder holds no " + WEIGHTS_NPZ + " with its trained weights",
                    List.of());
        }
        List<ParameterValues> kernels = new ArrayList<>();
        try {
            for (ParameterValues p : NpyReader.readNpz(file)) {
                if (p.shape().length == 4) {
                    kernels.add(p);
                }
            }
        } catch (IOException e) {
            return new LayerFilters(WEIGHTS_NPZ + " cannot be read (" + e.getMessage() + ")", null);
        }
        if (kernels.size() != convolutions.size()) {
            return new LayerFilters(
                    WEIGHTS_NPZ
                            + " holds "
                            + kernels.size()
                            + " convolution kernels but the network has "
                            + convolutions.size()
                            + " convolution layers",
                    List.of());
        }
        List<LayerPicture> pictures = new ArrayList<>();
        for (int i = 0; i < kernels.size(); i++) {
            LayerShape layer = convolutions.get(i);
            ParameterValues p = kernels.get(i);
            int[] s = p.shape();
            BufferedImage image = filterPicture(p);
            String caption =
                    String.format(
                            Locale.ROOT,
                            "%s (%s): %d filters of %d × %d × %d weights%s.",
                            name(layer),
                            layer.layer().summary(),
                            s[0],
                            s[1],
                            s[2],
                            s[3],
                            s[1] == 3
                                    ? ", in colour (red, green and blue input channels)"
                                    : s[1] > 1
                                            ? ", one row per filter, one tile per input channel"
                                            : "");
            pictures.add(
                    new LayerPicture(
                            layer.position(), name(layer), caption, fitted(image, PAGE_WIDTH)));
        }
        return new LayerFilters(null, pictures);
    }

    /**
     * The one place the report draws a convolution layer's weights (outC, inC, kH, kW): every input
     * channel of every filter as its own tile, side by side, as the Filters tab shows them by
     * default (its mean over channels is the window's switch; a report keeps every weight).
     */
    static BufferedImage filterPicture(ParameterValues p) {
        return KernelGridImage.render(p.shape(), p.values(), null, false);
    }

    // ---------------------------------------------------------------- activations

    /**
     * Every layer's output for the {@value #ACTIVATION_MISTAKES} most confident mistakes and the
     * first test image the network got right, computed from the saved network.
     *
     * @param images the run's test images, already checked against its predictions
     */
    static Activations activations(SavedRun r, TestImages images) {
        ModelSpec spec = r.manifest().spec();
        TestEvaluation test = r.test();
        if (spec == null) {
            return null;
        }
        if (test == null || test.actual() == null || test.actual().length == 0) {
            return new Activations("the run holds no test predictions to choose images from", null);
        }
        if (!images.isPresent()) {
            return new Activations(images.missingReason(), null);
        }
        if (!SavedNetworks.hasNetwork(r)) {
            return new Activations(
                    "the run folder holds no saved network to compute them with", null);
        }
        List<String> names = r.classNames();
        int classCount =
                Math.max(names.size(), report(r) == null ? 0 : report(r).matrix().classCount());
        List<Mistakes.Mistake> chosen = new ArrayList<>();
        List<Mistakes.Mistake> mistakes = Mistakes.all(test, classCount);
        chosen.addAll(mistakes.subList(0, Math.min(ACTIVATION_MISTAKES, mistakes.size())));
        int[] actual = test.actual();
        int[] predicted = test.predicted();
        for (int i = 0; i < actual.length && predicted != null && i < predicted.length; i++) {
            if (actual[i] == predicted[i]) {
                chosen.add(
                        new Mistakes.Mistake(i, actual[i], predicted[i], Double.NaN, Double.NaN));
                break;
            }
        }
        ImageSamples s = images.images();
        List<List<LayerActivation>> outputs;
        try {
            outputs =
                    SavedNetworks.activations(
                            r, s, chosen.stream().mapToInt(Mistakes.Mistake::index).toArray());
        } catch (UnsupportedOperationException e) {
            return new Activations(stripStop(e.getMessage()), null);
        } catch (IOException | RuntimeException e) {
            return new Activations(
                    "the saved network could not be run ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : stripStop(e.getMessage()))
                            + ")",
                    null);
        }
        int scale = Images.scaleFor(Math.max(s.width(), s.height()), 84);
        List<ActivationSample> samples = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            Mistakes.Mistake m = chosen.get(k);
            List<LayerPicture> pictures = new ArrayList<>();
            for (LayerActivation a : outputs.get(k)) {
                pictures.add(
                        new LayerPicture(
                                a.position(),
                                a.name(),
                                a.shape().toString(),
                                fitted(
                                        ActivationPicture.render(a.shape(), a.values()),
                                        LAYER_WIDTH)));
            }
            boolean wrong = m.actual() != m.predicted();
            String heading =
                    "Test sample "
                            + m.index()
                            + ": true "
                            + className(names, m.actual())
                            + ", predicted "
                            + className(names, m.predicted())
                            + (wrong && Double.isFinite(m.confidence())
                                    ? " with " + Format.percent1(m.confidence())
                                    : "")
                            + (wrong ? " — a mistake" : " — right");
            BufferedImage input = Images.sample(s, m.index(), scale);
            samples.add(
                    new ActivationSample(
                            m.index(), wrong, heading, fitted(input, LAYER_WIDTH), pictures));
        }
        return new Activations(null, samples);
    }

    private static String stripStop(String s) {
        return s != null && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String name(LayerShape l) {
        return String.format(Locale.ROOT, "%02d-%s", l.position(), l.layer().kindName());
    }

    /** {@code image} as a PNG data URI, shown at most {@code maxWidth} CSS pixels wide. */
    private static Picture fitted(BufferedImage image, int maxWidth) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width > maxWidth) {
            height = Math.max(1, (int) Math.round((double) height * maxWidth / width));
            width = maxWidth;
        }
        return new Picture(Images.dataUri(Images.png(image)), width, height);
    }
}
