/**
 * The augmentation panel: one slider per augmentation of {@link org.dnw.data.AugmentationSpec}, an
 * on/off switch, and a live preview of training images before and after augmentation.
 */
package org.dnw.ui.augment;
