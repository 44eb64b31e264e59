package org.dnw.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** The array optimizers on the PyTorch engine, step by step against the formulas worked by hand. */
class ArrayOptimizerIT {

    @Test
    void twoStepsFollowPyTorchsNesterovFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayOptimizer sgd =
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.NESTEROV)
                            .setLearningRateTracker(Tracker.fixed(0.1f))
                            .setMomentum(0.9f)
                            .build();
            NDArray w = manager.create(new float[] {1f, -2f});
            NDArray g = manager.create(new float[] {0.5f, 1f});

            sgd.update("w", w, g);
            // v = g = (0.5, 1); w = w − 0.1·(g + 0.9·v) = w − 0.19·g
            assertThat(w.toFloatArray()[0]).isCloseTo(1f - 0.095f, within(1e-6f));
            assertThat(w.toFloatArray()[1]).isCloseTo(-2f - 0.19f, within(1e-6f));

            sgd.update("w", w, g);
            // v = 0.9·g + g = 1.9·g; w −= 0.1·(g + 0.9·1.9·g) = 0.271·g
            assertThat(w.toFloatArray()[0]).isCloseTo(1f - 0.095f - 0.1355f, within(1e-6f));
            assertThat(w.toFloatArray()[1]).isCloseTo(-2f - 0.19f - 0.271f, within(1e-6f));
        }
    }

    @Test
    void insideATrainerItFitsALineAndClearsTheGradientAfterEachStep() {
        try (ai.djl.Model model = ai.djl.Model.newInstance("line")) {
            model.setBlock(ai.djl.nn.core.Linear.builder().setUnits(1).build());
            var config =
                    new ai.djl.training.DefaultTrainingConfig(ai.djl.training.loss.Loss.l2Loss())
                            .optOptimizer(
                                    ArrayOptimizer.builder(ArrayOptimizer.Rule.NESTEROV)
                                            .setLearningRateTracker(Tracker.fixed(0.01f))
                                            .setMomentum(0.9f)
                                            .build());
            try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new ai.djl.ndarray.types.Shape(64, 2));
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomNormal(new ai.djl.ndarray.types.Shape(64, 2));
                NDArray y =
                        x.matMul(
                                        manager.create(
                                                new float[] {2f, -3f},
                                                new ai.djl.ndarray.types.Shape(2, 1)))
                                .add(1f);
                for (int step = 0; step < 200; step++) {
                    try (var collector = trainer.newGradientCollector()) {
                        NDArray prediction =
                                trainer.forward(new ai.djl.ndarray.NDList(x)).singletonOrThrow();
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
                        model.getBlock().getParameters().get("weight").getArray().toFloatArray();
                float b = model.getBlock().getParameters().get("bias").getArray().getFloat();
                assertThat(w[0]).isCloseTo(2f, within(1e-3f));
                assertThat(w[1]).isCloseTo(-3f, within(1e-3f));
                assertThat(b).isCloseTo(1f, within(1e-3f));
            }
        }
    }

    @Test
    void rmsPropAndAdaGradTakeTheirFirstStepsAsPyTorchDoes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayOptimizer rms =
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.RMSPROP)
                            .setLearningRateTracker(Tracker.fixed(0.01f))
                            .build();
            NDArray w = manager.create(new float[] {1f});
            rms.update("w", w, manager.create(new float[] {2f}));
            // s = 0.01·4 = 0.04; w = 1 − 0.01·2 / 0.2 = 0.9
            assertThat(w.getFloat()).isCloseTo(0.9f, within(1e-5f));
            rms.update("w", w, manager.create(new float[] {2f}));
            // s = 0.99·0.04 + 0.04 = 0.0796; w = 0.9 − 0.01·2 / √0.0796
            assertThat(w.getFloat())
                    .isCloseTo((float) (0.9 - 0.02 / Math.sqrt(0.0796)), within(1e-5f));

            ArrayOptimizer ada =
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.ADAGRAD)
                            .setLearningRateTracker(Tracker.fixed(0.1f))
                            .build();
            NDArray v = manager.create(new float[] {1f});
            ada.update("v", v, manager.create(new float[] {3f}));
            // s = 9; v = 1 − 0.1·3 / 3 = 0.9
            assertThat(v.getFloat()).isCloseTo(0.9f, within(1e-6f));
            ada.update("v", v, manager.create(new float[] {4f}));
            // s = 25; v = 0.9 − 0.1·4 / 5 = 0.82
            assertThat(v.getFloat()).isCloseTo(0.82f, within(1e-6f));
        }
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayOptimizer sgd =
                    ArrayOptimizer.builder(ArrayOptimizer.Rule.NESTEROV)
                            .setLearningRateTracker(Tracker.fixed(0.1f))
                            .setMomentum(0f)
                            .optWeightDecays(0.5f)
                            .build();
            NDArray w = manager.create(new float[] {2f});
            sgd.update("w", w, manager.create(new float[] {0f}));
            // g = 0 + 0.5·2 = 1; w = 2 − 0.1·1
            assertThat(w.toFloatArray()[0]).isCloseTo(1.9f, within(1e-6f));
        }
    }
}
