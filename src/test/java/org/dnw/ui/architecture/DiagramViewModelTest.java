package org.dnw.ui.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.dnw.figures.NetworkDiagram;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's diagram without a toolkit: drawn from the spec, a sentence for one that cannot work,
 * exported.
 */
class DiagramViewModelTest {

    @TempDir Path dir;
    final FakeDialogService dialogs = new FakeDialogService();
    final List<String> status = new ArrayList<>();
    final DiagramViewModel vm =
            new DiagramViewModel(dialogs, Runnable::run, Runnable::run, status::add);

    @Test
    void theSpecIsDrawnAsTheCommandLineDrawsIt() {
        ModelSpec spec = Presets.load("seed-cnn");

        vm.show(spec);

        NetworkDiagram expected = NetworkDiagram.of(spec);
        DiagramViewModel.Picture p = vm.pictureProperty().get();
        assertThat(p).isNotNull();
        assertThat(p.width()).isEqualTo(expected.width());
        assertThat(p.height()).isEqualTo(expected.height());
        assertThat(p.argb())
                .isEqualTo(
                        expected.toImage().getRGB(0, 0, p.width(), p.height(), null, 0, p.width()));
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void aNetworkThatCannotWorkShowsTheEditorsSentenceNotAPicture() {
        vm.show(Presets.load("seed-cnn"));
        ModelSpec impossible =
                new ModelSpec(
                        "too-small",
                        Shape.image(1, 4, 4),
                        List.of(
                                Conv2dSpec.of(8, 5, 1, Padding.VALID),
                                new org.dnw.spec.FlattenSpec(),
                                org.dnw.spec.OutputSpec.softmax(10)));
        String editorSentence = impossible.analyse().errors().get(0).message();

        vm.show(impossible);

        assertThat(vm.pictureProperty().get()).isNull();
        assertThat(vm.problemProperty().get())
                .isEqualTo("The network cannot be drawn — " + editorSentence);
        vm.export(DiagramViewModel.Format.PNG);
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0)).contains(editorSentence);
        assertThat(dialogs.choosers).isEmpty();
    }

    @Test
    void exportsWriteThePngAndSvgTheDiagramCommandWrites() throws Exception {
        ModelSpec spec = Presets.load("cifar-cnn");
        vm.show(spec);
        dialogs.filesToSave.add(dir.resolve("net"));
        dialogs.filesToSave.add(dir.resolve("net.SVG"));

        vm.export(DiagramViewModel.Format.PNG);
        vm.export(DiagramViewModel.Format.SVG);

        assertThat(dialogs.suggestedNames)
                .containsExactly("cifar-cnn-diagram.png", "cifar-cnn-diagram.svg");
        NetworkDiagram expected = NetworkDiagram.of(spec);
        assertThat(ImageIO.read(dir.resolve("net.png").toFile()).getWidth())
                .isEqualTo(expected.width());
        assertThat(Files.readString(dir.resolve("net.SVG"))).isEqualTo(expected.toSvg());
        assertThat(status)
                .containsExactly(
                        "Diagram written to " + dir.resolve("net.png"),
                        "Diagram written to " + dir.resolve("net.SVG"));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aFailedExportSaysWhyInOneSentence() throws Exception {
        vm.show(Presets.load("seed-cnn"));
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        dialogs.filesToSave.add(blocker.resolve("inside.png"));

        vm.export(DiagramViewModel.Format.PNG);

        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0))
                .startsWith(
                        "Export failed: The diagram could not be written to "
                                + blocker.resolve("inside.png"));
        assertThat(status).isEmpty();
    }

    @Test
    void aLaterSpecWinsOverAnEarlierOneStillDrawing() {
        List<Runnable> pending = new ArrayList<>();
        DiagramViewModel slow = new DiagramViewModel(dialogs, pending::add, Runnable::run, null);
        slow.show(Presets.load("seed-cnn"));
        slow.show(Presets.load("mlp"));

        pending.get(1).run();
        pending.get(0).run();

        assertThat(slow.pictureProperty().get().title()).isEqualTo("mlp");
    }
}
