package org.dnw.store;

import java.nio.file.Path;

/**
 * A run being written: a hidden folder ({@code .tmp-*}) inside the store's root into which the
 * training thread saves the model's DJL params, and which {@link RunStore#commit} later completes
 * and moves into place. Immutable.
 *
 * @param folder the draft folder, inside {@link RunStore#root()}
 * @param runName the name the run was begun with; the saved folder is named after it
 */
public record RunDraft(Path folder, String runName) {}
