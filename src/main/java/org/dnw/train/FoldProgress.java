package org.dnw.train;

/**
 * One training event of one fold of a cross-validation, as forwarded to the listener: the fold's
 * {@link TrainingEvent.RunStarted} says it began, its terminal event that it ended.
 *
 * @param fold 1-based fold number
 * @param foldCount k
 * @param event the fold's training event, unchanged
 */
public record FoldProgress(int fold, int foldCount, TrainingEvent event) {}
