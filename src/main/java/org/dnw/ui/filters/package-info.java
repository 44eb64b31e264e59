/** The first layer's learned weights, drawn as a live grid of small images. */
package org.dnw.ui.filters;
