package org.dnw.ui.sweep;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Run on: (•) this computer ( ) Slurm cluster" and, with the cluster chosen, its fields
 * (partition, time limit, CPUs per task, memory, GPUs, max parallel, the shared runs folder) with
 * the sentences of the fields that cannot be sent and the warning about a runs folder other nodes
 * may not see.
 */
final class SlurmTargetView extends VBox {

    SlurmTargetView(SlurmTargetViewModel model) {
        super(6);
        getStyleClass().add("slurm-target");
        ToggleGroup group = new ToggleGroup();
        RadioButton here = new RadioButton("this computer");
        here.setId("sweep-run-here");
        here.setToggleGroup(group);
        here.setTooltip(new Tooltip("Train the runs one after another in this window's process."));
        RadioButton cluster = new RadioButton("Slurm cluster");
        cluster.setId("sweep-run-slurm");
        cluster.setToggleGroup(group);
        cluster.setTooltip(
                new Tooltip(
                        "Submit the sweep as one Slurm job array: each run is one task, trained by"
                                + " bin/workbench train on a node, saved into the runs folder"
                                + " below."));
        cluster.setSelected(model.onSlurm());
        here.setSelected(!model.onSlurm());
        cluster.selectedProperty().bindBidirectional(model.onSlurmProperty());
        model.onSlurmProperty().addListener((obs, was, now) -> here.setSelected(!now));
        Label runOn = new Label("Run on:");
        runOn.getStyleClass().add("sweep-axis-label");
        HBox choice = new HBox(14, runOn, here, cluster);
        choice.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setId("slurm-settings");
        grid.getStyleClass().add("sweep-settings");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setMaxWidth(1200);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints label = new ColumnConstraints();
            label.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints field = new ColumnConstraints(90, 130, Double.MAX_VALUE);
            field.setHgrow(Priority.SOMETIMES);
            grid.getColumnConstraints().addAll(label, field);
        }
        field(
                grid,
                0,
                0,
                "Partition",
                "slurm-partition",
                model.partitionProperty(),
                "default",
                "Slurm's partition (queue); empty for the cluster's default.");
        field(
                grid,
                1,
                0,
                "Time limit",
                "slurm-time",
                model.timeLimitProperty(),
                "HH:MM:SS",
                "Wall-time limit of each run, hours:minutes:seconds; Slurm stops a task that"
                        + " runs longer.");
        field(
                grid,
                2,
                0,
                "CPUs per task",
                "slurm-cpus",
                model.cpusPerTaskProperty(),
                "1",
                "CPUs each run gets; also its training threads.");
        field(
                grid,
                3,
                0,
                "Memory",
                "slurm-memory",
                model.memoryProperty(),
                "default",
                "Memory of each run, e.g. 4G; empty for the partition's default.");
        field(
                grid,
                0,
                1,
                "GPUs (gres)",
                "slurm-gres",
                model.gresProperty(),
                "none",
                "Generic resources of each run, e.g. gpu:1; empty for none.");
        field(
                grid,
                1,
                1,
                "Max parallel",
                "slurm-max-parallel",
                model.maxParallelProperty(),
                "no limit",
                "At most this many runs at once; empty for as many as Slurm allows.");
        TextField folder =
                field(
                        grid,
                        2,
                        1,
                        "Runs folder",
                        "slurm-runs-folder",
                        model.runsFolderProperty(),
                        "a folder every node sees",
                        "Where the runs are saved: a shared file system (NFS, Lustre, …) that"
                                + " every node and this window see.");
        GridPane.setColumnSpan(folder, 3);

        Label problems = sentence("slurm-problems", "sweep-problems");
        problems.textProperty().bind(model.problemsProperty());
        Label warning = sentence("slurm-warning", "slurm-warning");
        warning.textProperty().bind(model.warningProperty());
        VBox details = new VBox(6, grid, problems, warning);
        details.visibleProperty().bind(model.onSlurmProperty());
        details.managedProperty().bind(details.visibleProperty());
        getChildren().addAll(choice, details);
    }

    private static TextField field(
            GridPane grid,
            int column,
            int row,
            String label,
            String id,
            StringProperty value,
            String prompt,
            String tip) {
        Label l = new Label(label);
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPromptText(prompt);
        f.setTooltip(new Tooltip(tip));
        l.setLabelFor(f);
        grid.add(l, 2 * column, row);
        grid.add(f, 2 * column + 1, row);
        return f;
    }

    private static Label sentence(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
