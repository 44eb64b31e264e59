/**
 * The main window's shell: menu bar, the architecture editor on the left, the feature tabs on the
 * right (filled in by the application), and the status bar. {@link
 * org.dnw.ui.workbench.WorkbenchViewModel} holds the file actions (presets, open, save) and the
 * status line.
 */
package org.dnw.ui.workbench;
