/**
 * The JavaFX user interface, MVVM: each feature has an {@code XView} (a node built in code) bound
 * to an {@code XViewModel} (plain properties and actions, testable without a display). Subpackages:
 * {@code common} (dialogs, undoable commands, shared controls), {@code architecture} (the layer
 * editor), {@code workbench} (the main window's shell). Never imports the engine or DJL.
 */
package org.dnw.ui;
