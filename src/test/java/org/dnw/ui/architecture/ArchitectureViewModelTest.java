package org.dnw.ui.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArchitectureViewModelTest {

    private ModelSpec seed;
    private ArchitectureViewModel vm;

    @BeforeEach
    void setUp() {
        seed = Presets.load("seed-cnn");
        vm = new ArchitectureViewModel(seed);
    }

    private LayerCardViewModel card(int position) {
        return vm.cards().get(position - 1);
    }

    @Test
    void showsOneCardPerLayerWithShapesAndTotals() {
        assertThat(vm.cards()).hasSize(10);
        assertThat(card(1).kindProperty().get()).isEqualTo(LayerKind.CONVOLUTION);
        assertThat(card(1).statusProperty().get().outputShape()).isEqualTo("32 × 28 × 28");
        assertThat(card(1).statusProperty().get().parameters()).isEqualTo("832 parameters");
        assertThat(card(3).statusProperty().get().outputShape()).isEqualTo("32 × 14 × 14");
        assertThat(card(7).statusProperty().get().outputShape()).isEqualTo("3136");
        assertThat(card(10).outputDescription()).isEqualTo("10 classes · softmax");
        assertThat(vm.isTrainable()).isTrue();
        assertThat(vm.verdictProperty().get()).isEqualTo("Ready to train");
        assertThat(vm.summaryProperty().get().inputShape()).isEqualTo("1 × 28 × 28");
        assertThat(vm.summaryProperty().get().totals()).startsWith("3,274,634 parameters");
        assertThat(vm.summaryProperty().get().memory()).endsWith("at batch 64");
    }

    @Test
    void aSliderChangeUpdatesTheShapeAtOnce() {
        card(1).setPadding(Padding.VALID);
        card(1).setKernel(3);

        assertThat(vm.getSpec().layers().get(0))
                .isEqualTo(new Conv2dSpec(32, 3, 3, 1, Padding.VALID, true));
        assertThat(card(1).statusProperty().get().outputShape()).isEqualTo("32 × 26 × 26");
        assertThat(card(1).statusProperty().get().parameters()).isEqualTo("320 parameters");
        assertThat(card(3).statusProperty().get().outputShape()).isEqualTo("32 × 13 × 13");

        card(1).setFilters(64);
        assertThat(card(1).statusProperty().get().outputShape()).isEqualTo("64 × 26 × 26");
    }

    @Test
    void aDragOfManyValuesIsOneUndoStep() {
        int before = vm.undoCount();
        for (int k = 6; k <= 11; k++) {
            card(1).setKernel(k);
        }
        vm.endEdit();
        assertThat(vm.undoCount()).isEqualTo(before + 1);
        assertThat(vm.undoRedoProperty().get().undoText()).isEqualTo("Undo kernel size of layer 1");

        vm.undo();
        assertThat(vm.getSpec()).isEqualTo(seed);
        vm.redo();
        assertThat(((Conv2dSpec) vm.getSpec().layers().get(0)).kernelHeight()).isEqualTo(11);
    }

    @Test
    void anImpossibleNetworkIsNotTrainableAndSaysWhy() {
        // After the second pooling the image is 7 × 7: an 11 × 11 valid kernel cannot fit.
        vm.insertLayer(6, LayerKind.CONVOLUTION);
        card(7).setPadding(Padding.VALID);
        vm.endEdit();
        card(7).setKernel(11);
        vm.endEdit();

        assertThat(vm.isTrainable()).isFalse();
        assertThat(vm.trainEnabledBinding().get()).isFalse();
        assertThat(card(7).statusProperty().get().error()).isTrue();
        assertThat(card(7).statusProperty().get().problem())
                .isEqualTo(
                        "layer 7: a 11×11 kernel does not fit a 7×7 input — use padding 'same' or a smaller kernel");
        assertThat(vm.verdictProperty().get())
                .isEqualTo(
                        "Cannot train — layer 7: a 11×11 kernel does not fit a 7×7 input — use padding 'same' or a smaller kernel");
        assertThat(card(8).statusProperty().get().outputShape()).isEqualTo("?");
        assertThat(card(8).statusProperty().get().multiplyAdds())
                .isEqualTo("unknown until layer 7 is fixed");
        assertThat(card(6).statusProperty().get().error()).isFalse();
        assertThat(vm.summaryProperty().get().totals())
                .isEqualTo(
                        "Layers 1–6: 52,096 parameters; the rest is unknown until layer 7 is fixed");
        assertThat(vm.summaryProperty().get().memory()).startsWith("No memory estimate");

        vm.undo();
        assertThat(vm.isTrainable()).isTrue();
        assertThat(card(7).statusProperty().get().error()).isFalse();
        assertThat(card(7).statusProperty().get().problem()).isEmpty();
    }

    @Test
    void removingFlattenMakesTheDenseLayerAnError() {
        vm.removeLayer(6);

        assertThat(vm.cards()).hasSize(9);
        assertThat(vm.isTrainable()).isFalse();
        assertThat(card(7).kindProperty().get()).isEqualTo(LayerKind.DENSE);
        assertThat(card(7).statusProperty().get().problem())
                .contains("add a Flatten layer before it");

        vm.undo();
        assertThat(vm.cards()).hasSize(10);
        assertThat(vm.getSpec()).isEqualTo(seed);
        assertThat(vm.isTrainable()).isTrue();
    }

    @Test
    void aNetworkWithoutOutputShowsANetworkProblem() {
        vm.removeLayer(9);
        assertThat(vm.isTrainable()).isFalse();
        assertThat(vm.networkProblemProperty().get()).contains("does not end with an output layer");
    }

    @Test
    void addRemoveDuplicateAndMoveAreUndoable() {
        List<ModelSpec> states = new ArrayList<>();
        states.add(vm.getSpec());

        vm.insertLayer(8, LayerKind.DROPOUT);
        assertThat(vm.getSpec().layers().get(8)).isEqualTo(new DropoutSpec(0.5));
        assertThat(vm.getSelectedIndex()).isEqualTo(8);
        states.add(vm.getSpec());

        vm.duplicateLayer(0);
        assertThat(vm.getSpec().layers().get(1)).isEqualTo(vm.getSpec().layers().get(0));
        assertThat(vm.getSelectedIndex()).isEqualTo(1);
        states.add(vm.getSpec());

        vm.moveLayer(11, 0);
        assertThat(vm.getSpec().layers().get(0)).isInstanceOf(OutputSpec.class);
        assertThat(vm.isTrainable()).isFalse();
        states.add(vm.getSpec());

        vm.removeLayer(0);
        assertThat(vm.getSpec().layers()).hasSize(11);
        states.add(vm.getSpec());

        for (int i = states.size() - 2; i >= 0; i--) {
            vm.undo();
            assertThat(vm.getSpec()).isEqualTo(states.get(i));
        }
        for (int i = 1; i < states.size(); i++) {
            vm.redo();
            assertThat(vm.getSpec()).isEqualTo(states.get(i));
        }
    }

    @Test
    void addLayerGoesBelowTheSelectionOrBeforeTheOutput() {
        vm.addLayer(LayerKind.DENSE);
        assertThat(vm.getSpec().layers().get(9)).isEqualTo(DenseSpec.of(128));
        assertThat(vm.getSpec().layers().get(10)).isInstanceOf(OutputSpec.class);

        vm.select(2);
        vm.addLayer(LayerKind.BATCH_NORM);
        assertThat(vm.getSpec().layers().get(3).getClass().getSimpleName())
                .isEqualTo("BatchNormSpec");
        assertThat(vm.getSelectedIndex()).isEqualTo(3);

        vm.select(vm.getSpec().layers().size() - 1);
        vm.addLayer(LayerKind.DROPOUT);
        assertThat(vm.getSpec().layers().get(vm.getSpec().layers().size() - 1))
                .isInstanceOf(OutputSpec.class);
    }

    @Test
    void dropPutsTheLayerAboveOrBelowTheTarget() {
        vm.dropLayer(6, 0, false); // Flatten above the first layer
        assertThat(vm.getSpec().layers().get(0)).isInstanceOf(FlattenSpec.class);
        vm.undo();
        vm.dropLayer(0, 2, true); // first conv below the pooling layer
        assertThat(vm.getSpec().layers().get(2)).isInstanceOf(Conv2dSpec.class);
        assertThat(vm.getSpec().layers().get(1)).isInstanceOf(Pool2dSpec.class);
        vm.undo();
        vm.dropLayer(3, 3, true); // onto itself: nothing changes
        assertThat(vm.getSpec()).isEqualTo(seed);
    }

    @Test
    void selectedLayerActionsAndMovesOutOfRangeAreSafe() {
        vm.select(0);
        vm.moveSelectedUp();
        assertThat(vm.getSpec()).isEqualTo(seed);
        vm.moveSelectedDown();
        assertThat(vm.getSpec().layers().get(1)).isInstanceOf(Conv2dSpec.class);
        assertThat(vm.getSelectedIndex()).isEqualTo(1);
        vm.removeSelected();
        assertThat(vm.getSpec().layers()).hasSize(9);
        vm.select(-1);
        vm.duplicateSelected();
        assertThat(vm.getSpec().layers()).hasSize(9);
    }

    @Test
    void otherLayerSettingsAreEditable() {
        card(2).setActivation(ActivationType.TANH);
        card(3).setPoolType(org.dnw.spec.PoolType.AVERAGE);
        card(3).setStride(1);
        card(8).setUnits(64);
        card(8).setBias(false);
        vm.insertLayer(9, LayerKind.DROPOUT);
        card(10).setDropoutRate(0.25);

        assertThat(card(2).getLayer().summary()).isEqualTo("tanh");
        assertThat(card(3).getLayer()).isEqualTo(Pool2dSpec.average(2, 1));
        assertThat(card(3).statusProperty().get().outputShape()).isEqualTo("32 × 27 × 27");
        assertThat(card(8).getLayer()).isEqualTo(new DenseSpec(64, false));
        assertThat(card(10).getLayer()).isEqualTo(new DropoutSpec(0.25));
        // a setter of another kind of layer does nothing
        card(2).setKernel(3);
        assertThat(card(2).getLayer().summary()).isEqualTo("tanh");
    }

    @Test
    void trainHandsTheSpecOverOnlyWhenTrainableAndNotBusy() {
        List<ModelSpec> trained = new ArrayList<>();
        vm.setOnTrain(trained::add);

        vm.train();
        assertThat(trained).containsExactly(seed);

        vm.busyProperty().set(true);
        assertThat(vm.trainEnabledBinding().get()).isFalse();
        vm.train();
        assertThat(trained).hasSize(1);
        vm.busyProperty().set(false);

        vm.removeLayer(6);
        vm.train();
        assertThat(trained).hasSize(1);
        assertThat(vm.messageProperty().get()).startsWith("Cannot train — layer 7: ");
    }

    @Test
    void batchSizeChangesTheMemoryEstimate() {
        String at64 = vm.summaryProperty().get().memory();
        vm.batchSizeProperty().set(512);
        assertThat(vm.summaryProperty().get().memory()).isNotEqualTo(at64).endsWith("at batch 512");
    }

    @Test
    void loadIsUndoableAndResetForgetsHistory() {
        ModelSpec mlp = Presets.load("mlp");
        vm.load(mlp, "new network from preset mlp");
        assertThat(vm.getSpec()).isEqualTo(mlp);
        assertThat(vm.cards()).hasSize(mlp.layers().size());
        vm.undo();
        assertThat(vm.getSpec()).isEqualTo(seed);
        assertThat(vm.cards()).hasSize(10);
        vm.reset(mlp);
        assertThat(vm.undoRedoProperty().get().canUndo()).isFalse();
    }

    @Test
    void cardsStayInPlaceWhenLayersChange() {
        LayerCardViewModel first = card(1);
        first.setKernel(3);
        vm.insertLayer(0, LayerKind.BATCH_NORM);
        assertThat(card(1)).isSameAs(first);
        assertThat(first.kindProperty().get()).isEqualTo(LayerKind.BATCH_NORM);
        assertThat(card(2).kindProperty().get()).isEqualTo(LayerKind.CONVOLUTION);
    }
}
