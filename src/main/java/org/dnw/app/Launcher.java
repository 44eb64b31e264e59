package org.dnw.app;

import java.util.List;
import javafx.application.Application;

/**
 * The main class. It is not an {@link Application} itself, so that JavaFX on the class path starts
 * without the module launcher ({@code mvn javafx:run}, {@code java -cp ...}).
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        try {
            WorkbenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + WorkbenchOptions.USAGE);
            System.exit(2);
        }
        Application.launch(WorkbenchApp.class, args);
    }
}
