package org.dnw.app;

import java.util.concurrent.Executor;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.tryit.Classifier;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.why.WhyViewModel;

/**
 * "Why did it say 5?" in the confusion gallery, with the network the Try-it tab loads. Every run
 * the Confusion tab shows is handed to Try it right after (an opened run: {@code showRun} then
 * {@code useForTryIt}; a run trained here: its test evaluation, then {@code useForTryIt} once it is
 * saved), and the gallery forgets its network whenever it shows a new evaluation: so the network it
 * is given next is the shown run's own, never another's.
 */
final class GalleryWhy {

    private GalleryWhy() {}

    /**
     * @param predictions the Try-it network's single thread: the gallery's questions queue there
     *     with the tab's own
     */
    static void link(
            ConfusionViewModel confusion, TryItViewModel tryIt, Executor predictions, Executor fx) {
        confusion.enableWhy(new WhyViewModel(predictions, fx));
        tryIt.classifierProperty()
                .addListener(
                        (obs, was, now) -> {
                            Classifier c = now;
                            confusion.setExplainer(c == null ? null : c::explain);
                        });
    }
}
