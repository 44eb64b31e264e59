/**
 * "Try it": draw a digit with the mouse, or drop an image, and see the trained network's class
 * probabilities as a bar chart, updated while drawing. The picture is prepared as the training data
 * looked ({@link org.dnw.data.DigitPreprocessor}) and what the network sees is shown beside it. The
 * network is behind the {@link org.dnw.ui.tryit.Classifier} port, which the application implements
 * with the engine; predictions run off the FX thread.
 */
package org.dnw.ui.tryit;
