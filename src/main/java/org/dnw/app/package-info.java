/**
 * The composition root: {@link org.dnw.app.Launcher} (the main class), {@link
 * org.dnw.app.WorkbenchApp} (builds the view models, services and window and wires them), and the
 * {@code --screenshot} mode that writes a PNG of the window and exits. Nothing imports this
 * package.
 */
package org.dnw.app;
