/**
 * Pure classification metrics over {@code int[] actual, int[] predicted}: the confusion matrix
 * (rows = true class, columns = predicted class) and per-class precision, recall, F1 and support
 * with macro and weighted averages. No DJL, no JavaFX; every type is immutable.
 */
package org.dnw.eval;
