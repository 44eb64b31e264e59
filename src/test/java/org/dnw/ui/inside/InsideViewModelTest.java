package org.dnw.ui.inside;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.Samples;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Shape;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunManifest;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LayerActivation;
import org.dnw.train.TrainedNetwork;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.confusion.SampleImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Inside tab's view model with a fake network, run on the calling thread; no display. */
class InsideViewModelTest {

    /** 1 × 2 × 2 input, a 2-filter convolution, flatten, 3 classes. */
    static final ModelSpec SPEC =
            new ModelSpec(
                    "tiny",
                    Shape.image(1, 2, 2),
                    List.of(
                            Conv2dSpec.of(2, 1, 1, Padding.SAME),
                            new FlattenSpec(),
                            OutputSpec.softmax(3)));

    static final List<String> NAMES = List.of("zero", "one", "two");

    /** Six test images: image i is all (i · 40), its label i % 3. */
    static final int[] LABELS = {0, 1, 2, 0, 1, 2};

    final List<float[]> probes = new ArrayList<>();
    final FakeNetwork network = new FakeNetwork();
    InsideViewModel model;

    @BeforeEach
    void setUp() {
        model = new InsideViewModel(run -> network, Runnable::run, Runnable::run, new Random(3));
        model.setProbeSink(probes::add);
        model.setTestSet(NAMES, InsideViewModelTest::image, LABELS);
    }

    @Test
    void aTestSetShowsItsFirstImageAndBrowsesByClass() {
        assertThat(model.imageProperty().get().testIndex()).isZero();
        assertThat(model.imageProperty().get().caption()).isEqualTo("test image #0 — true zero");
        model.next();
        assertThat(model.imageProperty().get().testIndex()).isEqualTo(1);
        model.classFilterProperty().set(2);
        model.next();
        assertThat(model.imageProperty().get().testIndex()).isEqualTo(2);
        model.next();
        assertThat(model.imageProperty().get().testIndex()).isEqualTo(5);
        model.next(); // wraps round to the first "two"
        assertThat(model.imageProperty().get().testIndex()).isEqualTo(2);
        model.previous();
        assertThat(model.imageProperty().get().testIndex()).isEqualTo(5);
        assertThat(model.imageProperty().get().values()[0]).isEqualTo(200 / 255f);
    }

    @Test
    void aRandomMistakeIsOneTheNetworkGotWrong() {
        model.randomMistake();
        assertThat(model.messageProperty().get()).contains("once the run has been evaluated");
        int[] predicted = {0, 2, 2, 1, 1, 2}; // wrong: 1 and 3
        model.setPredictions(predicted);
        for (int i = 0; i < 10; i++) {
            model.randomMistake();
            int shown = model.imageProperty().get().testIndex();
            assertThat(shown).isIn(1, 3);
            assertThat(model.imageProperty().get().caption()).contains("predicted");
        }
        model.classFilterProperty().set(2);
        model.randomMistake();
        assertThat(model.messageProperty().get())
                .isEqualTo("The network got every test image of two right.");
    }

    @Test
    void aSavedRunsLayersAreComputedOnlyWhileTheTabShows() {
        model.useRun(savedRun());
        assertThat(network.calls).isZero();
        assertThat(model.layersProperty().get()).isEmpty();
        assertThat(model.isSettled()).isTrue();

        model.showingProperty().set(true);
        assertThat(network.calls).isEqualTo(1);
        List<LayerPicture> layers = model.layersProperty().get();
        assertThat(layers)
                .extracting(LayerPicture::kind)
                .containsExactly(
                        LayerPicture.Kind.MAPS, LayerPicture.Kind.UNITS, LayerPicture.Kind.CLASSES);
        assertThat(layers.get(2).classNames()).isEqualTo(NAMES);
        assertThat(model.sourceProperty().get()).isEqualTo("Saved run saved-1");
        // no probe: nothing trains here
        assertThat(probes).allMatch(p -> p == null);

        model.next();
        assertThat(network.calls).isEqualTo(2);
        model.select(0, 1);
        assertThat(model.selectedProperty().get()).isEqualTo(new InsideViewModel.MapChoice(0, 1));
        model.select(2, 0); // class bars are not maps
        assertThat(model.selectedProperty().get()).isEqualTo(new InsideViewModel.MapChoice(0, 1));
    }

    @Test
    void whileARunTrainsTheProbeIsSetOnlyWhenTheTabShowsAndItsEventsFillTheLayers() {
        model.accept(started());
        assertThat(last()).isNull();
        model.showingProperty().set(true);
        float[] probe = last();
        assertThat(probe).isSameAs(model.imageProperty().get().values());
        assertThat(model.isSettled()).isFalse();

        // an event for an image no longer shown is ignored
        model.accept(captured(new float[4]));
        assertThat(model.layersProperty().get()).isEmpty();
        model.accept(captured(probe));
        assertThat(model.layersProperty().get()).hasSize(3);
        assertThat(model.sourceProperty().get()).isEqualTo("Live: live-1, epoch 1, batch 7");
        assertThat(model.isSettled()).isTrue();

        model.showingProperty().set(false);
        assertThat(last()).isNull();
        model.showingProperty().set(true);
        model.next();
        assertThat(last()).isSameAs(model.imageProperty().get().values()).isNotSameAs(probe);
        assertThat(model.layersProperty().get()).isEmpty();

        model.accept(new TrainingEvent.RunCancelled("live-1", 0, 1, 9));
        assertThat(last()).isNull();
        assertThat(model.isLive()).isFalse();
        assertThat(network.calls).isZero();
    }

    @Test
    void anImageThatDoesNotFitTheNetworkIsRefusedInASentence() {
        model.accept(started());
        model.showingProperty().set(true);
        model.showImage(new InsideImage(new float[9], 1, 3, 3, "a drawing", -1));
        assertThat(model.messageProperty().get())
                .isEqualTo(
                        "This image is 1 × 3 × 3 but the network takes 1 × 2 × 2: pick one of its"
                                + " test images.");
    }

    private float[] last() {
        return probes.get(probes.size() - 1);
    }

    static SampleImage image(int index) {
        if (index < 0 || index >= LABELS.length) {
            return null;
        }
        byte v = (byte) (index * 40);
        return new SampleImage(1, 2, 2, new byte[] {v, v, v, v});
    }

    static TrainingEvent.RunStarted started() {
        return new TrainingEvent.RunStarted(
                "live-1",
                SPEC,
                Hyperparameters.defaults(),
                "tiny set",
                10,
                "CPU",
                6,
                0,
                6,
                9,
                Map.of(),
                Instant.EPOCH);
    }

    static TrainingEvent.ActivationsCaptured captured(float[] input) {
        return new TrainingEvent.ActivationsCaptured(
                "live-1", 1, 7, input, FakeNetwork.layers(input));
    }

    static SavedRun savedRun() {
        RunManifest manifest =
                new RunManifest(
                        RunManifest.FORMAT_VERSION,
                        "saved-1",
                        SPEC,
                        Hyperparameters.defaults(),
                        42,
                        new DatasetInfo("tiny set", NAMES, Map.of(), 6, 0, 6),
                        Map.of(),
                        "CPU",
                        0,
                        null,
                        null,
                        0,
                        null,
                        null,
                        List.of());
        return new SavedRun(Path.of("saved-1"), manifest, List.of(), null, null, List.of());
    }

    /** Each layer's values computed from the input, so that every image gives other maps. */
    static final class FakeNetwork implements TrainedNetwork {
        int calls;

        @Override
        public ModelSpec spec() {
            return SPEC;
        }

        @Override
        public float[] probabilities(float[] inputs, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[] probabilities(Samples samples) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LayerActivation> activations(float[] input) {
            calls++;
            return layers(input);
        }

        static List<LayerActivation> layers(float[] input) {
            List<LayerShape> shapes = SPEC.analyse().layers();
            List<LayerActivation> out = new ArrayList<>();
            for (LayerShape s : shapes) {
                float[] v = new float[(int) s.output().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = input[i % input.length] * (i + 1);
                }
                out.add(new LayerActivation(s.position(), s.layer(), s.output(), v));
            }
            return out;
        }

        @Override
        public void close() {}
    }
}
