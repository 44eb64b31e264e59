/**
 * Training: the service that runs one training at a time on its own named thread, its epoch/batch
 * loop, hyperparameters, and the sealed {@link org.dnw.train.TrainingEvent} records it emits.
 *
 * <p>Events are immutable and carry plain numbers and arrays, never DJL types; they are delivered
 * on the training thread to a {@code Consumer<TrainingEvent>}, which must not block.
 *
 * <p>The loop writes a checkpoint at every epoch end when asked ({@link org.dnw.train.Checkpoints},
 * the engines' state in the one format of {@link org.dnw.train.EngineStateFiles}) and resumes from
 * the newest intact one with exactly the numbers of an uninterrupted run.
 */
package org.dnw.train;
