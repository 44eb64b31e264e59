/**
 * The Inside tab: every layer's output for one chosen image, from the run training now (live, at
 * most once a second) or from a finished or opened run's saved parameters.
 */
package org.dnw.ui.inside;
