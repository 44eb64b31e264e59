package org.dnw.ui.sweep;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;

/**
 * One setting of a sweep as the user edits it: which setting, its values as typed (comma-separated,
 * prefilled with {@link SweepSetting#suggestedValues()} whenever the setting changes) and, for a
 * network setting, the layer it applies to. Properties belong to the FX thread.
 */
public final class SweepAxisViewModel {

    private final ObjectProperty<SweepSetting> setting;
    private final StringProperty valuesText = new SimpleStringProperty(this, "values", "");
    private final ObservableList<LayerChoice> layerChoices = FXCollections.observableArrayList();
    private final ObjectProperty<LayerChoice> layer = new SimpleObjectProperty<>(this, "layer");
    private final ReadOnlyBooleanWrapper networkSetting =
            new ReadOnlyBooleanWrapper(this, "networkSetting");
    private final BooleanProperty enabled;
    private ModelSpec network;

    SweepAxisViewModel(SweepSetting initial, boolean enabledAtStart) {
        setting = new SimpleObjectProperty<>(this, "setting", initial);
        enabled = new SimpleBooleanProperty(this, "enabled", enabledAtStart);
        setting.addListener(
                (obs, was, now) -> {
                    if (now == null) {
                        setting.set(was);
                        return;
                    }
                    valuesText.set(String.join(", ", now.suggestedValues()));
                    networkSetting.set(now.isNetworkSetting());
                    updateLayers();
                });
        valuesText.set(String.join(", ", initial.suggestedValues()));
        networkSetting.set(initial.isNetworkSetting());
        updateLayers();
    }

    public ObjectProperty<SweepSetting> settingProperty() {
        return setting;
    }

    /** The values as typed, e.g. "3, 5, 7". */
    public StringProperty valuesTextProperty() {
        return valuesText;
    }

    /** "every … layer" first, then each layer of the network that has this setting. */
    public ObservableList<LayerChoice> layerChoices() {
        return layerChoices;
    }

    public ObjectProperty<LayerChoice> layerProperty() {
        return layer;
    }

    /** True when the setting changes the network, so a layer can be chosen. */
    public ReadOnlyBooleanProperty networkSettingProperty() {
        return networkSetting.getReadOnlyProperty();
    }

    /** For the second setting: whether the sweep varies it at all. The first is always on. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The typed values, split at commas, blanks dropped, in order. */
    public List<String> values() {
        List<String> out = new ArrayList<>();
        String text = valuesText.get();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /**
     * The axis as the plan needs it.
     *
     * @throws IllegalArgumentException when no value is given (the sentence says so)
     */
    SweepPlan.Axis axis() {
        LayerChoice choice = layer.get();
        int position = setting.get().isNetworkSetting() && choice != null ? choice.position() : 0;
        return new SweepPlan.Axis(setting.get(), values(), position);
    }

    /** Offers the layers of {@code spec}, keeping the chosen position when it still fits. */
    void network(ModelSpec spec) {
        network = spec;
        updateLayers();
    }

    private void updateLayers() {
        SweepSetting s = setting.get();
        LayerChoice before = layer.get();
        List<LayerChoice> choices = new ArrayList<>();
        String every =
                s.isNetworkSetting() ? "every " + kindName(s) + " layer" : "— (a training setting)";
        choices.add(new LayerChoice(0, every, every));
        if (network != null && s.isNetworkSetting()) {
            List<LayerSpec> layers = network.layers();
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec l = layers.get(i);
                if (applies(s, l)) {
                    choices.add(
                            new LayerChoice(
                                    i + 1,
                                    "layer " + (i + 1) + ": " + l.kindName() + " " + l.summary(),
                                    "layer " + (i + 1) + ": " + l.kindName()));
                }
            }
        }
        layerChoices.setAll(choices);
        LayerChoice keep = choices.get(0);
        if (before != null) {
            for (LayerChoice c : choices) {
                if (c.position() == before.position()) {
                    keep = c;
                }
            }
        }
        layer.set(keep);
    }

    /** The kind of layer a network setting applies to, as a user names it. */
    static String kindName(SweepSetting s) {
        return switch (s) {
            case KERNEL_SIZE, FEATURES, PADDING, STRIDE -> "convolution";
            case ACTIVATION -> "activation";
            case POOLING -> "pooling";
            case UNITS -> "hidden dense";
            default -> "";
        };
    }

    private static boolean applies(SweepSetting s, LayerSpec l) {
        return switch (s) {
            case KERNEL_SIZE, FEATURES, PADDING, STRIDE -> l instanceof Conv2dSpec;
            case ACTIVATION -> l instanceof ActivationSpec;
            case POOLING -> l instanceof Pool2dSpec;
            case UNITS -> l instanceof DenseSpec;
            default -> false;
        };
    }
}
