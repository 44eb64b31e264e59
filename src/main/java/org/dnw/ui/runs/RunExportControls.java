package org.dnw.ui.runs;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dnw.ui.common.BackgroundJob;

/**
 * The Runs tab's share of {@link RunExportViewModel}: the Export menu button (PyTorch…, ONNX…) and
 * a spinner while an export is written in the toolbar; at the bottom the line saying what was
 * written, with a button that opens its folder, or what went wrong.
 */
final class RunExportControls {

    static final String ENABLED_TIP =
            "Write the selected run as PyTorch code and weights (model.py, model.pt, …) or as an"
                    + " ONNX model";

    private RunExportControls() {}

    /** The toolbar's controls, in order. */
    static List<Node> toolbar(RunExportViewModel export) {
        BackgroundJob job = export.job();
        MenuItem pyTorch = new MenuItem("PyTorch…");
        pyTorch.setId("runs-export-pytorch");
        // later, so that the menu has closed before the modal chooser opens over it
        pyTorch.setOnAction(e -> Platform.runLater(export::exportPyTorch));
        MenuItem onnx = new MenuItem("ONNX…");
        onnx.setId("runs-export-onnx");
        onnx.setOnAction(e -> Platform.runLater(export::exportOnnx));
        MenuButton menu = new MenuButton("Export", null, pyTorch, onnx);
        menu.setId("runs-export");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.disableProperty().bind(export.availableProperty().not());
        // A disabled control shows no tooltip: the reason hangs on a pane around it.
        StackPane holder = new StackPane(menu);
        holder.setId("runs-export-holder");
        Tooltip tip = new Tooltip();
        tip.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        export.availableProperty().get()
                                                ? ENABLED_TIP
                                                : export.unavailableReasonProperty().get(),
                                export.availableProperty(),
                                export.unavailableReasonProperty()));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        tip.setShowDelay(Duration.millis(300));
        Tooltip.install(holder, tip);

        ProgressIndicator writing = new ProgressIndicator();
        writing.setId("runs-export-busy");
        writing.setPrefSize(18, 18);
        writing.setMaxSize(18, 18);
        writing.visibleProperty().bind(job.runningProperty());
        writing.managedProperty().bind(writing.visibleProperty());
        return List.of(holder, writing);
    }

    /** What the last export wrote, or why it failed: each shown only while it has text. */
    static Node lines(RunExportViewModel export) {
        BackgroundJob job = export.job();
        Label status = new Label();
        status.setId("runs-export-status");
        status.getStyleClass().add("runs-status");
        status.textProperty().bind(job.statusProperty());
        Label error = new Label();
        error.setId("runs-export-error");
        error.getStyleClass().add("runs-export-error");
        error.textProperty().bind(job.errorProperty());
        for (Label l : new Label[] {status, error}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        Button open = new Button("Open folder");
        open.setId("runs-export-open");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setTooltip(new Tooltip("Show the exported files in the system's file browser"));
        open.setOnAction(e -> export.openExportedFolder());
        open.visibleProperty()
                .bind(export.exportedFolderProperty().isNotNull().and(job.runningProperty().not()));
        open.managedProperty().bind(open.visibleProperty());

        HBox done = new HBox(10, status, open);
        done.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        return new VBox(2, done, error);
    }
}
