package org.dnw.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.spec.SpecJson;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {

    @TempDir Path dir;

    private FakeDialogService dialogs;
    private ArchitectureViewModel editor;
    private WorkbenchViewModel vm;

    @BeforeEach
    void setUp() {
        dialogs = new FakeDialogService();
        editor = new ArchitectureViewModel(Presets.load("seed-cnn"));
        vm = new WorkbenchViewModel(editor, dialogs, Runnable::run, Runnable::run);
    }

    @Test
    void saveThenOpenRoundTripsTheSpec() throws Exception {
        editor.cards().get(0).setKernel(3);
        ModelSpec edited = editor.getSpec();
        assertThat(vm.dirtyBinding().get()).isTrue();
        assertThat(vm.titleBinding().get()).isEqualTo("seed-cnn * — Deep Network Workbench");

        dialogs.filesToSave.add(dir.resolve("mine"));
        vm.saveSpec();

        Path saved = dir.resolve("mine.json");
        assertThat(saved).exists();
        assertThat(SpecJson.read(saved)).isEqualTo(edited);
        assertThat(dialogs.suggestedNames).containsExactly("seed-cnn.json");
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.getStatus()).isEqualTo("Saved seed-cnn to " + saved);

        vm.newFromPreset("mlp");
        assertThat(editor.getSpec().name()).isEqualTo("mlp");

        dialogs.filesToOpen.add(saved);
        vm.openSpec();
        assertThat(editor.getSpec()).isEqualTo(edited);
        assertThat(vm.specFileProperty().get()).isEqualTo(saved);
        assertThat(vm.getStatus()).isEqualTo("Opened " + saved);
        assertThat(dialogs.errors).isEmpty();

        editor.undo();
        assertThat(editor.getSpec().name()).isEqualTo("mlp");
    }

    @Test
    void aMalformedFileIsReportedAsASentence() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"name\": \"x\", \"layers\": [ {\"type\": \"teleport\"} ] }");
        ModelSpec before = editor.getSpec();

        dialogs.filesToOpen.add(broken);
        vm.openSpec();

        assertThat(editor.getSpec()).isEqualTo(before);
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0))
                .startsWith("Cannot open the network spec: " + broken)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(vm.getStatus()).isEqualTo("Could not open broken.json");
    }

    @Test
    void aMissingFileIsReportedAsASentence() {
        dialogs.filesToOpen.add(dir.resolve("nowhere.json"));
        vm.openSpec();
        assertThat(dialogs.errors)
                .singleElement()
                .asString()
                .contains("nowhere.json")
                .contains("cannot be read");
    }

    @Test
    void aFailedSaveIsReportedAndKeepsTheChanges() {
        editor.cards().get(0).setKernel(3);
        dialogs.filesToSave.add(dir.resolve("no-such-folder").resolve("spec.json"));
        vm.saveSpec();
        assertThat(dialogs.errors)
                .singleElement()
                .asString()
                .startsWith("Cannot save the network spec: ")
                .contains("its folder does not exist")
                .contains("Choose another folder");
        assertThat(vm.dirtyBinding().get()).isTrue();
    }

    @Test
    void cancelledDialogsChangeNothing() {
        vm.openSpec();
        vm.saveSpec();
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.getStatus()).isEqualTo("Ready");
    }

    @Test
    void presetsGoThroughTheAdapterAndAreUndoable() {
        vm.fitNetwork(spec -> spec.adaptTo(Shape.image(3, 32, 32), 7));
        vm.newFromPreset("simple-cnn");
        assertThat(editor.getSpec().input()).isEqualTo(Shape.image(3, 32, 32));
        assertThat(editor.getSpec().output().classes()).isEqualTo(7);
        assertThat(vm.dirtyBinding().get()).isFalse();
        assertThat(vm.specFileProperty().get()).isNull();
        editor.undo();
        assertThat(editor.getSpec().name()).isEqualTo("seed-cnn");
    }

    @Test
    void fittingToADataSetIsNeitherAnEditNorUndoable() {
        java.util.function.UnaryOperator<ModelSpec> cifar =
                spec -> spec.adaptTo(Shape.image(3, 32, 32), 10);
        editor.cards().get(0).setKernel(3);
        editor.endEdit();
        vm.newFromPreset("mlp");
        assertThat(editor.undoCount()).isEqualTo(2);

        vm.fitNetwork(cifar);
        assertThat(editor.getSpec().input()).isEqualTo(Shape.image(3, 32, 32));
        assertThat(editor.undoCount()).as("no step of its own").isEqualTo(2);
        assertThat(vm.dirtyBinding().get())
                .as("the fitted preset is still the saved one")
                .isFalse();
        assertThat(vm.titleBinding().get()).isEqualTo("mlp — Deep Network Workbench");
        assertThat(vm.requestQuit()).isTrue();
        assertThat(dialogs.questions).isEmpty();

        // every network undo and redo reach fits the data
        editor.undo();
        assertThat(editor.getSpec().name()).isEqualTo("seed-cnn");
        assertThat(editor.getSpec().input()).isEqualTo(Shape.image(3, 32, 32));
        assertThat(editor.isTrainable()).isTrue();
        editor.undo();
        assertThat(editor.getSpec()).isEqualTo(cifar.apply(Presets.load("seed-cnn")));
        editor.redo();
        editor.redo();
        assertThat(editor.getSpec()).isEqualTo(cifar.apply(Presets.load("mlp")));

        // and so does whatever is loaded later
        editor.load(Presets.load("seed-cnn"), "load");
        assertThat(editor.getSpec().input()).isEqualTo(Shape.image(3, 32, 32));
    }

    @Test
    void aFittedNetworkWithEditsIsStillUnsaved() {
        editor.cards().get(0).setKernel(3);
        vm.fitNetwork(spec -> spec.adaptTo(Shape.image(3, 32, 32), 10));
        assertThat(vm.dirtyBinding().get()).isTrue();
        editor.undo();
        assertThat(vm.dirtyBinding().get()).isFalse();
    }

    @Test
    void anUnknownPresetIsAnError() {
        vm.newFromPreset("gpt-5");
        assertThat(dialogs.errors).singleElement().asString().contains("no preset named 'gpt-5'");
        assertThat(editor.getSpec().name()).isEqualTo("seed-cnn");
    }

    @Test
    void quitAsksOnlyWhenThereAreUnsavedChanges() {
        assertThat(vm.requestQuit()).isTrue();
        assertThat(dialogs.questions).isEmpty();

        editor.cards().get(0).setKernel(3);
        dialogs.confirmations.add(false);
        assertThat(vm.requestQuit()).isFalse();
        dialogs.confirmations.add(true);
        assertThat(vm.requestQuit()).isTrue();
        assertThat(dialogs.questions).hasSize(2).allMatch(q -> q.contains("seed-cnn"));
    }

    @Test
    void editorMessagesReachTheStatusLine() {
        editor.removeLayer(1);
        assertThat(vm.getStatus()).isEqualTo("Removed layer 2 (Activation)");
        editor.undo();
        assertThat(vm.getStatus()).isEqualTo("Undid remove layer 2 (Activation)");
    }
}
