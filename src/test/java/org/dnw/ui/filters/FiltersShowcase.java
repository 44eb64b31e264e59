package org.dnw.ui.filters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.stage.Stage;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import org.dnw.ui.Showcases;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.runs.SavedRunViews;

/**
 * Pictures of the Filters tab showing a saved run as the runs list's Open shows it: every layer
 * read from its {@code weights.npz} and its layer health from its event log. System properties:
 * {@code showcase.run}, the run's folder, and {@code showcase.out}, the folder for the PNGs.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dnw.ui.filters.FiltersShowcase -Dshowcase.run=RUN -Dshowcase.out=DIR
 * </pre>
 */
public final class FiltersShowcase {

    private static Path run;
    private static Path out;

    public static void main(String[] args) {
        Application.launch(Showcase.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class Showcase extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            // the launcher may load this class afresh: the arguments come again from here
            run = Path.of(System.getProperty("showcase.run"));
            out = Path.of(System.getProperty("showcase.out", "target/screenshots"));
            FiltersShowcase.start(stage);
        }
    }

    private static void start(Stage stage) throws Exception {
        Files.createDirectories(out);
        Executor now = Runnable::run;
        FiltersViewModel filters = new FiltersViewModel();
        filters.setSavedRunReaders(now, now);
        Path folder = run.toAbsolutePath();
        SavedRun saved = new RunStore(folder.getParent()).load(folder);
        SavedRunViews.show(
                saved,
                new ChartsViewModel(),
                filters,
                new ConfusionViewModel(),
                SampleImages.none());
        List<Runnable> steps = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            String px = size[0] + "x" + size[1];
            steps.add(
                    () ->
                            Showcases.show(
                                    stage,
                                    inFiltersTab(new FiltersView(filters)),
                                    size[0],
                                    size[1]));
            for (LayerChoice c : filters.getLayers()) {
                steps.add(() -> filters.chosenLayerProperty().set(c));
                steps.add(() -> filters.meanOverChannelsProperty().set(false));
                steps.add(
                        () ->
                                Showcases.snapshot(
                                        stage.getScene(),
                                        out,
                                        "filters-layer" + c.position() + "-" + px + ".png"));
                if (c.image() != null && c.image().channels() > 1) {
                    steps.add(() -> filters.meanOverChannelsProperty().set(true));
                    steps.add(
                            () ->
                                    Showcases.snapshot(
                                            stage.getScene(),
                                            out,
                                            "filters-layer"
                                                    + c.position()
                                                    + "-mean-"
                                                    + px
                                                    + ".png"));
                }
            }
        }
        steps.add(javafx.application.Platform::exit);
        stage.show();
        Showcases.runSpaced(steps, 0);
    }

    /** The workbench window with {@code content} as its Filters tab, that tab selected. */
    private static javafx.scene.Parent inFiltersTab(javafx.scene.Node content) {
        Executor now = Runnable::run;
        org.dnw.ui.architecture.ArchitectureViewModel editor =
                new org.dnw.ui.architecture.ArchitectureViewModel(
                        org.dnw.spec.Presets.load("seed-cnn"));
        org.dnw.ui.workbench.WorkbenchView window =
                new org.dnw.ui.workbench.WorkbenchView(
                        new org.dnw.ui.workbench.WorkbenchViewModel(
                                editor, new org.dnw.ui.common.FakeDialogService(), now, now));
        window.setTabContent(org.dnw.ui.workbench.WorkbenchTab.FILTERS, content);
        window.selectTab(org.dnw.ui.workbench.WorkbenchTab.FILTERS);
        return window;
    }
}
