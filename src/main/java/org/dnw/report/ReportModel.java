package org.dnw.report;

import java.util.List;

/**
 * What a report shows, computed in plain Java from the saved runs and handed to the template
 * ({@code report.mustache}). Every string is plain text, escaped by the template, except the fields
 * named {@code svg} and {@code dataUri}, which the template inserts as they are. A field that is
 * {@code null} or an empty list leaves its part of the page out. Immutable.
 */
final class ReportModel {

    private ReportModel() {}

    /**
     * The whole document.
     *
     * @param css the style sheet, inserted raw into {@code <style>}
     * @param pdfFontFamily the font the PDF renderer embeds; {@code null} for a browser
     * @param several whether the report compares more than one run
     * @param comparison the comparison of the runs; {@code null} for a single run
     */
    record Report(
            String title,
            String writtenAt,
            String css,
            String pdfFontFamily,
            boolean several,
            Comparison comparison,
            List<RunPage> runs) {}

    /** A key and its value, one row of a two-column table. */
    record Pair(String key, String value) {}

    /** A figure drawn as inline SVG, inserted raw. */
    record Svg(String svg) {}

    /** A picture embedded as a {@code data:} URI, inserted raw; its size in CSS pixels. */
    record Picture(String dataUri, int width, int height) {}

    // ---------------------------------------------------------------- comparison

    /**
     * The comparison of several runs: a table and the validation curves of all of them.
     *
     * @param notDrawn the runs left out of the charts for want of validation data, or {@code null}
     */
    record Comparison(int count, List<ComparedRun> rows, List<Svg> charts, NotDrawn notDrawn) {}

    /**
     * One row of the comparison table; {@code bestEpoch} is {@code null} when there is none, and
     * {@code top} marks the highest test accuracy.
     */
    record ComparedRun(
            int number,
            String name,
            String dataset,
            String network,
            String parameters,
            int epochs,
            String optimiser,
            String learningRate,
            String bestValidation,
            Integer bestEpoch,
            boolean top,
            String testAccuracy,
            String duration) {}

    /** Runs without validation data; {@code pronoun} is "it" or "they". */
    record NotDrawn(String pronoun, String runs) {}

    // ---------------------------------------------------------------- one run

    /**
     * The pages of one run.
     *
     * @param heading whether the run gets its own heading (when the report holds several)
     */
    record RunPage(
            int number,
            boolean heading,
            String name,
            String trainedAt,
            String device,
            String folder,
            List<Glance> glance,
            Data data,
            Network network,
            List<Pair> settings,
            List<Pair> environment,
            Curves curves,
            Epochs epochs,
            TestResults test,
            Filters filters,
            MistakeSection mistakes,
            Diagram diagram,
            LayerFilters layerFilters,
            Activations activations) {}

    /** One figure of the row at the top of a run: a big value over its label. */
    record Glance(String big, String label, String id) {}

    /** The data set: its figures and the checksums of its files. */
    record Data(List<Pair> rows, List<FileSum> files) {
        boolean hasFiles() {
            return !files.isEmpty();
        }
    }

    /** A file's SHA-256, whole and shortened; {@code first} is the first in the list. */
    record FileSum(boolean first, String name, String sum, String shortSum) {}

    /**
     * The network's layers; {@code present} is false when the manifest holds none.
     *
     * @param engineCount the engine's own parameter count where it differs, or {@code null}
     */
    record Network(
            String heading,
            boolean present,
            String input,
            List<Layer> layers,
            String totalParameters,
            String totalMultiplyAdds,
            String engineCount,
            List<String> problems) {}

    /** One layer: its place, kind, settings, output shape, parameters and multiply-adds. */
    record Layer(
            int position,
            String kind,
            String settings,
            String output,
            String parameters,
            String multiplyAdds) {}

    /** The loss and accuracy curves; {@code validation} whether validation figures were drawn. */
    record Curves(List<Svg> charts, boolean validation) {}

    /** The per-epoch table; empty when no epoch was recorded. */
    record Epochs(List<EpochRow> rows) {
        boolean recorded() {
            return !rows.isEmpty();
        }
    }

    /** One epoch's figures; {@code best} marks the best validation epoch. */
    record EpochRow(
            int epoch,
            boolean best,
            String trainLoss,
            String trainAccuracy,
            String validationLoss,
            String validationAccuracy,
            String learningRate,
            String time) {}

    /**
     * The test results: the confusion matrix (rows = true class, columns = predicted class) and the
     * per-class metrics; {@code present} is false when the run holds no test predictions.
     */
    record TestResults(
            boolean present,
            String samples,
            String accuracy,
            String loss,
            int classCount,
            List<ClassHead> predicted,
            List<ConfusionRow> rows,
            List<MetricRow> perClass,
            String overallAccuracy,
            List<MetricRow> averages) {}

    /** A class named in the confusion matrix's header. */
    record ClassHead(int index, String name) {}

    /** One row of the confusion matrix: one true class. */
    record ConfusionRow(int index, String name, List<Cell> cells, String support) {}

    /** One cell of the confusion matrix: its count, colours ({@code style}) and tooltip. */
    record Cell(int trueIndex, int predictedIndex, String style, String title, long count) {}

    /** Precision, recall, F1 and support of a class ({@code id} its index) or of an average. */
    record MetricRow(
            String id, String name, String precision, String recall, String f1, String support) {}

    /**
     * The first layer's filters: a picture and its caption, or why the weights cannot be drawn
     * ({@code undrawable}), or neither when the run saved none.
     */
    record Filters(String undrawable, Picture picture, String caption) {}

    /**
     * The most confident mistakes, as pictures or as a list.
     *
     * @param predictions whether the run holds test predictions
     * @param allCorrect the count of test samples when all were right, or {@code null}
     * @param summary how many were wrong and which are shown, or {@code null}
     * @param missingPictures why there are no pictures, or {@code null} when there are
     */
    record MistakeSection(
            boolean predictions,
            String allCorrect,
            String summary,
            List<MistakeTile> tiles,
            String missingPictures,
            List<MistakeRow> rows) {
        boolean hasTiles() {
            return tiles != null && !tiles.isEmpty();
        }
    }

    /**
     * One mistake as a picture; {@code confidence} is {@code null} when no probabilities were
     * recorded, {@code trueProbability} when that of the true class was not.
     */
    record MistakeTile(
            int index,
            Picture picture,
            String trueName,
            String predictedName,
            String confidence,
            String trueProbability) {}

    /**
     * The network drawn as boxes: inline SVG for a browser ({@code svg}), a PNG for the PDF ({@code
     * picture}), or why it cannot be drawn ({@code undrawable}); {@code names} the labels of its
     * columns, input first.
     */
    record Diagram(String undrawable, Svg svg, Picture picture, List<String> names) {}

    /**
     * The filters of every convolution layer, one picture each, or why there are none ({@code
     * missing}, the end of a sentence).
     */
    record LayerFilters(String missing, List<LayerPicture> layers) {
        boolean hasLayers() {
            return layers != null && !layers.isEmpty();
        }
    }

    /**
     * One layer's picture: its position in the spec, its name as in the table (e.g. {@code
     * 03-Conv2d}), what it is ({@code caption}) and the picture.
     */
    record LayerPicture(int position, String name, String caption, Picture picture) {}

    /**
     * Every layer's output for a few test images, or why there are none ({@code missing}, the end
     * of a sentence).
     */
    record Activations(String missing, List<ActivationSample> samples) {
        boolean hasSamples() {
            return samples != null && !samples.isEmpty();
        }
    }

    /**
     * One test image and every layer's output for it; {@code mistake} whether the network got it
     * wrong, {@code heading} what it is (true and predicted class, confidence).
     */
    record ActivationSample(
            int index, boolean mistake, String heading, Picture input, List<LayerPicture> layers) {}

    /** One mistake as a row of the list shown when there are no pictures. */
    record MistakeRow(
            int index,
            String trueName,
            String predictedName,
            String confidence,
            String trueProbability) {}
}
