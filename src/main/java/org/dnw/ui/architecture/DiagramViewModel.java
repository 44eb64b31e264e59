package org.dnw.ui.architecture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dnw.figures.NetworkDiagram;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.ui.common.DialogService;

/**
 * The editor's network as a picture ({@link NetworkDiagram}, the one the {@code diagram} command
 * and reports draw): drawn on the background executor from the spec it is shown, published on the
 * UI executor; a spec that cannot work shows the editor's sentence instead of a picture. Exports
 * PNG or SVG through {@link NetworkDiagram#write}, the command line's writer. Touched on the UI
 * thread only.
 */
public final class DiagramViewModel {

    /** A drawn diagram: its pixels as ARGB, row-major, and its title. */
    public record Picture(int width, int height, int[] argb, String title) {}

    /** The picture formats a diagram exports to. */
    public enum Format {
        PNG("PNG image (*.png)"),
        SVG("SVG drawing (*.svg)");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final Consumer<String> status;
    private final ReadOnlyObjectWrapper<Picture> picture =
            new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private NetworkDiagram diagram;
    private ModelSpec drawn;
    private long generation;

    /**
     * @param status receives a sentence when a diagram was exported (the window's status line)
     */
    public DiagramViewModel(
            DialogService dialogs, Executor background, Executor ui, Consumer<String> status) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.status = status == null ? s -> {} : status;
    }

    /** The diagram of the spec last shown; null while it is drawn or when the spec cannot work. */
    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** Why there is no picture (the editor's sentence), or "" when there is one. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when a diagram can be exported. */
    public boolean canExport() {
        return diagram != null;
    }

    /** Draws {@code spec}; a later call wins over an earlier one still drawing. */
    public void show(ModelSpec spec) {
        if (spec == null || spec.equals(drawn)) {
            return;
        }
        drawn = spec;
        long mine = ++generation;
        NetworkAnalysis analysis = spec.analyse();
        if (!analysis.isValid() || analysis.layers().size() != spec.layers().size()) {
            diagram = null;
            picture.set(null);
            problem.set(
                    "The network cannot be drawn — "
                            + (analysis.errors().isEmpty()
                                    ? "its shapes cannot be worked out."
                                    : analysis.errors().get(0).message()));
            return;
        }
        background.execute(
                () -> {
                    NetworkDiagram d = NetworkDiagram.of(spec);
                    Picture p = pixels(d.toImage(), spec.name());
                    ui.execute(
                            () -> {
                                if (mine == generation) {
                                    diagram = d;
                                    problem.set("");
                                    picture.set(p);
                                }
                            });
                });
    }

    /** Asks where to save the diagram as {@code format} and writes it there. */
    public void export(Format format) {
        NetworkDiagram d = diagram;
        if (d == null) {
            dialogs.showError(
                    "Nothing to export",
                    problem.get().isEmpty()
                            ? "The diagram is still being drawn; try again in a moment."
                            : problem.get());
            return;
        }
        String ext = format.extension();
        Optional<Path> chosen =
                dialogs.chooseFileToSave(
                        "Export the network diagram as " + format.name(),
                        drawn.name() + "-diagram." + ext,
                        format.description,
                        "*." + ext);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = withExtension(chosen.get(), ext);
        background.execute(
                () -> {
                    try {
                        d.write(file);
                        ui.execute(() -> status.accept("Diagram written to " + file));
                    } catch (IOException | RuntimeException e) {
                        String why = e.getMessage() == null ? e.toString() : e.getMessage();
                        ui.execute(
                                () ->
                                        dialogs.showError(
                                                "Export failed",
                                                "The diagram could not be written to "
                                                        + file
                                                        + " ("
                                                        + why
                                                        + ")."));
                    }
                });
    }

    /** {@code file}, with {@code .ext} added unless its name already ends so (any case). */
    static Path withExtension(Path file, String ext) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith("." + ext)) {
            return file;
        }
        return file.resolveSibling(name + "." + ext);
    }

    private static Picture pixels(BufferedImage image, String title) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        return new Picture(w, h, argb, title);
    }
}
