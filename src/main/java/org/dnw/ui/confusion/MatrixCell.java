package org.dnw.ui.confusion;

/**
 * A cell of the confusion matrix.
 *
 * @param actual true class (row)
 * @param predicted predicted class (column)
 */
public record MatrixCell(int actual, int predicted) {

    public boolean isCorrect() {
        return actual == predicted;
    }
}
