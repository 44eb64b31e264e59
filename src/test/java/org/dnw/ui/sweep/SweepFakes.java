package org.dnw.ui.sweep;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dnw.runs.SweepEvent;
import org.dnw.runs.SweepResult;
import org.dnw.runs.SweepRunner;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Shape;
import org.dnw.train.Hyperparameters;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;
import org.dnw.train.TrainingEvent;

/** A small CNN, a recording sweep starter and the events a sweep would send. */
final class SweepFakes {

    private SweepFakes() {}

    /**
     * conv 8 5×5 valid → ReLU → max pool → conv 16 5×5 valid → ReLU → max pool → flatten → dense 32
     * → ReLU → softmax 10, on 1 × 28 × 28: a 13×13 kernel in both convolutions cannot fit.
     */
    static ModelSpec cnn() {
        return new ModelSpec(
                "small-cnn",
                Shape.image(1, 28, 28),
                List.of(
                        Conv2dSpec.of(8, 5, 1, Padding.VALID),
                        ActivationSpec.relu(),
                        Pool2dSpec.max(2, 2),
                        Conv2dSpec.of(16, 5, 1, Padding.VALID),
                        ActivationSpec.relu(),
                        Pool2dSpec.max(2, 2),
                        new FlattenSpec(),
                        DenseSpec.of(32),
                        ActivationSpec.relu(),
                        OutputSpec.softmax(10)));
    }

    static SweepSetting.Variant base() {
        return new SweepSetting.Variant(cnn(), Hyperparameters.defaults().withEpochCount(2));
    }

    /** Records every start; returns a sweep that remembers cancel. */
    static final class Starter implements SweepStarter {
        final List<SweepPlan> plans = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        Consumer<SweepEvent> listener;
        FakeSweep sweep;
        RuntimeException failure;

        @Override
        public SweepRunner.Sweep start(SweepPlan plan, String name, Consumer<SweepEvent> l) {
            if (failure != null) {
                throw failure;
            }
            plans.add(plan);
            names.add(name);
            listener = l;
            sweep = new FakeSweep();
            return sweep;
        }
    }

    static final class FakeSweep implements SweepRunner.Sweep {
        boolean cancelled;
        final CompletableFuture<SweepResult> result = new CompletableFuture<>();

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public CompletableFuture<SweepResult> result() {
            return result;
        }
    }

    /**
     * The events of a sweep over {@code plan} in which point {@code i} that can work trains two
     * epochs of 3 batches and is saved with test accuracy {@code accuracy(i)} after {@code 1000 ·
     * (i + 1)} ms, into {@code runs/point-i}; points that cannot work are skipped.
     *
     * @param stopAfter number of points to report before the sweep ends; the points after it are
     *     not reached and the sweep counts as cancelled
     */
    static List<SweepEvent> events(SweepPlan plan, int stopAfter, double... accuracy) {
        List<SweepEvent> out = new ArrayList<>();
        List<SweepPlan.Point> points = plan.points();
        List<SweepResult.Row> rows = new ArrayList<>();
        int n = points.size();
        for (SweepPlan.Point p : points.subList(0, Math.min(stopAfter, n))) {
            String label = p.label(plan.axes());
            out.add(new SweepEvent.PointStarted(p.index(), n, label));
            SweepResult.Row row;
            if (p.problem() != null) {
                row =
                        new SweepResult.Row(
                                p.index(),
                                p.values(),
                                label,
                                SweepResult.Outcome.SKIPPED,
                                Double.NaN,
                                Double.NaN,
                                0,
                                0,
                                null,
                                p.problem());
            } else {
                String run = "sweep-" + p.index();
                out.add(new SweepEvent.PointTraining(p.index(), started(run, p)));
                for (int epoch = 1; epoch <= 2; epoch++) {
                    for (int batch = 1; batch <= 3; batch++) {
                        out.add(
                                new SweepEvent.PointTraining(
                                        p.index(),
                                        new TrainingEvent.BatchCompleted(
                                                run, epoch, batch, 3, 0.5, 0.8, 1000, 10)));
                    }
                    out.add(
                            new SweepEvent.PointTraining(
                                    p.index(),
                                    new TrainingEvent.EpochCompleted(
                                            run, epoch, 2, 0.4, 0.8, 0.45, 0.78, 0.001, 500)));
                }
                long params = p.variant().spec().analyse().totalParameters();
                row =
                        new SweepResult.Row(
                                p.index(),
                                p.values(),
                                label,
                                SweepResult.Outcome.SAVED,
                                accuracy[p.index() % accuracy.length],
                                accuracy[p.index() % accuracy.length] - 0.01,
                                params,
                                1000L * (p.index() + 1),
                                Path.of("runs", "point-" + p.index()),
                                "saved to runs/point-" + p.index());
            }
            rows.add(row);
            out.add(new SweepEvent.PointDone(row));
        }
        out.add(new SweepEvent.SweepEnded(new SweepResult(plan.axes(), rows, stopAfter < n)));
        return out;
    }

    private static TrainingEvent.RunStarted started(String run, SweepPlan.Point p) {
        return new TrainingEvent.RunStarted(
                run,
                p.variant().spec(),
                p.variant().hyperparameters(),
                "MNIST",
                p.variant().spec().analyse().totalParameters(),
                "CPU",
                5400,
                600,
                1000,
                3,
                Map.of(),
                Instant.EPOCH);
    }
}
