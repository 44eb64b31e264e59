package org.dnw.ui.data;

/**
 * How many samples each split holds once the validation share is applied.
 *
 * @param train samples trained on
 * @param validation samples held out to follow progress
 * @param test samples kept for the final figures
 * @param validationFixed true when the data set brings its own validation split, so the share does
 *     not apply
 */
public record SplitSizes(int train, int validation, int test, boolean validationFixed) {

    /** Samples in all three splits. */
    public int total() {
        return train + validation + test;
    }
}
