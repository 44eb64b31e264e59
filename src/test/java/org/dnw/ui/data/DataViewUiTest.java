package org.dnw.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.dnw.data.ImageSamples;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data tab in a real (headless) stage, fed real-shaped synthetic data sets. */
@ExtendWith(ApplicationExtension.class)
class DataViewUiTest {

    static {
        HeadlessFx.configure();
    }

    private static final ImageSamples FASHION_TRAIN =
            SyntheticData.grey(600, SyntheticData.FASHION, 11);
    private static final ImageSamples CIFAR_TRAIN = SyntheticData.colour(400, 12);

    private final FakeDialogService dialogs = new FakeDialogService();
    private FakeDatasetSource source;
    private DataViewModel model;
    private DataView view;

    @Start
    void start(Stage stage) {
        source =
                new FakeDatasetSource()
                        .add(
                                new DatasetChoice(
                                        "fashion-mnist",
                                        "Fashion-MNIST",
                                        "found locally at /data/fashion-mnist",
                                        true),
                                (p, c) ->
                                        SyntheticData.preview(
                                                "Fashion-MNIST",
                                                FASHION_TRAIN,
                                                SyntheticData.grey(100, SyntheticData.FASHION, 13)))
                        .add(
                                new DatasetChoice("cifar10", "CIFAR-10", "will download", true),
                                (p, c) ->
                                        SyntheticData.preview(
                                                "CIFAR-10",
                                                CIFAR_TRAIN,
                                                SyntheticData.colour(100, 14)))
                        .add(
                                new DatasetChoice("mnist", "MNIST", "missing", false),
                                (p, c) -> {
                                    throw new DatasetNotFoundException(
                                            "MNIST is not in /data/mnist: expected"
                                                    + " train-images-idx3-ubyte.gz there");
                                });
        model = new DataViewModel(source, dialogs, Runnable::run, Runnable::run);
        view = new DataView(model);
        Scene scene = new Scene(view, 760, 760);
        scene.getStylesheets().addAll(WorkbenchView.STYLESHEET, DataView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void pickingADataSetShowsItsSampleStripClassCountsAndSplits(FxRobot robot) {
        robot.clickOn("#dataset-chooser");
        robot.clickOn("Fashion-MNIST");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.getLoaded().name()).isEqualTo("Fashion-MNIST");
        List<Node> tiles = view.strip().getChildren();
        assertThat(tiles).hasSize(20);
        for (int i = 0; i < tiles.size(); i++) {
            ImageView image = imageOf(tiles.get(i));
            assertThat(image.getImage().getWidth()).isEqualTo(28);
            // Big enough to see, scaled by whole pixels without smoothing.
            assertThat(image.getFitWidth())
                    .isGreaterThanOrEqualTo(56)
                    .isEqualTo(image.getFitHeight());
            assertThat(image.getFitWidth() % 28).isZero();
            assertThat(image.isSmooth()).isFalse();
            Label caption = captionOf(tiles.get(i));
            String expected = SyntheticData.FASHION.get(i / 2);
            assertThat(caption.getText()).isEqualTo(expected);
            // What is drawn is the whole name, not "T-shirt/t…".
            assertThat(((Text) caption.lookup(".text")).getText()).isEqualTo(expected);
        }
        // The image shows the sample's pixels.
        SampleTile first = model.tiles().get(0);
        PixelReader pixels = imageOf(tiles.get(0)).getImage().getPixelReader();
        assertThat(pixels.getArgb(14, 14)).isEqualTo(first.argb(14, 14));

        GridPane counts = view.classCountsGrid();
        assertThat(counts.getChildren()).hasSize(4 * 11);
        assertThat(labelsInColumn(counts, 0))
                .containsExactlyElementsOf(concat("class", SyntheticData.FASHION));
        int[] trainCounts = FASHION_TRAIN.classCounts();
        List<String> trainColumn = labelsInColumn(counts, 2);
        for (int c = 0; c < 10; c++) {
            assertThat(trainColumn.get(c + 1)).isEqualTo(String.valueOf(trainCounts[c]));
        }
        assertThat(robot.lookup("#split-train").queryLabeled().getText()).isEqualTo("540");
        assertThat(robot.lookup("#split-validation").queryLabeled().getText()).isEqualTo("60");
        assertThat(robot.lookup("#split-test").queryLabeled().getText()).isEqualTo("100");
        assertThat(robot.lookup("#dataset-summary").queryLabeled().getText())
                .isEqualTo("700 images · 1 × 28 × 28 grey · 10 classes");

        robot.interact(() -> model.validationShareProperty().set(0.2));
        assertThat(robot.lookup("#split-train").queryLabeled().getText()).isEqualTo("480");
        assertThat(robot.lookup("#split-validation").queryLabeled().getText()).isEqualTo("120");

        robot.clickOn("#samples-shuffle");
        assertThat(view.strip().getChildren()).hasSize(24);
        assertThat(model.shuffledProperty().get()).isTrue();
    }

    @Test
    void colourImagesAreDrawnInColour(FxRobot robot) {
        robot.interact(() -> model.choose("cifar10"));
        WaitForAsyncUtils.waitForFxEvents();

        ImageView image = imageOf(view.strip().getChildren().get(0));
        assertThat(image.getImage().getWidth()).isEqualTo(32);
        SampleTile tile = model.tiles().get(0);
        // Sky, grass and disc: somewhere red, green and blue differ.
        boolean coloured = false;
        PixelReader reader = image.getImage().getPixelReader();
        for (int y = 0; y < 32; y++) {
            int argb = reader.getArgb(16, y);
            assertThat(argb).isEqualTo(tile.argb(y, 16));
            coloured |= ((argb >> 16) & 0xFF) != (argb & 0xFF);
        }
        assertThat(coloured).isTrue();
        assertThat(captionOf(view.strip().getChildren().get(0)).getText()).isEqualTo("airplane");
    }

    @Test
    void aMissingDataSetShowsTheSentenceAndTheFolderButtonLoadsItFromThere(FxRobot robot) {
        Path folder = Path.of("/media/usb/mnist");
        source.folders.put(
                folder,
                (p, c) ->
                        SyntheticData.preview(
                                "MNIST",
                                SyntheticData.grey(300, SyntheticData.DIGITS, 15),
                                SyntheticData.grey(50, SyntheticData.DIGITS, 16)));
        dialogs.foldersToChoose.add(folder);

        robot.interact(() -> model.choose("mnist"));
        WaitForAsyncUtils.waitForFxEvents();

        Label error = view.errorLabel();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .isEqualTo(
                        "MNIST is not in /data/mnist: expected train-images-idx3-ubyte.gz there.");
        assertThat(view.folderButton().isVisible()).isTrue();
        assertThat(view.strip().getChildren()).isEmpty();

        robot.clickOn("#data-choose-folder");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.calls).contains("loadFrom mnist " + folder);
        assertThat(error.getParent().isVisible()).isFalse();
        assertThat(view.strip().getChildren()).hasSize(20);
    }

    @Test
    void anOpenedArchiveIsNamedInTheChooser(FxRobot robot) {
        Path archive = Path.of("/home/me/photos.zip");
        source.folders.put(
                archive,
                (p, c) ->
                        new DatasetPreview(
                                "photos.zip",
                                "read from /home/me/photos.zip",
                                CIFAR_TRAIN,
                                null,
                                SyntheticData.colour(20, 17),
                                java.util.Map.of()));
        dialogs.filesToOpen.add(archive);

        robot.clickOn("#open-dataset").clickOn("#open-file");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.calls).contains("open " + archive);
        assertThat(view.chooser().getButtonCell().getText()).isEqualTo("Opened: photos.zip");
        assertThat(robot.lookup("#dataset-name").queryLabeled().getText()).isEqualTo("photos.zip");
        assertThat(robot.lookup("#dataset-origin").queryLabeled().getText())
                .isEqualTo("read from /home/me/photos.zip");
    }

    private static ImageView imageOf(Node tile) {
        StackPane frame = (StackPane) ((VBox) tile).getChildren().get(0);
        return (ImageView) frame.getChildren().get(0);
    }

    private static Label captionOf(Node tile) {
        return (Label) ((VBox) tile).getChildren().get(1);
    }

    private static List<String> labelsInColumn(GridPane grid, int column) {
        return grid.getChildren().stream()
                .filter(
                        n ->
                                GridPane.getColumnIndex(n) != null
                                        && GridPane.getColumnIndex(n) == column)
                .sorted(java.util.Comparator.comparingInt(GridPane::getRowIndex))
                .map(n -> ((Label) n).getText())
                .toList();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
