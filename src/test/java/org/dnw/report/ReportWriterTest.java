package org.dnw.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dnw.figures.KernelGridImage;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

class ReportWriterTest {

    static final String NASTY_NAME = "<b>Überlauf</b> & \"quoted\" 'run' <script>alert(1)</script>";

    @TempDir Path root;
    RunStore store;
    ReportWriter writer =
            new ReportWriter(Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        store = new RunStore(root.resolve("saved-models"), ZoneOffset.UTC);
    }

    @Test
    void singleRunReportShowsTheRunsFigures() throws IOException {
        SavedRun run = new FakeRuns(store).name(NASTY_NAME).save();

        String html = writer.html(List.of(run), TestImageSource.none());

        // test accuracy as printed: 7 of 9
        assertThat(figure(html, "test-accuracy"))
                .isEqualTo(String.format(Locale.ROOT, "%.2f", 700.0 / 9) + "\u00a0%");
        assertThat(figure(html, "parameters")).isEqualTo("235");
        assertThat(between(html, "data-figure=\"network-parameters\">", "<")).isEqualTo("235");
        for (String name : FakeRuns.CLASS_NAMES) {
            assertThat(html).contains(">" + escaped(name) + "</th>");
            assertThat(html).doesNotContain(name);
        }
        assertThat(html).contains("Toy").contains("tiny-cnn").contains("Adam");
        assertThat(html).contains("0.35.1").contains("2.7.1").contains("17.0.15");
    }

    @Test
    void confusionCellsHoldTheCountsInTheirRowAndColumn() throws IOException {
        int[] actual = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 2, 1, 1, 0, 2, 2, 2, 1, 0};
        SavedRun run = new FakeRuns(store).predictions(actual, predicted).save();

        String html = writer.html(List.of(run), TestImageSource.none());

        long[][] expected = new long[3][3];
        for (int i = 0; i < actual.length; i++) {
            expected[actual[i]][predicted[i]]++;
        }
        Pattern cell =
                Pattern.compile(
                        "<td class=\"cell\" data-true=\"(\\d+)\" data-predicted=\"(\\d+)\"[^>]*>(\\d+)</td>");
        Matcher m = cell.matcher(html);
        long[][] shown = new long[3][3];
        int cells = 0;
        while (m.find()) {
            shown[Integer.parseInt(m.group(1))][Integer.parseInt(m.group(2))] =
                    Long.parseLong(m.group(3));
            cells++;
        }
        assertThat(cells).isEqualTo(9);
        assertThat(shown).isDeepEqualTo(expected);
        // the rows are in class order and carry the true class's name
        List<String> rowNames = new ArrayList<>();
        Matcher rows = Pattern.compile("<th class=\"rowname\"[^>]*>([^<]*)</th>").matcher(html);
        while (rows.find()) {
            rowNames.add(rows.group(1));
        }
        assertThat(rowNames)
                .containsExactly(
                        FakeRuns.CLASS_NAMES.stream()
                                .map(ReportWriterTest::escaped)
                                .toArray(String[]::new));
    }

    @Test
    void theSettingsNameEarlyStoppingOnlyWhenItWasOn() throws IOException {
        SavedRun plain = new FakeRuns(store).name("plain").save();
        SavedRun patient =
                new FakeRuns(store)
                        .name("patient")
                        .hyperparameters(
                                Hyperparameters.defaults().withEpochCount(3).withPatience(2))
                        .save();

        assertThat(RunSections.settings(plain))
                .extracting(ReportModel.Pair::key)
                .doesNotContain("early stopping");
        assertThat(RunSections.settings(patient))
                .contains(
                        new ReportModel.Pair(
                                "early stopping",
                                "after 2 epochs without a better validation loss; the best"
                                        + " epoch's parameters kept"));
    }

    @Test
    void perClassTableShowsPrecisionRecallAndF1() throws IOException {
        SavedRun run = new FakeRuns(store).save();

        String html = writer.html(List.of(run), TestImageSource.none());

        int[] a = FakeRuns.ACTUAL;
        int[] p = FakeRuns.PREDICTED;
        double macroF1 = 0;
        for (int c = 0; c < 3; c++) {
            int tp = 0;
            int predictedAs = 0;
            int support = 0;
            for (int i = 0; i < a.length; i++) {
                tp += a[i] == c && p[i] == c ? 1 : 0;
                predictedAs += p[i] == c ? 1 : 0;
                support += a[i] == c ? 1 : 0;
            }
            double precision = (double) tp / predictedAs;
            double recall = (double) tp / support;
            double f1 = 2 * precision * recall / (precision + recall);
            macroF1 += f1 / 3;
            List<String> cells = cells(row(html, "data-class=\"" + c + "\""));
            assertThat(cells)
                    .containsExactly(
                            fmt(precision), fmt(recall), fmt(f1), Integer.toString(support));
        }
        assertThat(cells(row(html, "data-class=\"macro\""))).contains(fmt(macroF1));
        assertThat(cells(row(html, "data-class=\"accuracy\""))).contains(fmt(7.0 / 9));
    }

    @Test
    void curvesHaveOnePointPerEpochForEverySeries() throws IOException {
        SavedRun run = new FakeRuns(store).validationAccuracy(0.4, 0.6, 0.9, 0.7, 0.8).save();

        String html = writer.html(List.of(run), TestImageSource.none());

        for (String series :
                List.of("train-loss", "validation-loss", "train-accuracy", "validation-accuracy")) {
            assertThat(points(html, series)).as(series).isEqualTo(5);
        }
        assertThat(html).contains("best validation: epoch 3");
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(row(html, "class=\"best\"")).contains(">3<span class=\"badge\">best</span>");
    }

    @Test
    void runWithoutValidationDrawsOnlyTrainingCurves() throws IOException {
        SavedRun run = new FakeRuns(store).withoutValidation().save();

        String html = writer.html(List.of(run), TestImageSource.none());

        assertThat(points(html, "train-loss")).isEqualTo(3);
        assertThat(html).doesNotContain("data-series=\"validation-loss\"");
        assertThat(html).contains("held out no validation data");
        assertThat(html).contains("none held out");
        assertThat(figure(html, "best-validation")).isEqualTo("—");
    }

    @Test
    void firstLayerPictureIsEmbeddedFromTheRunFolder() throws IOException {
        SavedRun run = new FakeRuns(store).save();
        byte[] png = Files.readAllBytes(run.folder().resolve("first-layer.png"));

        String html = writer.html(List.of(run), TestImageSource.none());

        assertThat(html)
                .contains(
                        "src=\"data:image/png;base64,"
                                + Base64.getEncoder().encodeToString(png)
                                + "\"");
        assertThat(html).contains("class=\"filters\"");
    }

    @Test
    void firstLayerIsDrawnFromTheWeightsWhenThePictureIsMissing() throws IOException {
        SavedRun saved = new FakeRuns(store).save();
        Files.delete(saved.folder().resolve("first-layer.png"));
        SavedRun run = store.load(saved.folder());

        String html = writer.html(List.of(run), TestImageSource.none());

        String uri = between(html, "<img class=\"filters\" src=\"data:image/png;base64,", "\"");
        BufferedImage shown =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri)));
        BufferedImage expected =
                KernelGridImage.render(
                        run.firstLayer().shape(),
                        run.firstLayer().values(),
                        FakeRuns.spec().input());
        assertThat(shown.getWidth()).isEqualTo(expected.getWidth());
        assertThat(shown.getHeight()).isEqualTo(expected.getHeight());
        assertThat(shown.getRGB(expected.getWidth() / 3, expected.getHeight() / 3))
                .isEqualTo(expected.getRGB(expected.getWidth() / 3, expected.getHeight() / 3));
    }

    @Test
    void everyStringFromTheManifestIsEscapedAndTheDocumentIsWellFormed() throws Exception {
        SavedRun run = new FakeRuns(store).name(NASTY_NAME + "\u0001").save();

        String html = writer.html(List.of(run), TestImageSource.none());

        assertThat(html).doesNotContain("<script").doesNotContain("<b>Ü");
        assertThat(html).contains(escaped(NASTY_NAME));
        assertThat(html).contains("<title>Training report: " + escaped(NASTY_NAME) + "</title>");
        // well-formed XML, as the PDF renderer needs
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Training report: " + NASTY_NAME);
    }

    @Test
    void documentReferencesNothingOutsideItself() throws IOException {
        SavedRun run = new FakeRuns(store).save();

        String html =
                writer.html(
                        List.of(run),
                        TestImageSource.of(Map.of(run.folder(), FakeRuns.images(FakeRuns.ACTUAL))));

        String withoutNamespaces =
                html.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "")
                        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutNamespaces)
                .doesNotContainIgnoringCase("http://")
                .doesNotContainIgnoringCase("https://");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("url(");
        Matcher src = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int references = 0;
        while (src.find()) {
            assertThat(src.group(1)).matches("data:image/png;base64,[A-Za-z0-9+/=]+|#[\\w-]+");
            references++;
        }
        assertThat(references).isGreaterThan(2);
    }

    @Test
    void mistakesAreShownAsPicturesMostConfidentFirst() throws IOException {
        int[] actual = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] predicted = {1, 0, 2, 1, 0, 1, 0, 1, 2};
        SavedRun run = new FakeRuns(store).predictions(actual, predicted).save();

        String html =
                writer.html(
                        List.of(run),
                        TestImageSource.of(Map.of(run.folder(), FakeRuns.images(actual))));

        List<Integer> expected =
                IntStream.range(0, actual.length)
                        .filter(i -> actual[i] != predicted[i])
                        .boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> -FakeRuns.confidence(i)))
                        .toList();
        List<Integer> shown = new ArrayList<>();
        Matcher m =
                Pattern.compile(
                                "<div class=\"mistake\" data-index=\"(\\d+)\"><img src=\"data:image/png;base64,")
                        .matcher(html);
        while (m.find()) {
            shown.add(Integer.parseInt(m.group(1)));
        }
        assertThat(shown).isEqualTo(expected);
        String first = between(html, "data-index=\"" + expected.get(0) + "\">", "</div></div>");
        assertThat(first)
                .contains("true: " + escaped(FakeRuns.CLASS_NAMES.get(actual[expected.get(0)])))
                .contains(
                        "predicted: "
                                + escaped(FakeRuns.CLASS_NAMES.get(predicted[expected.get(0)])))
                .contains(
                        String.format(
                                Locale.ROOT, "%.1f", 100 * FakeRuns.confidence(expected.get(0))));
        assertThat(html).contains("5 of 9 test samples");
    }

    @Test
    void mistakesWithoutImagesAreListedWithTheReason() throws IOException {
        SavedRun run = new FakeRuns(store).save();

        String html =
                writer.html(
                        List.of(run),
                        r -> TestImages.missing("the data set folder /nowhere is missing"));

        assertThat(html).contains("No pictures: the data set folder /nowhere is missing.");
        assertThat(html).doesNotContain("class=\"mistake\"");
        // FakeRuns: samples 2 (cat as dog) and 7 (bird as cat); 7 is the more confident
        assertThat(html.indexOf("<tr data-index=\"7\">")).isPositive();
        assertThat(html.indexOf("<tr data-index=\"7\">"))
                .isLessThan(html.indexOf("<tr data-index=\"2\">"));
        assertThat(row(html, "data-index=\"7\""))
                .contains(escaped("bird \"b\""))
                .contains(escaped("cat & co"));
    }

    @Test
    void imagesThatDoNotMatchTheRunAreRefusedWithAReason() throws IOException {
        SavedRun run = new FakeRuns(store).save();
        int[] shuffled = FakeRuns.ACTUAL.clone();
        shuffled[0] = 2;
        shuffled[8] = 0;

        String wrongOrder =
                writer.html(
                        List.of(run),
                        TestImageSource.of(Map.of(run.folder(), FakeRuns.images(shuffled))));
        String wrongCount =
                writer.html(
                        List.of(run),
                        TestImageSource.of(
                                Map.of(run.folder(), FakeRuns.images(new int[] {0, 1}))));
        String failing =
                writer.html(
                        List.of(run),
                        r -> {
                            throw new IllegalStateException("MNIST test images not found in /data");
                        });

        assertThat(wrongOrder)
                .contains("not in the order of the run")
                .doesNotContain("class=\"mistake\"");
        assertThat(wrongCount).contains("hold 2 images but the run made 9 test predictions");
        assertThat(failing).contains("No pictures: MNIST test images not found in /data.");
    }

    @Test
    void mistakesWithoutProbabilitiesKeepTestOrder() throws IOException {
        SavedRun run = new FakeRuns(store).withoutProbabilities().save();

        String html = writer.html(List.of(run), TestImageSource.none());

        assertThat(html).contains("recorded no probabilities");
        assertThat(html.indexOf("<tr data-index=\"2\">"))
                .isLessThan(html.indexOf("<tr data-index=\"7\">"));
    }

    @Test
    void twoRunReportComparesThem() throws IOException {
        SavedRun first = new FakeRuns(store).name("first & best").save();
        SavedRun second =
                new FakeRuns(store)
                        .name("second <run>")
                        .predictions(new int[] {0, 1, 2, 0}, new int[] {1, 1, 2, 2})
                        .validationAccuracy(0.3, 0.4, 0.5, 0.6)
                        .save();

        String html = writer.html(List.of(first, second), TestImageSource.none());

        assertThat(html).contains("<h2>Comparison of 2 runs</h2>");
        String row1 = row(html, "class=\"compared\" data-run=\"1\"");
        String row2 = row(html, "class=\"compared\" data-run=\"2\"");
        assertThat(row1)
                .contains("first &amp; best")
                .contains(String.format(Locale.ROOT, "%.2f", 700.0 / 9) + "\u00a0%");
        assertThat(row2)
                .contains("second &lt;run&gt;")
                .contains("50.00\u00a0%")
                .contains("60.00\u00a0%<br/><span class=\"sub\">epoch 4</span>");
        assertThat(row1)
                .contains("80.00\u00a0%<br/><span class=\"sub\">epoch 2</span>")
                .contains("235")
                .contains("Adam")
                .contains("0.001");
        assertThat(points(html, "run-1-validation-accuracy")).isEqualTo(3);
        assertThat(points(html, "run-2-validation-accuracy")).isEqualTo(4);
        assertThat(points(html, "run-2-validation-loss")).isEqualTo(4);
        assertThat(html).contains("id=\"run-1\"").contains("id=\"run-2\"");
        assertThat(html).contains("<h2 id=\"run-2\">Run 2: second &lt;run&gt;</h2>");
    }

    @Test
    void writeHtmlReplacesTheFileInOneRenameAndLeavesNoTemporaryFile() throws IOException {
        SavedRun run = new FakeRuns(store).save();
        Path out = root.resolve("reports/new/report.html");

        Path written = writer.writeHtml(List.of(run), TestImageSource.none(), out);
        Files.writeString(out, "old");
        writer.writeHtml(List.of(run), TestImageSource.none(), out);

        assertThat(written).isEqualTo(out.toAbsolutePath().normalize());
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(writer.html(List.of(run), TestImageSource.none()));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void anUnwritableTargetNamesTheFileAndKeepsNothing() throws IOException {
        SavedRun run = new FakeRuns(store).save();
        Path blocker = Files.writeString(root.resolve("not-a-folder"), "x");
        Path out = blocker.resolve("report.html");

        assertThatThrownBy(() -> writer.writeHtml(List.of(run), TestImageSource.none(), out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(out.toAbsolutePath().toString());
        assertThatThrownBy(() -> writer.writeHtml(List.of(run), TestImageSource.none(), root))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is a folder");
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void aReportNeedsARun() {
        assertThatThrownBy(() -> writer.html(List.of(), TestImageSource.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one run");
    }

    @Test
    void pdfHoldsTheReportOnAFewPages() throws IOException {
        SavedRun first = new FakeRuns(store).name(NASTY_NAME).save();
        SavedRun second = new FakeRuns(store).name("second").validationAccuracy(0.2, 0.4).save();
        Path out = root.resolve("report.pdf");

        writer.writePdf(
                List.of(first, second),
                TestImageSource.of(Map.of(first.folder(), FakeRuns.colourImages(FakeRuns.ACTUAL))),
                out);

        byte[] pdf = Files.readAllBytes(out);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // a comparison page, then each run from a new page over two to four pages
            assertThat(doc.getNumberOfPages()).isBetween(4, 12);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Comparison of 2 runs");
            // pictures are embedded pixel for pixel (an image-rendering rule once made the PDF
            // renderer garble colour pictures)
            List<BufferedImage> embedded = embeddedImages(doc);
            BufferedImage filters =
                    ImageIO.read(first.folder().resolve("first-layer.png").toFile());
            assertThat(embedded).anyMatch(image -> samePixels(image, filters));
            BufferedImage mistake =
                    Images.sample(
                            FakeRuns.colourImages(FakeRuns.ACTUAL), 7, Images.scaleFor(6, 84));
            assertThat(embedded).anyMatch(image -> samePixels(image, mistake));
            assertThat(text).contains(String.format(Locale.ROOT, "%.2f", 700.0 / 9));
            assertThat(text).contains("cat & co").contains("Überlauf");
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    // ---------------------------------------------------------------- helpers

    static List<BufferedImage> embeddedImages(PDDocument doc) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    out.add(image.getImage());
                }
            }
        }
        return out;
    }

    static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The big figure of the at-a-glance cell {@code id}. */
    static String figure(String html, String id) {
        return between(html, "data-figure=\"" + id + "\"><span class=\"big\">", "</span>");
    }

    static String between(String html, String start, String end) {
        int i = html.indexOf(start);
        assertThat(i).as("'%s' in the report", start).isNotNegative();
        int j = html.indexOf(end, i + start.length());
        return html.substring(i + start.length(), j);
    }

    /** The table row whose opening tag contains {@code attribute}. */
    static String row(String html, String attribute) {
        Matcher m =
                Pattern.compile("<tr [^>]*" + Pattern.quote(attribute) + "[^>]*>(.*?)</tr>")
                        .matcher(html);
        assertThat(m.find()).as("a row with %s", attribute).isTrue();
        return m.group(1);
    }

    static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        while (m.find()) {
            if (!m.group(1).isEmpty()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Points of the polyline of {@code series}. */
    static int points(String html, String series) {
        Matcher m =
                Pattern.compile("data-series=\"" + Pattern.quote(series) + "\" points=\"([^\"]*)\"")
                        .matcher(html);
        assertThat(m.find()).as("series %s", series).isTrue();
        String points = m.group(1).trim();
        return points.isEmpty() ? 0 : points.split(" ").length;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String escaped(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
