/**
 * Self-contained reports of saved runs, for a learner to hand in: one HTML file (and optionally the
 * same as PDF) with the run's data set, network table, hyperparameters, environment, per-epoch
 * table, loss and accuracy curves as inline SVG, the test confusion matrix as a heat map (rows =
 * true class, columns = predicted class), per-class precision/recall/F1, the first layer's filters
 * and the most confident mistakes; for several runs also a comparison table and overlaid curves.
 *
 * <p>The page is {@code report.mustache} (with the partials beside it) filled in by mustache.java
 * from a {@code ReportModel} computed in plain Java: the template holds the markup, the model the
 * figures and words; SVG charts and {@code data:} images are the only parts inserted unescaped.
 *
 * <p>The documents need no network: CSS is inline, images are {@code data:} URIs, and no script,
 * font or style sheet is fetched. Every string taken from a run is escaped. Files are written to a
 * temporary file beside the target and moved into place in one rename.
 *
 * <p>May use spec, data, eval, figures, store and train, openhtmltopdf and mustache.java; never
 * JavaFX, the user interface, the engine or DJL (see {@code ReportRulesTest}), so that the window
 * and the command line can both call it.
 */
package org.dnw.report;
