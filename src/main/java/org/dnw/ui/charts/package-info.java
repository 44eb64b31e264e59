/**
 * Live loss and accuracy charts of a training run, with the best validation epoch marked and the
 * per-epoch curves of saved runs overlaid for comparison.
 */
package org.dnw.ui.charts;
