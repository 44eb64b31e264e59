package org.dnw.app;

import java.util.List;
import javafx.application.Application;

/**
 * The main class. It is not an {@link Application} itself, so that JavaFX on the class path starts
 * without the module launcher ({@code mvn javafx:run}, {@code java -cp ...}).
 */
public final class Launcher {

    private Launcher() {}

    /**
     * On Linux without a GPU render device (no {@code /dev/dri}, e.g. a virtual machine or Xvfb),
     * OpenGL is Mesa's software rasteriser, which draws on every core and takes them from PyTorch
     * while it trains (the window then trained at 0.77 of the command line's speed on two cores).
     * JavaFX's own software pipeline draws on one thread (0.96). With a GPU, or when the user chose
     * a pipeline with {@code -Dprism.order}, nothing changes.
     */
    static void chooseRenderer() {
        boolean linux =
                System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux");
        if (linux
                && System.getProperty("prism.order") == null
                && !java.nio.file.Files.isDirectory(java.nio.file.Path.of("/dev/dri"))) {
            System.setProperty("prism.order", "sw");
        }
    }

    public static void main(String[] args) {
        try {
            WorkbenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + WorkbenchOptions.USAGE);
            System.exit(2);
        }
        chooseRenderer();
        Application.launch(WorkbenchApp.class, args);
    }
}
