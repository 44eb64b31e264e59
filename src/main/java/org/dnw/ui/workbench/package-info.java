/**
 * The main window's shell: menu bar, the architecture editor on the left, the feature tabs on the
 * right (filled in by the application), and the status bar. {@link
 * org.dnw.ui.workbench.WorkbenchViewModel} holds the file actions (presets, open, save), the status
 * line and the decisions that link the features (a data set loaded, a run saved or opened, Train
 * again), which reach the features through {@link org.dnw.ui.workbench.WorkbenchLinks}.
 */
package org.dnw.ui.workbench;
