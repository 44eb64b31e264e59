package org.dnw.runs;

import org.dnw.train.TrainingEvent;

/**
 * What a running sweep reports, in order: for each point {@link PointStarted}, its {@link
 * PointTraining} events, then {@link PointDone}; finally exactly one {@link SweepEnded}. Immutable.
 */
public sealed interface SweepEvent
        permits SweepEvent.PointStarted,
                SweepEvent.PointTraining,
                SweepEvent.PointDone,
                SweepEvent.SweepEnded {

    /**
     * @param index 0-based point
     * @param pointCount points in the sweep
     */
    record PointStarted(int index, int pointCount, String label) implements SweepEvent {}

    /** A training event of the point's run. */
    record PointTraining(int index, TrainingEvent event) implements SweepEvent {}

    record PointDone(SweepResult.Row row) implements SweepEvent {}

    record SweepEnded(SweepResult result) implements SweepEvent {}
}
