package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.ImageSamples;
import org.dnw.data.ProgressListener;
import org.dnw.figures.ActivationPicture;
import org.dnw.spec.LayerShape;
import org.dnw.spec.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect} on a seed CNN trained for one epoch on the MNIST sample shipped in assets/: one
 * PNG per layer and an index whose shapes are shape inference's, for a test sample and for an image
 * file; bad input gives one sentence and its exit code and writes nothing.
 */
class InspectCliIT {

    @TempDir Path dir;

    private WorkbenchCommandTest.Result run(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        System.out.println("$ workbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    @Test
    void writesOnePicturePerLayerAndAnIndex() throws Exception {
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
        List<LayerShape> shapes = Presets.load("seed-cnn").analyse().layers();

        Path fromTest = dir.resolve("test0");
        WorkbenchCommandTest.Result sample =
                run("inspect", "cnn", "test:0", "--out", fromTest.toString(), "--runs-dir", runs);
        assertThat(sample.code()).isZero();
        ImageSamples test =
                (ImageSamples)
                        DatasetCatalog.fromEnvironment(null)
                                .load(BuiltInDataset.MNIST_SAMPLE, ProgressListener.NONE)
                                .test();
        assertThat(sample.out()).contains("class " + test.classNames().get(test.labels()[0]));
        checkFolder(fromTest, shapes);

        Path png = dir.resolve("digit.png");
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = test.pixel(0, 0, y, x);
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        ImageIO.write(image, "png", png.toFile());
        Path fromFile = dir.resolve("file");
        WorkbenchCommandTest.Result file =
                run(
                        "inspect",
                        "cnn",
                        png.toString(),
                        "--out",
                        fromFile.toString(),
                        "--runs-dir",
                        runs);
        assertThat(file.code()).isZero();
        checkFolder(fromFile, shapes);

        // "why not 3?": the saliency and Grad-CAM of a chosen class, by name or number
        Path whyThree = dir.resolve("three");
        WorkbenchCommandTest.Result three =
                run(
                        "inspect",
                        "cnn",
                        "test:0",
                        "--class",
                        "3",
                        "--out",
                        whyThree.toString(),
                        "--runs-dir",
                        runs);
        assertThat(three.code()).isZero();
        JsonNode whyNode =
                new ObjectMapper()
                        .readTree(whyThree.resolve("activations.json").toFile())
                        .get("why");
        assertThat(whyNode.get("class").asText()).isEqualTo("3");
        assertThat(whyNode.get("classIndex").asInt()).isEqualTo(3);
        assertThat(Files.readAllBytes(whyThree.resolve("saliency.png")))
                .isNotEqualTo(Files.readAllBytes(fromTest.resolve("saliency.png")));

        Path nothing = dir.resolve("nothing");
        Files.writeString(dir.resolve("junk.png"), "not a picture");
        WorkbenchCommandTest.Result junk =
                run(
                        "inspect",
                        "cnn",
                        dir.resolve("junk.png").toString(),
                        "--out",
                        nothing.toString(),
                        "--runs-dir",
                        runs);
        assertThat(junk.code()).isEqualTo(ExitCodes.DATA_NOT_FOUND);
        assertThat(junk.err()).contains("junk.png: not a readable image");
        WorkbenchCommandTest.Result missing =
                run("inspect", "cnn", "gone.png", "--out", nothing.toString(), "--runs-dir", runs);
        assertThat(missing.code()).isEqualTo(ExitCodes.DATA_NOT_FOUND);
        assertThat(missing.err()).contains("gone.png: does not exist");
        WorkbenchCommandTest.Result tooFar =
                run(
                        "inspect",
                        "cnn",
                        "test:99999",
                        "--out",
                        nothing.toString(),
                        "--runs-dir",
                        runs);
        assertThat(tooFar.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(tooFar.err()).contains("the test split has samples 0 to");
        WorkbenchCommandTest.Result badClass =
                run(
                        "inspect",
                        "cnn",
                        "test:0",
                        "--class",
                        "eleven",
                        "--out",
                        nothing.toString(),
                        "--runs-dir",
                        runs);
        assertThat(badClass.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(badClass.err())
                .contains("--class eleven is not one of the run's classes")
                .contains("a number from 0 to 9");
        WorkbenchCommandTest.Result noRun =
                run("inspect", "nope", "test:0", "--out", nothing.toString(), "--runs-dir", runs);
        assertThat(noRun.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(noRun.err()).contains("no saved run 'nope'");
        assertThat(nothing).doesNotExist();

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
        WorkbenchCommandTest.Result scratch =
                run(
                        "inspect",
                        "scratch",
                        "test:0",
                        "--out",
                        nothing.toString(),
                        "--runs-dir",
                        runs);
        assertThat(scratch.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(scratch.err()).contains("cannot be inspected yet");
        assertThat(nothing).doesNotExist();
    }

    /** True when some pixel is not grey: the heat map's colour shows somewhere. */
    private static boolean tinted(BufferedImage picture) {
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                if ((rgb >> 16 & 0xff) != (rgb & 0xff)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkFolder(Path folder, List<LayerShape> shapes) throws Exception {
        JsonNode index = new ObjectMapper().readTree(folder.resolve("activations.json").toFile());
        JsonNode layers = index.get("layers");
        assertThat(layers).hasSize(shapes.size());
        assertThat(ImageIO.read(folder.resolve(index.get("input").asText()).toFile())).isNotNull();
        for (int i = 0; i < shapes.size(); i++) {
            JsonNode layer = layers.get(i);
            LayerShape expected = shapes.get(i);
            assertThat(layer.get("kind").asText()).isEqualTo(expected.layer().kindName());
            List<Integer> dims = new ObjectMapper().convertValue(layer.get("shape"), List.class);
            assertThat(dims).isEqualTo(expected.output().dims());
            assertThat(layer.get("maps")).hasSize(expected.output().channels());
            for (JsonNode map : layer.get("maps")) {
                double mean = map.get("mean").asDouble();
                assertThat(mean).isBetween(map.get("min").asDouble(), map.get("max").asDouble());
            }
            BufferedImage picture =
                    ImageIO.read(folder.resolve(layer.get("png").asText()).toFile());
            assertThat(picture).as(layer.get("png").asText()).isNotNull();
            if (expected.output().isImage()) {
                assertThat(picture.getWidth()).isGreaterThan(expected.output().width());
            } else {
                // a dense layer's units wrapped into rows (3,136 → 56 × 56), not one long line
                int units = (int) expected.output().size();
                int columns = ActivationPicture.columnsFor(units);
                int rows = (units + columns - 1) / columns;
                assertThat(picture.getWidth()).isGreaterThan(columns);
                assertThat(picture.getHeight()).isGreaterThan(rows);
                if (units > ActivationPicture.ONE_ROW_UNITS) {
                    assertThat(picture.getWidth()).isLessThan(2 * picture.getHeight());
                }
            }
        }
        // why: saliency and Grad-CAM of the predicted class over the 28 × 28 input, enlarged 10×
        JsonNode why = index.get("why");
        assertThat(why.get("class").asText()).isEqualTo(index.get("predicted").asText());
        // the last convolution's maps after its ReLU: seed-cnn's layers 4 and 5
        assertThat(shapes.get(3).layer().kindName()).isEqualTo("Conv2d");
        assertThat(why.get("gradcamLayer").asText()).isEqualTo("05-Activation");
        for (String name : List.of("saliency", "gradcam")) {
            BufferedImage picture = ImageIO.read(folder.resolve(why.get(name).asText()).toFile());
            assertThat(picture).as(name).isNotNull();
            assertThat(picture.getWidth()).as(name).isEqualTo(280);
            assertThat(picture.getHeight()).as(name).isEqualTo(280);
            assertThat(tinted(picture)).as(name + " has a tinted pixel").isTrue();
        }
        // the network's answer is the output layer's largest logit
        JsonNode logits = layers.get(shapes.size() - 1).get("maps").get(0);
        assertThat(index.get("probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(logits.get("max").asDouble()).isGreaterThan(logits.get("min").asDouble());
    }
}
