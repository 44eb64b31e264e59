/**
 * The robustness check: how the test accuracy of saved runs falls as the test images are corrupted
 * more and more (noise, salt and pepper, blur, lower contrast), as a table and a chart. The
 * evaluation itself is behind the {@link org.dnw.ui.robustness.RobustnessEvaluator} port.
 */
package org.dnw.ui.robustness;
