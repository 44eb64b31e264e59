/**
 * The engines behind {@link org.dnw.train.TrainingEngine}, side by side ({@code engine.djl}, {@code
 * engine.scratch}), {@link org.dnw.engine.TrainingServices} that wires them to the one loop, and
 * the DJL boundary: engine start-up (threads, offline mode), the device, a {@link
 * org.dnw.spec.ModelSpec} turned into a DJL {@code Block}, samples turned into float batches, and a
 * trained network loaded back for prediction. Nothing outside this package (but the composition
 * root) touches DJL types.
 *
 * <p>Threading: {@link org.dnw.engine.EngineSetup#configure()} must run before the first DJL call;
 * a {@link org.dnw.engine.LoadedNetwork} is used from one thread at a time (its methods are
 * synchronized).
 */
package org.dnw.engine;
