/**
 * Data: readers for IDX (MNIST, Fashion-MNIST), the CIFAR-10 binary release, image folders and
 * their archives, and delimited tables; the catalog of built-in data sets; splits; NumPy's {@code
 * .npy}/{@code .npz} format ({@link org.dnw.data.NumpyArrays}), read and written for both engines
 * and the run folders.
 *
 * <p>Images stay as unsigned bytes (0–255) in channel-first order (N × C × H × W) and are converted
 * to floats per batch by the engine. Every reader either returns a complete, consistent data set or
 * throws {@link org.dnw.data.DataFormatException} naming the file and what is wrong; nothing is
 * left half-loaded. No DJL or JavaFX here.
 */
package org.dnw.data;
