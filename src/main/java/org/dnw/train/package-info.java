/**
 * Training: the service that runs one training at a time on its own named thread, its epoch/batch
 * loop, hyperparameters, and the sealed {@link org.dnw.train.TrainingEvent} records it emits.
 *
 * <p>Events are immutable and carry plain numbers and arrays, never DJL types; they are delivered
 * on the training thread to a {@code Consumer<TrainingEvent>}, which must not block.
 */
package org.dnw.train;
