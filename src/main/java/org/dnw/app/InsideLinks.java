package org.dnw.app;

import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.inside.InsideImage;
import org.dnw.ui.inside.InsideViewModel;
import org.dnw.ui.tryit.TryItViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;

/**
 * The ways into the Inside tab from the other tabs: Try it's "Show inside", the confusion gallery's
 * "Show inside the network"; and the tab showing, which decides whether a training run computes the
 * layers at all.
 */
final class InsideLinks {

    private InsideLinks() {}

    static void link(
            InsideViewModel inside,
            TryItViewModel tryIt,
            ConfusionViewModel confusion,
            WorkbenchView view) {
        inside.showingProperty().bind(view.tab(WorkbenchTab.INSIDE).selectedProperty());
        tryIt.setOnShowInside(
                p -> {
                    inside.showImage(
                            InsideImage.of(
                                    p.pixels(),
                                    p.channels(),
                                    p.height(),
                                    p.width(),
                                    "the picture from Try it, as the network sees it",
                                    -1));
                    view.selectTab(WorkbenchTab.INSIDE);
                });
        confusion.setOnShowInside(
                index -> {
                    inside.showTestImage(index);
                    view.selectTab(WorkbenchTab.INSIDE);
                });
    }
}
