package org.dnw.ui.hyperparams;

import static org.dnw.ui.hyperparams.HyperparameterHelp.ENGINE_HELP;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.dnw.train.EngineKind;

/** The choice of engine: PyTorch (DJL) or from scratch, with the note that goes with it. */
final class EngineChoice {

    private final HyperparametersViewModel model;
    private final Runnable afterChoice;
    private final ToggleGroup engineGroup = new ToggleGroup();
    private final Map<EngineKind, ToggleButton> engineButtons = new EnumMap<>(EngineKind.class);
    private final StackPane scratchHolder = new StackPane();

    /**
     * @param afterChoice runs after the user picked an engine (the panel shows the settings again)
     */
    EngineChoice(HyperparametersViewModel model, Runnable afterChoice) {
        this.model = model;
        this.afterChoice = afterChoice;
    }

    ToggleButton button(EngineKind kind) {
        return engineButtons.get(kind);
    }

    /** The engine row: one toggle per engine, the from-scratch one disabled where it cannot run. */
    HBox row() {
        HBox segmented = new HBox();
        segmented.getStyleClass().add("segmented");
        for (EngineKind kind : EngineKind.values()) {
            ToggleButton b = new ToggleButton(kind.label());
            b.setId("engine-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("segment");
            b.setToggleGroup(engineGroup);
            b.setTooltip(HyperparametersView.tip(ENGINE_HELP));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(
                    e -> {
                        model.setEngine(kind);
                        afterChoice.run();
                    });
            engineButtons.put(kind, b);
            if (kind == EngineKind.SCRATCH) {
                // A disabled control shows no tooltip: its holder says why it is disabled.
                scratchHolder.getChildren().add(b);
                segmented.getChildren().add(scratchHolder);
            } else {
                segmented.getChildren().add(b);
            }
        }
        ToggleButton scratch = engineButtons.get(EngineKind.SCRATCH);
        scratch.disableProperty().bind(model.scratchEngineReasonProperty().isNotEmpty());
        Tooltip why = HyperparametersView.tip("");
        why.textProperty().bind(model.scratchEngineReasonProperty());
        model.scratchEngineReasonProperty()
                .map(String::isEmpty)
                .addListener(
                        (obs, was, allowed) ->
                                Tooltip.install(scratchHolder, allowed ? null : why));
        if (!model.scratchEngineReasonProperty().get().isEmpty()) {
            Tooltip.install(scratchHolder, why);
        }
        return HyperparametersView.row("Engine", ENGINE_HELP, segmented);
    }

    /**
     * Why the engine chosen behaves as it does, or why from scratch is not offered; hidden when
     * empty.
     */
    Label note() {
        Label note = new Label();
        note.setId("engine-note");
        note.getStyleClass().add("hyperparam-note");
        note.setWrapText(true);
        note.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        !model.engineNoteProperty().get().isEmpty()
                                                ? model.engineNoteProperty().get()
                                                : model.scratchEngineReasonProperty().get(),
                                model.engineNoteProperty(),
                                model.scratchEngineReasonProperty()));
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        note.setPadding(new Insets(0, 0, 0, 112));
        return note;
    }
}
