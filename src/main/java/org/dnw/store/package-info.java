/**
 * Saved training runs under {@code saved-models/}: one folder per run, named {@code
 * yyyyMMdd-HHmmss-<name>}, holding a versioned {@code manifest.json} (spec, hyperparameters, seed,
 * data set checksums, library/Java/OS versions, final figures), per-epoch {@code metrics.csv}, the
 * test confusion matrix and class metrics as CSV, test predictions, the first layer's weights as
 * {@code .npy} and {@code .png}, every parameter in {@code weights.npz} and the engine's own {@code
 * .params} file.
 *
 * <p>A run is written into a hidden draft folder ({@code .tmp-<start>-<name>-<n>}) inside the store
 * and moved into place with one atomic rename, so no half-written run is ever listed as complete.
 * While it trains, the draft holds the live event log {@code events.jsonl} ({@link
 * org.dnw.store.RunEvents}) and an owner record with a heartbeat ({@link
 * org.dnw.store.DraftOwner}), and is listed as running, or interrupted once its owner is gone,
 * under the name {@code <start>-<name>-<n>}. A draft killed before its first event is removed by
 * {@link org.dnw.store.RunStore#cleanStaleDrafts()}; one that trained is kept until the user
 * deletes it, or resumes it: the draft holds {@code recipe.json} ({@link org.dnw.store.RunRecipe})
 * and its checkpoints, and {@link org.dnw.store.RunStore#takeOver} hands it to one resuming process
 * in one rename. Other folders whose name starts with a dot are never listed. Running and recording
 * runs (launching, sweeping, robustness) lives above this package, in {@code org.dnw.runs}; the
 * PNGs are drawn by {@code org.dnw.figures}.
 *
 * <p>Confusion matrices are oriented as everywhere in the workbench: rows = true class, columns =
 * predicted class. Weights are float32, row-major, in the engine's NCHW layout. No DJL, no JavaFX.
 */
package org.dnw.store;
