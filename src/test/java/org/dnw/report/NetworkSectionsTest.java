package org.dnw.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnw.report.ReportWriterTest.between;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dnw.figures.KernelGridImage;
import org.dnw.figures.NetworkDiagram;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Shape;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's look inside the network on fake runs (no engine): the diagram names every layer,
 * inline SVG in HTML and a PNG in the PDF; one filter picture per convolution layer, drawn from
 * weights.npz; every missing piece says why. The layer outputs of a real network: ReportCliIT.
 */
class NetworkSectionsTest {

    @TempDir Path root;
    RunStore store;
    ReportWriter writer =
            new ReportWriter(Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        store = new RunStore(root.resolve("saved-models"), ZoneOffset.UTC);
    }

    /** Two convolutions: 1×8×8 → 4×6×6 → 6×4×4 → 3 classes. */
    static ModelSpec twoConvolutions() {
        return new ModelSpec(
                "two-conv",
                Shape.image(1, 8, 8),
                List.of(
                        Conv2dSpec.of(4, 3, 1, Padding.VALID),
                        ActivationSpec.relu(),
                        Conv2dSpec.of(6, 3, 1, Padding.VALID),
                        ActivationSpec.relu(),
                        new FlattenSpec(),
                        OutputSpec.softmax(3)));
    }

    static List<ParameterValues> twoConvolutionWeights() {
        return List.of(
                new ParameterValues("01Conv2d_weight", new int[] {4, 1, 3, 3}, FakeRuns.ramp(36)),
                new ParameterValues("01Conv2d_bias", new int[] {4}, FakeRuns.ramp(4)),
                new ParameterValues(
                        "03Conv2d_weight", new int[] {6, 4, 3, 3}, FakeRuns.ramp(6 * 4 * 9)),
                new ParameterValues("03Conv2d_bias", new int[] {6}, FakeRuns.ramp(6)),
                new ParameterValues("06Linear_weight", new int[] {3, 96}, FakeRuns.ramp(288)),
                new ParameterValues("06Linear_bias", new int[] {3}, FakeRuns.ramp(3)));
    }

    @Test
    void theDiagramNamesEveryLayerAsInlineSvg() throws IOException {
        SavedRun run =
                new FakeRuns(store).network(twoConvolutions(), twoConvolutionWeights()).save();

        String html = writer.html(List.of(run), TestImageSource.none());

        String svg = between(html, "<div class=\"figure diagram\" data-diagram=\"svg\">", "</div>");
        assertThat(svg).startsWith("<svg");
        NetworkDiagram expected = NetworkDiagram.of(twoConvolutions());
        assertThat(expected.names()).hasSize(7);
        for (String name : expected.names()) {
            assertThat(svg).contains(">" + Html.esc(name) + "<");
        }
        assertThat(svg).contains("6×4×4");
    }

    @Test
    void thePdfGetsTheDiagramAsAPicture() throws IOException {
        SavedRun run = new FakeRuns(store).save();

        ReportModel.Diagram diagram =
                new ReportDocument(
                                List.of(run),
                                TestImageSource.none(),
                                Instant.EPOCH,
                                ZoneOffset.UTC,
                                ReportDocument.Target.PDF)
                        .model()
                        .runs()
                        .get(0)
                        .diagram();

        assertThat(diagram.svg()).isNull();
        assertThat(diagram.names())
                .containsExactlyElementsOf(NetworkDiagram.of(FakeRuns.spec()).names());
        BufferedImage png = decode(diagram.picture().dataUri());
        assertThat(png.getWidth()).isEqualTo(NetworkDiagram.of(FakeRuns.spec()).width());
        String xhtml =
                new ReportDocument(
                                List.of(run),
                                TestImageSource.none(),
                                Instant.EPOCH,
                                ZoneOffset.UTC,
                                ReportDocument.Target.PDF)
                        .build();
        assertThat(xhtml).contains("<img class=\"diagram\" src=\"data:image/png;base64,");
        assertThat(xhtml).doesNotContain("data-diagram=\"svg\"");
    }

    @Test
    void everyConvolutionLayerGetsOnePictureOfItsFilters() throws IOException {
        SavedRun run =
                new FakeRuns(store).network(twoConvolutions(), twoConvolutionWeights()).save();

        String html = writer.html(List.of(run), TestImageSource.none());

        Matcher m =
                Pattern.compile(
                                "<div class=\"figure layer-filters\" data-layer=\"([^\"]+)\"><img"
                                        + " class=\"layer-filters\""
                                        + " src=\"data:image/png;base64,([^\"]+)\"")
                        .matcher(html);
        List<String> layers = new ArrayList<>();
        List<BufferedImage> pictures = new ArrayList<>();
        while (m.find()) {
            layers.add(m.group(1));
            pictures.add(
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2)))));
        }
        assertThat(layers).containsExactly("01-Conv2d", "03-Conv2d");
        Map<Integer, int[]> shapes = Map.of(0, new int[] {4, 1, 3, 3}, 1, new int[] {6, 4, 3, 3});
        for (int i = 0; i < 2; i++) {
            int[] shape = shapes.get(i);
            float[] values = twoConvolutionWeights().get(2 * i).values();
            BufferedImage expected = KernelGridImage.render(shape, values, null);
            assertThat(pictures.get(i).getWidth()).isEqualTo(expected.getWidth());
            assertThat(pictures.get(i).getHeight()).isEqualTo(expected.getHeight());
            assertThat(pictures.get(i).getRGB(expected.getWidth() / 3, expected.getHeight() / 3))
                    .isEqualTo(expected.getRGB(expected.getWidth() / 3, expected.getHeight() / 3));
        }
        // the second layer: 6 filters, each a row of 4 tiles (one per input channel)
        assertThat(html).contains("03-Conv2d (").contains("6 filters of 4 × 3 × 3 weights");
    }

    @Test
    void withoutWeightsTheFiltersSectionSaysWhy() throws IOException {
        SavedRun saved = new FakeRuns(store).save();
        Files.delete(saved.folder().resolve(NetworkSections.WEIGHTS_NPZ));
        SavedRun run = store.load(saved.folder());

        String html = writer.html(List.of(run), TestImageSource.none());

        assertThat(html)
                .contains(
                        "No filters of the convolution layers: the run folder holds no"
                                + " weights.npz with its trained weights.")
                .doesNotContain("class=\"figure layer-filters\"");
    }

    @Test
    void weightsThatDoNotFitTheNetworkAreNotDrawn() throws IOException {
        SavedRun run =
                new FakeRuns(store)
                        .network(twoConvolutions(), twoConvolutionWeights().subList(0, 2))
                        .save();

        String html = writer.html(List.of(run), TestImageSource.none());

        assertThat(html)
                .contains(
                        "weights.npz holds 1 convolution kernels but the network has 2"
                                + " convolution layers")
                .doesNotContain("class=\"figure layer-filters\"");
    }

    @Test
    void layerOutputsWithoutImagesOrWithoutASavedNetworkSayWhy() throws IOException {
        SavedRun run = new FakeRuns(store).save();

        String none = writer.html(List.of(run), TestImageSource.none());
        String noNetwork =
                writer.html(
                        List.of(run),
                        TestImageSource.of(Map.of(run.folder(), FakeRuns.images(FakeRuns.ACTUAL))));

        assertThat(none).contains("No layer outputs: no test images were given to the report.");
        assertThat(noNetwork)
                .contains(
                        "No layer outputs: the run folder holds no saved network to compute"
                                + " them with.")
                .doesNotContain("class=\"activations");
        // the mistakes themselves are still drawn
        assertThat(noNetwork).contains("<div class=\"mistake\" data-index=");
    }

    private static BufferedImage decode(String dataUri) throws IOException {
        String base64 = dataUri.substring("data:image/png;base64,".length());
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }
}
