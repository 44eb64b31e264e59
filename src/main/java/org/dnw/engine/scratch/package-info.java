/**
 * A small neural-network engine written in plain Java, for learners to read and to compare with the
 * framework: dense layers ({@link org.dnw.engine.scratch.Linear}), element-wise activations ({@link
 * org.dnw.engine.scratch.ReLU}, {@link org.dnw.engine.scratch.Sigmoid}, {@link
 * org.dnw.engine.scratch.Tanh}), {@link org.dnw.engine.scratch.Softmax}, two losses ({@link
 * org.dnw.engine.scratch.SquaredError}, {@link org.dnw.engine.scratch.SoftmaxCrossEntropy}, and
 * {@link org.dnw.engine.scratch.SigmoidCrossEntropy} for a single sigmoid unit), plain SGD ({@link
 * org.dnw.engine.scratch.Sgd}), a network built from a {@link org.dnw.spec.ModelSpec} ({@link
 * org.dnw.engine.scratch.ScratchNetwork}), the {@link org.dnw.train.TrainingEngine} behind the one
 * training loop ({@link org.dnw.engine.scratch.ScratchEngine}) and what it refuses to train ({@link
 * org.dnw.engine.scratch.ScratchProblems}).
 *
 * <p>Numbers are {@code double}, in row-major arrays: a batch of {@code n} samples of {@code k}
 * values is one {@code double[n·k]}, sample {@code i}'s value {@code p} at {@code [i·k + p]}.
 * Double precision costs about half the speed of float on the same loops, but it lets the gradient
 * check of the tests run on exactly the code that trains (central differences need about 1e-6
 * steps, which float cannot resolve), and it keeps sums over hundreds of inputs free of rounding
 * surprises for learners who print intermediate values. Values cross to the rest of the workbench
 * as {@code float} ({@link org.dnw.train.ParameterValues}, probabilities).
 *
 * <p>Determinism: weights are drawn from {@link java.util.Random} seeded by the run's seed, and the
 * work split over threads ({@link org.dnw.engine.scratch.Workers}) only ever divides independent
 * output elements, each summed in one fixed order; so the same seed gives bit-identical numbers on
 * any number of threads.
 *
 * <p>Threading: a network and its layers are confined to one thread (the training thread), which
 * may fan work out to its {@link org.dnw.engine.scratch.Workers} and waits for it. No DJL here, and
 * no {@code org.dnw.engine} (see {@code ScratchRulesTest}).
 */
package org.dnw.engine.scratch;
