/**
 * The live training panel: the Train, Pause/Resume and Stop buttons, progress, throughput, time
 * left and status, and the {@link org.dnw.ui.training.TrainingEventPump} policy that carries events
 * from the training thread to the FX thread.
 */
package org.dnw.ui.training;
