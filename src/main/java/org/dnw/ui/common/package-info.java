/**
 * Pieces every feature of the UI shares: the {@link org.dnw.ui.common.DialogService} that all file
 * choosers and alerts go through, the undo/redo {@link org.dnw.ui.common.CommandStack}, the {@link
 * org.dnw.ui.common.SliderField} control and number formatting.
 */
package org.dnw.ui.common;
