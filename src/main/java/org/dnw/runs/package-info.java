/**
 * Running and recording training runs: {@link org.dnw.runs.RunLauncher} starts one run and saves it
 * through a {@link org.dnw.runs.RunRecorder}, which turns the {@link org.dnw.train.TrainingEvent}s
 * of one run into a saved folder of the {@link org.dnw.store.RunStore} without ever throwing into
 * the training loop and reports a {@link org.dnw.runs.RunSaveOutcome}; {@link
 * org.dnw.runs.SweepRunner} trains and records the runs of a sweep one after another ({@link
 * org.dnw.runs.SweepEvent}, {@link org.dnw.runs.SweepResult}); {@link
 * org.dnw.runs.CorruptedEvaluation} evaluates a saved network on corrupted test images. A sweep
 * sent to Slurm is a {@link org.dnw.runs.SlurmJobScript} (one array task per point) submitted by
 * {@link org.dnw.runs.SlurmCluster} through Slurm's own commands; {@link org.dnw.runs.SlurmSweep}
 * holds its folder and merges {@link org.dnw.runs.SlurmStates} with the saved runs. The same sweep
 * for Kubernetes is a {@link org.dnw.runs.KubernetesJob} (an Indexed Job, one completion per
 * point), only ever written as a manifest, never submitted.
 *
 * <p>May use spec, data, eval, train and store; nothing below it (store, figures, train, engine,
 * data, eval, spec) imports it. No DJL, no JavaFX (see {@code LayerRulesTest}).
 */
package org.dnw.runs;
