/**
 * Sweeps in the window: one or two settings with their values, a preview naming the runs that
 * cannot work, the runs trained one after another in the background (each saved as an ordinary
 * run), a results table and a chart against the first setting. The work is behind the {@link
 * org.dnw.ui.sweep.SweepStarter} port ({@link org.dnw.runs.SweepRunner} in the application); {@link
 * org.dnw.ui.common.EventPump} carries background events to the FX thread, coalescing batch
 * progress.
 */
package org.dnw.ui.sweep;
