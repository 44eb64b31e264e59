/**
 * The network as data: an immutable {@link org.dnw.spec.ModelSpec} made of sealed {@link
 * org.dnw.spec.LayerSpec} records, pure-Java shape inference with student-readable problems, the
 * built-in presets, and JSON; {@link org.dnw.spec.Sentence} turns messages from anywhere in the
 * core into the sentences the window and the command line show.
 *
 * <p>Shapes are per sample, without the batch axis, channels first (C × H × W) as in DJL's NCHW.
 * Nothing here touches DJL or JavaFX; every type is immutable and thread-safe.
 */
package org.dnw.spec;
