/**
 * The confusion matrix of a finished run as a heat map (rows = true class, columns = predicted),
 * per-class metrics, and a gallery of the test samples in a chosen cell.
 */
package org.dnw.ui.confusion;
