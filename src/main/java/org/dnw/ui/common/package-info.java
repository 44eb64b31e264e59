/**
 * Pieces every feature of the UI shares: the {@link org.dnw.ui.common.DialogService} that all file
 * choosers and alerts go through, the undo/redo {@link org.dnw.ui.common.CommandStack}, the {@link
 * org.dnw.ui.common.SliderField} control and number formatting; the one {@link
 * org.dnw.ui.common.EventPump} that carries background events to the FX thread; and the one
 * background-job view-model ({@link org.dnw.ui.common.BackgroundJob}) with its {@link
 * org.dnw.ui.common.ActionStrip} (start, Cancel, progress, status, error) for every long task.
 */
package org.dnw.ui.common;
