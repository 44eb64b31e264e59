/**
 * The architecture editor: the network as a vertical stack of layer cards with their controls, live
 * shapes, parameter counts and problems, edited through undoable commands over the immutable {@link
 * org.dnw.spec.ModelSpec}. {@link org.dnw.ui.architecture.ArchitectureViewModel} is the API the
 * rest of the window uses (current spec, {@code trainable}, the Train hook).
 */
package org.dnw.ui.architecture;
