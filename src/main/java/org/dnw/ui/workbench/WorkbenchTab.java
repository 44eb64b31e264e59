package org.dnw.ui.workbench;

/** The tabs of the main window, in order, with what each will show. */
public enum WorkbenchTab {
    DATA(
            "Data",
            "Choose a data set — MNIST, Fashion-MNIST, CIFAR-10, an image folder or a CSV table — and look at its samples and class counts."),
    AUGMENT(
            "Augment",
            "Make the network robust to a noisy camera: noise, blur, shifts and more, applied to each training batch, with a live preview."),
    TRAINING(
            "Training",
            "Set the hyperparameters, press Train, and watch the loss and accuracy curves while the network learns."),
    FILTERS(
            "Filters",
            "See the first layer's learned filters as small images, updated while the network trains."),
    INSIDE(
            "Inside",
            "See what every layer makes of one image: feature maps, dense units and the class probabilities, live while the network trains."),
    CONFUSION(
            "Confusion",
            "See which classes the network mixes up, as a confusion matrix with precision, recall and F1 per class."),
    TRY_IT(
            "Try it",
            "Draw a digit or pick an image and see what the trained network predicts, with its probabilities."),
    RUNS(
            "Runs",
            "Browse the runs saved in saved-models/: their network, hyperparameters, curves and results."),
    EXPERIMENTS(
            "Experiments",
            "Sweeps over a setting, robustness to noise, the two-digit task and k-fold cross-validation.");

    private final String title;
    private final String placeholder;

    WorkbenchTab(String title, String placeholder) {
        this.title = title;
        this.placeholder = placeholder;
    }

    /** The tab's title, e.g. "Try it". */
    public String title() {
        return title;
    }

    /** What the tab will hold, shown until its view is plugged in. */
    public String placeholder() {
        return placeholder;
    }

    /**
     * The tab whose title or constant name matches {@code name}, ignoring case, spaces, dashes and
     * underscores ("try-it", "Try it", "TRY_IT").
     *
     * @throws IllegalArgumentException naming the tabs when none matches
     */
    public static WorkbenchTab parse(String name) {
        String wanted = normalise(name);
        for (WorkbenchTab tab : values()) {
            if (normalise(tab.title).equals(wanted) || normalise(tab.name()).equals(wanted)) {
                return tab;
            }
        }
        StringBuilder names = new StringBuilder();
        for (WorkbenchTab tab : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(tab.title);
        }
        throw new IllegalArgumentException("no tab named '" + name + "' — choose one of " + names);
    }

    private static String normalise(String text) {
        return text == null
                ? ""
                : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
