package org.dnw.ui.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.Shape;
import org.dnw.train.InputSaliency;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.ui.why.WhyViewModel;
import org.junit.jupiter.api.Test;

/**
 * "Why did it say 1?" in the gallery: a chosen image is explained by the network handed in for the
 * run shown, for the class it predicted; a new evaluation forgets that network, so no image is
 * explained by another run's.
 */
class GalleryWhyTest {

    private final List<Runnable> tasks = new ArrayList<>();
    private final ConfusionViewModel model = new ConfusionViewModel();
    private final WhyViewModel why = new WhyViewModel(tasks::add, Runnable::run);
    private final List<String> asked = new ArrayList<>();

    private static TestEvaluation evaluation() {
        int[] actual = {0, 1};
        int[] predicted = {1, 1};
        ClassificationReport report = ClassificationReport.of(actual, predicted, 2);
        return new TestEvaluation(0.5, 0.7, report, actual, predicted, null);
    }

    private static final SampleImages IMAGES =
            index -> new SampleImage(1, 2, 2, new byte[] {0, (byte) 255, (byte) index, 0});

    private GalleryExplainer network(String run) {
        return (pixels, k) -> {
            asked.add(run + " class " + k + " pixel1 " + (pixels[1] & 0xFF));
            float[] g = {0, 1, 0, 0};
            return new InputSaliency(k, Shape.image(1, 2, 2), g, new float[4], 1, null);
        };
    }

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.remove(0).run();
        }
    }

    @Test
    void aChosenImageIsExplainedForItsPredictedClassByTheShownRunsNetwork() {
        model.enableWhy(why);
        model.show(evaluation(), List.of("zero", "one"), IMAGES);
        model.setExplainer(network("run A"));
        model.select(0, 1);
        GalleryItem mistake = model.gallery().get(0);

        model.explain(mistake);
        runTasks();

        assertThat(asked).containsExactly("run A class 1 pixel1 255");
        assertThat(why.titleProperty().get()).isEqualTo("Why did it say one?");
        assertThat(why.saliencyProperty().get().width()).isEqualTo(2);
        assertThat(model.whyNoteProperty().get()).isEmpty();
    }

    @Test
    void aNewEvaluationForgetsTheNetworkUntilItsOwnIsHandedIn() {
        model.enableWhy(why);
        model.show(evaluation(), List.of("zero", "one"), IMAGES);
        model.setExplainer(network("run A"));
        model.select(0, 1);
        model.explain(model.gallery().get(0));
        runTasks();

        model.show(evaluation(), List.of("zero", "one"), IMAGES);
        assertThat(why.titleProperty().get()).as("the old answer is gone").isEmpty();
        model.select(0, 1);
        model.explain(model.gallery().get(0));
        runTasks();
        assertThat(asked).containsExactly("run A class 1 pixel1 255");
        assertThat(model.whyNoteProperty().get()).isEqualTo(ConfusionViewModel.NETWORK_LOADING);

        model.setExplainer(network("run B"));
        model.explain(model.gallery().get(0));
        runTasks();
        assertThat(asked).containsExactly("run A class 1 pixel1 255", "run B class 1 pixel1 255");
    }
}
