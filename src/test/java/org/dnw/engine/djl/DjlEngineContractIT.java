package org.dnw.engine.djl;

import org.dnw.train.EngineKind;
import org.dnw.train.TrainingEngineContract;
import org.dnw.train.TrainingLoop;

/**
 * The training contract with the PyTorch engine; an integration test because it starts the native
 * engine (no data set needed: the fixture is made in memory).
 */
class DjlEngineContractIT extends TrainingEngineContract {

    @Override
    protected TrainingLoop loop() {
        return DjlEngine.loop();
    }

    @Override
    protected java.util.Map<org.dnw.train.OptimizerKind, Double> resumableOptimizers() {
        return java.util.Map.of(
                org.dnw.train.OptimizerKind.SGD, 0.05,
                org.dnw.train.OptimizerKind.MOMENTUM, 0.02,
                org.dnw.train.OptimizerKind.ADAM, 0.005,
                org.dnw.train.OptimizerKind.RMSPROP, 0.002);
    }

    @Override
    protected java.util.Map<String, org.dnw.spec.ModelSpec> resumableNetworks() {
        return java.util.Map.of(
                "dense",
                org.dnw.train.TrainingFixtures.imageNet(3),
                "dropout-batchnorm",
                new org.dnw.spec.ModelSpec(
                        "bands-dropout",
                        org.dnw.spec.Shape.image(1, 6, 6),
                        java.util.List.of(
                                new org.dnw.spec.FlattenSpec(),
                                org.dnw.spec.DenseSpec.of(16),
                                new org.dnw.spec.BatchNormSpec(),
                                org.dnw.spec.ActivationSpec.relu(),
                                new org.dnw.spec.DropoutSpec(0.3),
                                org.dnw.spec.OutputSpec.softmax(3))));
    }

    @Override
    protected EngineKind engine() {
        return EngineKind.DJL;
    }

    @Override
    protected boolean measuresLayers() {
        return true;
    }
}
