/**
 * The Data tab: a chooser of built-in data sets (with where each one is) and of files and folders
 * to open, loading off the FX thread with progress and Cancel, and a preview of what was loaded —
 * sample images with their labels, or a table's first rows — with class counts and split sizes.
 *
 * <p>The tab reaches the data through the port {@link org.dnw.ui.data.DatasetSource}, which the
 * application implements with the data catalog; {@link
 * org.dnw.ui.data.DataViewModel#loadedProperty} hands the loaded data to the rest of the window.
 */
package org.dnw.ui.data;
