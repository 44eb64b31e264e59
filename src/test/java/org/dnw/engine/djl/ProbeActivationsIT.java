package org.dnw.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Shape;
import org.dnw.train.EngineKind;
import org.dnw.train.LayerActivation;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.ActivationsCaptured;
import org.dnw.train.TrainingFixtures;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.Test;

/**
 * A run whose {@link RunControl} carries a probe image reports every layer's output for it while it
 * trains: one {@link ActivationsCaptured} at the first batch, one at the next batch after the image
 * changes, the shapes those of shape inference; none without a probe, and none from the engine that
 * cannot show its layers.
 */
class ProbeActivationsIT {

    private static final ModelSpec CNN =
            new ModelSpec(
                    "probe-cnn",
                    Shape.image(1, 6, 6),
                    List.of(
                            Conv2dSpec.of(4, 3, 1, Padding.SAME),
                            ActivationSpec.relu(),
                            Pool2dSpec.max(2, 2),
                            new FlattenSpec(),
                            DenseSpec.of(8),
                            ActivationSpec.relu(),
                            OutputSpec.softmax(3)));

    @Test
    void aProbedRunReportsEveryLayerWithTheShapesOfShapeInference() {
        float[] first = image(0.2f);
        float[] second = image(0.9f);
        RunControl control = new RunControl();
        control.setProbe(first);
        List<TrainingEvent> events = new ArrayList<>();
        DjlEngine.loop()
                .run(
                        request(EngineKind.DJL),
                        control,
                        e -> {
                            events.add(e);
                            if (e instanceof ActivationsCaptured a && a.input() == first) {
                                control.setProbe(second);
                            }
                        });

        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.RunFinished.class);
        List<ActivationsCaptured> captured =
                events.stream()
                        .filter(ActivationsCaptured.class::isInstance)
                        .map(ActivationsCaptured.class::cast)
                        .toList();
        assertThat(captured).hasSizeGreaterThanOrEqualTo(2);
        assertThat(captured.get(0).input()).isSameAs(first);
        assertThat(captured.get(0).batch()).isEqualTo(1);
        assertThat(captured.get(1).input()).isSameAs(second);
        assertThat(captured.get(1).batch()).isEqualTo(2);

        List<LayerShape> expected = CNN.analyse().layers();
        for (ActivationsCaptured a : captured) {
            assertThat(a.layers()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                LayerActivation layer = a.layers().get(i);
                assertThat(layer.shape()).isEqualTo(expected.get(i).output());
                assertThat(layer.position()).isEqualTo(expected.get(i).position());
                assertThat(layer.values()).hasSize((int) expected.get(i).output().size());
            }
            // the ReLU after the convolution holds no negative value
            for (float v : a.layers().get(1).values()) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
        }
    }

    @Test
    void withoutAProbeNothingIsComputed() {
        List<TrainingEvent> events = new ArrayList<>();
        DjlEngine.loop().run(request(EngineKind.DJL), new RunControl(), events::add);
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.RunFinished.class);
        assertThat(events).noneMatch(ActivationsCaptured.class::isInstance);
    }

    @Test
    void aProbeThatDoesNotFitTheInputIsIgnored() {
        RunControl control = new RunControl();
        control.setProbe(new float[3 * 6 * 6]);
        List<TrainingEvent> events = new ArrayList<>();
        DjlEngine.loop().run(request(EngineKind.DJL), control, events::add);
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.RunFinished.class);
        assertThat(events).noneMatch(ActivationsCaptured.class::isInstance);
    }

    @Test
    void theScratchEngineTrainsOnWithoutReportingLayers() {
        ModelSpec dense = TrainingFixtures.imageNet(3);
        RunControl control = new RunControl();
        control.setProbe(image(0.5f));
        List<TrainingEvent> events = new ArrayList<>();
        ScratchEngine.loop()
                .run(
                        new TrainingRequest(
                                "scratch-probe",
                                dense,
                                TrainingFixtures.imageSplits(3),
                                TrainingFixtures.sgd(0.1, 8, 1),
                                null,
                                0,
                                null,
                                EngineKind.SCRATCH),
                        control,
                        events::add);
        assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.RunFinished.class);
        assertThat(events).noneMatch(ActivationsCaptured.class::isInstance);
    }

    private static TrainingRequest request(EngineKind engine) {
        return new TrainingRequest(
                "probe",
                CNN,
                TrainingFixtures.imageSplits(3),
                TrainingFixtures.sgd(0.05, 8, 2),
                null,
                10,
                null,
                engine);
    }

    private static float[] image(float level) {
        float[] x = new float[36];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 6f * level;
        }
        return x;
    }
}
