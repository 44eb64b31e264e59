/**
 * The course's tasks, each a panel: the two-digit task (a sigmoid network tells two MNIST digits
 * apart; {@link org.dnw.train.TwoDigitTask}) with its classification picture and curves, and k-fold
 * cross-validation of a small dense network on a table ({@link org.dnw.train.CrossValidation}) with
 * the folds' accuracies and their mean ± standard deviation. The data, the training service and the
 * folds' runner are behind the {@link org.dnw.ui.course.DatasetSupplier}, {@link
 * org.dnw.ui.course.CourseTrainer} and {@link org.dnw.ui.course.CrossValidator} ports.
 */
package org.dnw.ui.course;
