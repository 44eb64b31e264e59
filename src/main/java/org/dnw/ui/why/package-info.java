/**
 * "Why this answer": saliency and Grad-CAM drawn over the image a network classified, with a class
 * chooser, shared by the Try-it tab and the confusion gallery.
 */
package org.dnw.ui.why;
