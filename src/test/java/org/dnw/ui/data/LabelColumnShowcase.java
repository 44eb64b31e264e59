package org.dnw.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dnw.spec.Presets;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.Showcases;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/**
 * Shows the Data tab's label-column choice inside the workbench window at 1280×800: a table whose
 * header names its label, a table whose guessed label is refused, and the same after choosing the
 * first column. Tables are written to the output folder. Runs headless on Monocle.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.dnw.ui.data.LabelColumnShowcase target/screenshots
 * </pre>
 */
public final class LabelColumnShowcase {

    private static Path outDir = Path.of("target", "screenshots");

    public static void main(String[] args) {
        if (args.length > 0) {
            outDir = Path.of(args[0]);
        }
        HeadlessFx.configure();
        Application.launch(Showcase.class, args);
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class Showcase extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            LabelColumnShowcase.start(stage);
        }
    }

    private static final ExecutorService BACKGROUND =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "showcase-loader");
                        t.setDaemon(true);
                        return t;
                    });

    private static void start(Stage stage) throws IOException {
        Files.createDirectories(outDir);
        Path named = table("plants.csv", true);
        Path bare = table("plants-no-header.csv", false);
        FakeDialogService dialogs = new FakeDialogService();
        DataViewModel model =
                new DataViewModel(
                        new CatalogDatasetPort(), dialogs, BACKGROUND, Platform::runLater);
        ArchitectureViewModel editor = new ArchitectureViewModel(Presets.load("mlp"));
        WorkbenchView window =
                new WorkbenchView(
                        new WorkbenchViewModel(editor, dialogs, Runnable::run, Runnable::run));
        window.getStylesheets().add(DataView.STYLESHEET);
        window.setTabContent(WorkbenchTab.DATA, new DataView(model));
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
        window.selectTab(WorkbenchTab.DATA);
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> model.open(named));
        steps.add(() -> {});
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "label-guessed-1280x800.png"));
        steps.add(() -> model.open(bare));
        steps.add(() -> {});
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "label-refused-1280x800.png"));
        steps.add(() -> model.chooseLabelColumn(0));
        steps.add(() -> {});
        steps.add(() -> Showcases.snapshot(stage.getScene(), outDir, "label-chosen-1280x800.png"));
        steps.add(Platform::exit);
        Showcases.runSpaced(steps, 0);
    }

    /** 60 rows of four measurements and a variety 1–3, the variety first. */
    private static Path table(String name, boolean header) throws IOException {
        StringBuilder b = new StringBuilder(header ? "species,area,perimeter,width,groove\n" : "");
        for (int r = 0; r < 60; r++) {
            b.append(1 + r % 3)
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 12 + r * 0.13))
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 13 + r * 0.07))
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", 3 + (r % 7) * 0.11))
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", 5 + (r % 11) * 0.09))
                    .append('\n');
        }
        return Files.writeString(outDir.resolve(name), b.toString());
    }
}
