/**
 * Every picture the workbench draws outside the window, drawn once and written as PNG or SVG: line
 * charts ({@link org.dnw.figures.LineChart}, one model of series, axes, labels and markers rendered
 * to SVG text or a {@link java.awt.image.BufferedImage}), a run's learning curves ({@link
 * org.dnw.figures.CurvePicture}), first-layer kernel grids ({@link
 * org.dnw.figures.KernelGridImage}) and the two-digit classification picture ({@link
 * org.dnw.figures.TwoDigitPicture}). The run folder and the reports both draw with these.
 *
 * <p>Pictures are drawn with {@code java.awt} on images only, so they need no display ({@code
 * java.awt.headless=true} is fine). May use spec, eval and data; never the store, the runs, the
 * engine, DJL or JavaFX (see {@code LayerRulesTest}). Every class is stateless and thread-safe.
 */
package org.dnw.figures;
