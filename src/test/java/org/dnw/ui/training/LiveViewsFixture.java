package org.dnw.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.charts.ChartsView;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.EventPump;
import org.dnw.ui.confusion.ConfusionView;
import org.dnw.ui.confusion.ConfusionViewModel;
import org.dnw.ui.confusion.SampleImages;
import org.dnw.ui.filters.FiltersView;
import org.dnw.ui.filters.FiltersViewModel;

/**
 * The four live views wired as the application would wire them (one pump feeding every view model),
 * inside tabs like the main window's. FX thread only.
 */
public final class LiveViewsFixture {

    public static final String STYLESHEET = "/org/dnw/ui/live-views.css";

    public final List<String> actionCalls = new ArrayList<>();
    public final TrainingViewModel training =
            new TrainingViewModel(
                    new TrainingActions() {
                        @Override
                        public void train() {
                            actionCalls.add("train");
                        }

                        @Override
                        public void pause() {
                            actionCalls.add("pause");
                        }

                        @Override
                        public void resume() {
                            actionCalls.add("resume");
                        }

                        @Override
                        public void stop() {
                            actionCalls.add("stop");
                        }
                    });
    public final ChartsViewModel charts = new ChartsViewModel();
    public final FiltersViewModel filters = new FiltersViewModel();
    public final ConfusionViewModel confusion = new ConfusionViewModel();
    public final TrainingView trainingView = new TrainingView(training);
    public final ChartsView chartsView = new ChartsView(charts);
    public final FiltersView filtersView = new FiltersView(filters);
    public final ConfusionView confusionView = new ConfusionView(confusion);
    public final TabPane tabs = new TabPane();

    /** A training thread that sends an event every 10 ms, as far as the pump can tell. */
    private long fakeNanos;

    public final EventPump<TrainingEvent> pump =
            TrainingEventPump.create(
                    Runnable::run,
                    event -> {
                        training.accept(event);
                        charts.accept(event);
                        filters.accept(event);
                        confusion.accept(event);
                    },
                    EventPump.DEFAULT_INTERVAL,
                    () -> fakeNanos);

    public LiveViewsFixture() {
        BorderPane train = new BorderPane(chartsView);
        train.setTop(trainingView);
        tabs.getTabs()
                .addAll(
                        new Tab("Train", train),
                        new Tab("Filters", filtersView),
                        new Tab("Confusion", confusionView));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStylesheets().add(LiveViewsFixture.class.getResource(STYLESHEET).toExternalForm());
    }

    public Parent root() {
        return tabs;
    }

    /** Feeds a synthetic run whose test samples are the given images. */
    public void feed(List<TrainingEvent> events, List<String> classNames, SampleImages images) {
        confusion.setTestSamples(classNames, images);
        for (TrainingEvent e : events) {
            fakeNanos += 10_000_000L;
            pump.accept(e);
        }
    }

    public void select(int tab) {
        tabs.getSelectionModel().select(tab);
    }
}
