package org.dnw.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.dnw.engine.BlockFactory;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.junit.jupiter.api.Test;

/**
 * The in-place optimisers against the ones the engine used before (DJL's native {@code adamUpdate}
 * and {@code sgdUpdate}, through {@link CheckpointedAdam} and {@link CheckpointedSgd}), step by
 * step on random weights and gradients of the seed CNN's parameter shapes, with a warm-up schedule
 * on the learning rate. "Relative" here: the largest difference in an array over the largest
 * magnitude in the reference array.
 */
class InPlaceOptimizerIT {

    private static final int STEPS = 20;
    private static final double RELATIVE = 1e-6;

    /** A warm-up over 5 updates, so the schedule hook and the update count are exercised. */
    private static final Tracker WARM_UP = n -> 0.002f * Math.min(1f, (n + 1) / 5f);

    @Test
    void adamFollowsTheNativeAdamOnTheSeedCnnsShapes() {
        compare(
                states -> reference(states, 0f),
                states -> inPlaceAdam(states, 0f),
                STEPS,
                RELATIVE,
                1);
    }

    @Test
    void adamWithWeightDecayFollowsTheNativeAdam() {
        compare(
                states -> reference(states, 5e-4f),
                states -> inPlaceAdam(states, 5e-4f),
                STEPS,
                RELATIVE,
                2);
    }

    @Test
    void sgdAndMomentumWithoutDecayGiveTheNativeNumbersToTheBit() {
        for (float momentum : new float[] {0f, 0.9f}) {
            compare(
                    states -> referenceSgd(states, momentum, 0f),
                    states -> inPlaceSgd(states, momentum, 0f),
                    STEPS,
                    0,
                    3);
        }
    }

    @Test
    void sgdWithWeightDecayFollowsTheNativeSgd() {
        compare(
                states -> referenceSgd(states, 0.9f, 5e-4f),
                states -> inPlaceSgd(states, 0.9f, 5e-4f),
                STEPS,
                RELATIVE,
                4);
    }

    @Test
    void anAdamCheckpointWrittenBeforeResumesWithTheInPlaceAdam() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Shape> shapes = Map.of("a", new Shape(8, 3, 3, 3), "b", new Shape(8));
            Map<String, String> names = new LinkedHashMap<>();
            shapes.keySet().forEach(k -> names.put(k, k));
            Random random = new Random(5);
            Map<String, NDArray> w = randomArrays(manager, shapes, random, 0.1f);
            OptimizerStates before = new OptimizerStates();
            Optimizer old = reference(before, 0f);
            List<Map<String, NDArray>> grads = new ArrayList<>();
            for (int s = 0; s < 2 * 5; s++) {
                grads.add(randomArrays(manager, shapes, random, 0.01f));
            }
            for (int s = 0; s < 5; s++) {
                step(old, w, copies(grads.get(s)));
            }
            // what a checkpoint keeps: counts, the update number and every state array
            Map<String, float[]> saved = new HashMap<>();
            before.arrays(names).forEach((k, a) -> saved.put(k, a.toFloatArray()));
            assertThat(saved.keySet())
                    .containsExactlyInAnyOrder("state0.a", "state0.b", "state1.a", "state1.b");
            OptimizerStates after = new OptimizerStates();
            after.restore(before.counts(names), before.updateNumber(), saved, names);
            Optimizer resumed = inPlaceAdam(after, 0f);
            Map<String, NDArray> wResumed = copies(w);
            for (int s = 5; s < 10; s++) {
                step(old, w, copies(grads.get(s)));
                step(resumed, wResumed, copies(grads.get(s)));
            }
            for (String k : shapes.keySet()) {
                assertClose("weight " + k, wResumed.get(k), w.get(k), RELATIVE);
            }
            Map<String, NDArray> oldStates = before.arrays(names);
            after.arrays(names).forEach((k, a) -> assertClose(k, a, oldStates.get(k), RELATIVE));
        }
    }

    @Test
    void insideATrainerTheyFitALineAndClearTheGradientAfterEachStep() {
        for (Optimizer optimizer :
                List.of(
                        inPlaceAdam(new OptimizerStates(), 0f, Tracker.fixed(0.05f)),
                        InPlaceSgd.builder()
                                .setLearningRateTracker(Tracker.fixed(0.01f))
                                .optMomentum(0.9f)
                                .build())) {
            try (ai.djl.Model model = ai.djl.Model.newInstance("line")) {
                model.setBlock(ai.djl.nn.core.Linear.builder().setUnits(1).build());
                var config =
                        new ai.djl.training.DefaultTrainingConfig(
                                        ai.djl.training.loss.Loss.l2Loss())
                                .optOptimizer(optimizer);
                try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(64, 2));
                    NDManager manager = trainer.getManager();
                    NDArray x = manager.randomNormal(new Shape(64, 2));
                    NDArray y =
                            x.matMul(manager.create(new float[] {2f, -3f}, new Shape(2, 1)))
                                    .add(1f);
                    for (int step = 0; step < 400; step++) {
                        try (var collector = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                            collector.backward(prediction.sub(y).square().mean());
                        }
                        trainer.step();
                        for (var p : model.getBlock().getParameters()) {
                            assertThat(p.getValue().getArray().getGradient().abs().max().getFloat())
                                    .as("gradient after step %d", step)
                                    .isZero();
                        }
                    }
                    float[] w =
                            model.getBlock()
                                    .getParameters()
                                    .get("weight")
                                    .getArray()
                                    .toFloatArray();
                    assertThat(w[0])
                            .as(optimizer.getClass().getSimpleName())
                            .isCloseTo(2f, within(1e-2f));
                    assertThat(w[1]).isCloseTo(-3f, within(1e-2f));
                }
            }
        }
    }

    /**
     * Runs both optimisers {@code steps} times on the same weights and gradients of the seed CNN's
     * shapes and holds weights and state arrays to {@code relative} (0: equal to the bit).
     */
    private static void compare(
            Function<OptimizerStates, Optimizer> referenceOf,
            Function<OptimizerStates, Optimizer> candidateOf,
            int steps,
            double relative,
            long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Shape> shapes = seedCnnShapes(manager);
            assertThat(shapes).hasSizeGreaterThanOrEqualTo(6);
            Map<String, String> names = new LinkedHashMap<>();
            shapes.keySet().forEach(k -> names.put(k, k));
            Random random = new Random(seed);
            Map<String, NDArray> expected = randomArrays(manager, shapes, random, 0.1f);
            Map<String, NDArray> actual = copies(expected);
            Map<String, NDArray> initial = copies(expected);
            OptimizerStates referenceStates = new OptimizerStates();
            OptimizerStates candidateStates = new OptimizerStates();
            Optimizer reference = referenceOf.apply(referenceStates);
            Optimizer candidate = candidateOf.apply(candidateStates);
            int arraysAfterFirstStep = -1;
            for (int s = 0; s < steps; s++) {
                if (s == 1) {
                    arraysAfterFirstStep = manager.getManagedArrays().size();
                }
                try (NDManager stepManager = manager.newSubManager()) {
                    // gradients of mixed scale and sign, some exactly zero
                    Map<String, NDArray> g = randomArrays(stepManager, shapes, random, 0.01f);
                    step(reference, expected, copies(g));
                    step(candidate, actual, g);
                }
            }
            assertThat(manager.getManagedArrays())
                    .as("no temporary array outlives its step")
                    .hasSize(arraysAfterFirstStep);
            for (String k : shapes.keySet()) {
                assertClose("weight " + k, actual.get(k), expected.get(k), relative);
                assertThat(actual.get(k).toFloatArray())
                        .as("weight %s moved", k)
                        .isNotEqualTo(initial.get(k).toFloatArray());
            }
            Map<String, NDArray> want = referenceStates.arrays(names);
            Map<String, NDArray> got = candidateStates.arrays(names);
            assertThat(got.keySet()).isEqualTo(want.keySet());
            got.forEach((k, a) -> assertClose(k, a, want.get(k), relative));
            assertThat(candidateStates.counts(names)).isEqualTo(referenceStates.counts(names));
        }
    }

    private static void step(Optimizer o, Map<String, NDArray> weights, Map<String, NDArray> g) {
        weights.forEach((k, w) -> o.update(k, w, g.get(k)));
    }

    private static void assertClose(
            String what, NDArray actual, NDArray expected, double relative) {
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        assertThat(a).as(what).hasSameSizeAs(e);
        if (relative == 0) {
            assertThat(a).as("%s to the bit", what).isEqualTo(e);
            return;
        }
        double largest = 0;
        double difference = 0;
        for (int i = 0; i < e.length; i++) {
            largest = Math.max(largest, Math.abs(e[i]));
            difference = Math.max(difference, Math.abs((double) a[i] - e[i]));
        }
        assertThat(largest).as("%s is not all zero", what).isPositive();
        assertThat(difference / largest)
                .as("%s: largest difference, relative", what)
                .isLessThanOrEqualTo(relative);
    }

    /** The parameter shapes of the seed-cnn preset, by parameter name. */
    private static Map<String, Shape> seedCnnShapes(NDManager manager) {
        ModelSpec spec = Presets.load("seed-cnn");
        SequentialBlock block = BlockFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, BlockFactory.batchShape(spec.input(), 1));
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            shapes.put(p.getKey(), p.getValue().getArray().getShape());
        }
        return shapes;
    }

    private static Map<String, NDArray> randomArrays(
            NDManager manager, Map<String, Shape> shapes, Random random, float scale) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        shapes.forEach(
                (k, shape) -> {
                    float[] v = new float[Math.toIntExact(shape.size())];
                    for (int i = 0; i < v.length; i++) {
                        // a tenth exactly zero, a twentieth so small that ε matters (where it is
                        // added shows), one in a hundred ten times larger, the rest normal
                        int kind = random.nextInt(100);
                        float x = (float) random.nextGaussian() * scale;
                        v[i] = kind < 10 ? 0f : kind < 15 ? x * 1e-5f : kind == 99 ? 10 * x : x;
                    }
                    out.put(k, manager.create(v, shape));
                });
        return out;
    }

    private static Map<String, NDArray> copies(Map<String, NDArray> arrays) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, a) -> out.put(k, a.duplicate()));
        return out;
    }

    private static Optimizer reference(OptimizerStates states, float decay) {
        return new CheckpointedAdam(
                Optimizer.adam().optLearningRateTracker(WARM_UP).optWeightDecays(decay), states);
    }

    private static Optimizer inPlaceAdam(OptimizerStates states, float decay) {
        return inPlaceAdam(states, decay, WARM_UP);
    }

    private static Optimizer inPlaceAdam(OptimizerStates states, float decay, Tracker rate) {
        return InPlaceAdam.builder()
                .optLearningRateTracker(rate)
                .optWeightDecays(decay)
                .setStates(states)
                .build();
    }

    private static Optimizer referenceSgd(OptimizerStates states, float momentum, float decay) {
        return new CheckpointedSgd(
                Optimizer.sgd()
                        .setLearningRateTracker(WARM_UP)
                        .optMomentum(momentum)
                        .optWeightDecays(decay),
                states);
    }

    private static Optimizer inPlaceSgd(OptimizerStates states, float momentum, float decay) {
        return InPlaceSgd.builder()
                .setLearningRateTracker(WARM_UP)
                .optMomentum(momentum)
                .optWeightDecays(decay)
                .setStates(states)
                .build();
    }
}
