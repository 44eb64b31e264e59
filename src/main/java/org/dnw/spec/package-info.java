/**
 * The network as data: an immutable {@link org.dnw.spec.ModelSpec} made of sealed {@link
 * org.dnw.spec.LayerSpec} records, pure-Java shape inference with student-readable problems, the
 * built-in presets, and JSON.
 *
 * <p>Shapes are per sample, without the batch axis, channels first (C × H × W) as in DJL's NCHW.
 * Nothing here touches DJL or JavaFX; every type is immutable and thread-safe.
 */
package org.dnw.spec;
