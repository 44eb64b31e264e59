/**
 * The hyperparameters panel: optimizer, learning rate on a logarithmic slider, schedule, weight
 * decay, loss, batch size, epochs, validation share, seed, engine and device, each with a tooltip
 * that says what it does and a sensible value. {@link
 * org.dnw.ui.hyperparams.HyperparametersViewModel#hyperparametersProperty} always holds a valid
 * {@link org.dnw.train.Hyperparameters}: the controls clamp what is typed.
 */
package org.dnw.ui.hyperparams;
