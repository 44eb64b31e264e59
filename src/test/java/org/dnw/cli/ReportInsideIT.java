package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.Presets;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} looks inside a seed CNN trained for one epoch on the MNIST sample (shipped in
 * assets/): the diagram names its layers, every convolution layer has one filter picture, and the
 * most confident mistakes are passed through the saved network, one picture per layer. A run of the
 * from-scratch engine still gets its report, with a sentence instead of the layer outputs.
 */
class ReportInsideIT {

    @TempDir Path dir;

    private WorkbenchCommandTest.Result run(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        System.out.println("$ workbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void aCnnReportShowsItsDiagramEveryFilterAndTheLayersOfItsWorstMistakes() throws Exception {
        String runs = dir.resolve("runs").toString();
        assertThat(
                        run(
                                        "train",
                                        "--preset",
                                        "seed-cnn",
                                        "--dataset",
                                        "mnist-sample",
                                        "--epochs",
                                        "1",
                                        "--name",
                                        "cnn",
                                        "--runs-dir",
                                        runs)
                                .code())
                .isZero();
        Path html = dir.resolve("cnn.html");
        assertThat(run("report", "cnn", "--out", html.toString(), "--runs-dir", runs).code())
                .isZero();
        String text = Files.readString(html);
        List<LayerShape> layers = Presets.load("seed-cnn").analyse().layers();

        // the diagram, inline: every layer's output shape as the table names it
        int svgAt = text.indexOf("data-diagram=\"svg\"><svg");
        assertThat(svgAt).isPositive();
        String svg = text.substring(svgAt, text.indexOf("</svg>", svgAt));
        for (LayerShape l : layers) {
            if (l.output().isImage()) {
                String shape =
                        l.output().channels()
                                + "×"
                                + l.output().height()
                                + "×"
                                + l.output().width();
                assertThat(svg).contains(shape);
            }
        }

        // one filter picture per convolution layer, drawn at the size of its kernels
        List<String> convolutions =
                layers.stream()
                        .filter(l -> l.layer() instanceof Conv2dSpec)
                        .map(l -> String.format("%02d-%s", l.position(), l.layer().kindName()))
                        .toList();
        assertThat(convolutions).hasSizeGreaterThanOrEqualTo(2);
        assertThat(dataLayers(text, "figure layer-filters"))
                .containsExactlyElementsOf(convolutions);

        // the three most confident mistakes and one right answer, each with every layer's output
        RunStore store = new RunStore(Path.of(runs), ZoneOffset.UTC);
        SavedRun saved = store.load(Runs.resolve("cnn", store));
        List<Integer> worst = worstMistakes(saved.test(), saved.classNames().size(), 3);
        assertThat(worst).isNotEmpty();
        Matcher samples = Pattern.compile("data-sample=\"(\\d+)\"").matcher(text);
        List<Integer> shown = new ArrayList<>();
        while (samples.find()) {
            shown.add(Integer.parseInt(samples.group(1)));
        }
        assertThat(shown.subList(0, worst.size())).containsExactlyElementsOf(worst);
        assertThat(shown).hasSize(worst.size() + 1);
        for (int index : worst) {
            String block =
                    between(
                            text,
                            "data-sample=\"" + index + "\">",
                            "</div>\n<div class=\"activations");
            assertThat(block).contains("a mistake");
            Matcher pictures =
                    Pattern.compile(
                                    "data-layer=\"([^\"]+)\"><img class=\"activation\""
                                            + " src=\"data:image/png;base64,([^\"]+)\"")
                            .matcher(block);
            List<String> names = new ArrayList<>();
            while (pictures.find()) {
                names.add(pictures.group(1));
                BufferedImage png =
                        ImageIO.read(
                                new ByteArrayInputStream(
                                        Base64.getDecoder().decode(pictures.group(2))));
                assertThat(png.getWidth()).isPositive();
            }
            assertThat(names)
                    .containsExactlyElementsOf(
                            layers.stream()
                                    .map(
                                            l ->
                                                    String.format(
                                                            "%02d-%s",
                                                            l.position(), l.layer().kindName()))
                                    .toList());
        }
    }

    @Test
    void aFromScratchRunStillGetsItsReportWithASentence() throws Exception {
        String runs = dir.resolve("runs").toString();
        assertThat(
                        run(
                                        "train",
                                        "--preset",
                                        "mlp",
                                        "--engine",
                                        "scratch",
                                        "--optimizer",
                                        "sgd",
                                        "--dataset",
                                        "mnist-sample",
                                        "--epochs",
                                        "1",
                                        "--name",
                                        "scratch",
                                        "--runs-dir",
                                        runs)
                                .code())
                .isZero();
        Path html = dir.resolve("scratch.html");
        assertThat(run("report", "scratch", "--out", html.toString(), "--runs-dir", runs).code())
                .isZero();
        String text = Files.readString(html);

        assertThat(text)
                .contains("data-diagram=\"svg\"><svg")
                .contains(
                        "No layer outputs: the layers of a network trained by this engine cannot"
                                + " be inspected yet; train it with the DJL engine.")
                .contains(
                        "No filters of the convolution layers: the network has no convolution"
                                + " layer.")
                .doesNotContain("class=\"activations");
    }

    /** Test samples of the most confident mistakes, as the report orders them. */
    private static List<Integer> worstMistakes(TestEvaluation test, int classes, int count) {
        int[] actual = test.actual();
        int[] predicted = test.predicted();
        float[] p = test.probabilities();
        return IntStream.range(0, actual.length)
                .filter(i -> actual[i] != predicted[i])
                .boxed()
                .sorted(
                        Comparator.comparingDouble((Integer i) -> -p[i * classes + predicted[i]])
                                .thenComparingInt(i -> i))
                .limit(count)
                .toList();
    }

    private static List<String> dataLayers(String html, String cssClass) {
        Matcher m =
                Pattern.compile("<div class=\"" + cssClass + "\" data-layer=\"([^\"]+)\">")
                        .matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).as(start).isNotNegative();
        int j = text.indexOf(end, i + start.length());
        return j < 0 ? text.substring(i) : text.substring(i + start.length(), j);
    }
}
