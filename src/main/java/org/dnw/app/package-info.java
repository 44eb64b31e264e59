/**
 * The composition root: {@link org.dnw.app.Launcher} (the main class) and {@link
 * org.dnw.app.WorkbenchApp}, which only composes: the shared services ({@code WorkbenchServices},
 * with named executors in {@code WorkbenchExecutors}), one small wiring class per feature ({@code
 * SetupFeature}, {@code TrainingFeature}, {@code ExperimentsFeature}), the menus and keys ({@code
 * WorkbenchMenus}), and the {@code WorkbenchLinks} through which the workbench view-model links the
 * features. Also the {@code --screenshot} ({@code WindowScreenshots}) and {@code --benchmark}
 * ({@code WindowBenchmark}) modes. Nothing imports this package.
 */
package org.dnw.app;
