package org.dnw.ui.hyperparams;

/** What each hyperparameter does, as the panel's tooltips say it to a learner. */
final class HyperparameterHelp {

    static final String OPTIMIZER_HELP =
            "How the weights are changed after each batch. Adam adapts the step for every weight"
                    + " and is a good first choice; plain SGD is simpler and usually needs a larger"
                    + " learning rate (0.01–0.1).";
    static final String LEARNING_RATE_HELP =
            "How big a step the optimizer takes after each batch. Too high and the loss jumps or"
                    + " becomes NaN, too low and learning crawls; try 0.001 with Adam, 0.01–0.1 with"
                    + " SGD.";
    static final String SCHEDULE_HELP =
            "How the learning rate changes from epoch to epoch. Fixed keeps it; step divides it by"
                    + " 10 every few epochs; cosine lowers it smoothly towards zero; decay lowers it"
                    + " a little every epoch; one-cycle changes it every batch, climbing from a 25th"
                    + " of the rate to the rate in the first 30 % of the run and then falling to"
                    + " almost zero — the quickest for a short run. Fixed is fine to start.";
    static final String STEP_EPOCHS_HELP =
            "After this many epochs the learning rate is divided by 10 (and again after as many"
                    + " more). For 10 epochs, 3–5 is typical.";
    static final String DECAY_RATE_HELP =
            "Per-epoch decay d: in epoch e the learning rate is lr / (1 + d·e). 0.01–0.1 slows"
                    + " learning down gently.";
    static final String WEIGHT_DECAY_HELP =
            "Pulls every weight a little towards zero at each step, which fights overfitting. Off"
                    + " or 1e-4 is typical; above 0.01 the network may hardly learn.";
    static final String LOSS_HELP =
            "What the network is scored on while it learns. Cross-entropy suits classification and"
                    + " is the usual choice; squared error compares the output probabilities with"
                    + " the one-hot answer, as older courses do.";
    static final String BATCH_SIZE_HELP =
            "How many samples the network sees before each weight update. Bigger batches make an"
                    + " epoch faster but need more memory and may generalise a little worse; 32–128"
                    + " is usual.";
    static final String EPOCHS_HELP =
            "How many times the network goes through all the training data. More epochs learn more"
                    + " but can overfit (watch the validation curve); 5–20 suits MNIST.";
    static final String PATIENCE_HELP =
            "Early stopping: when the validation loss has not improved for this many epochs,"
                    + " training stops and the run keeps the epoch with the lowest validation loss"
                    + " (its test figures and saved network are that epoch's). 0 trains every epoch;"
                    + " 3–5 is usual. Needs a validation share above 0 %.";
    static final String VALIDATION_HELP =
            "Share of the training data held out to check the network on samples it does not"
                    + " train on. 10–20 % is usual; at 0 % there is no validation curve.";
    static final String SEED_HELP =
            "Starts every random choice: initial weights, shuffling, the validation split, dropout."
                    + " The same seed and settings give the same run; change it to see how much luck"
                    + " matters.";
    static final String NEW_SEED_HELP = "Draw a new random seed.";
    static final String ENGINE_HELP =
            "What does the arithmetic. PyTorch (DJL) trains every kind of layer, fast, on the CPU or"
                    + " a GPU; From scratch (Java) is the workbench's own plain-Java code for dense"
                    + " networks, to show there is no magic inside.";
    static final String DEVICE_HELP =
            "Where training runs: the processor (CPU) or a graphics card (GPU). A GPU is much faster"
                    + " for convolutional networks.";
    static final String RESET_HELP =
            "Put every setting back to the defaults for this network and data set (the line under the"
                    + " title says which): Adam 0.001, cosine, batch 64, 5 epochs, 10 % validation,"
                    + " cross-entropy and PyTorch in general; faster recipes for seed-cnn on MNIST"
                    + " and cifar-fast on CIFAR-10. While nothing is changed, the panel follows a new"
                    + " network or data set.";

    private HyperparameterHelp() {}
}
