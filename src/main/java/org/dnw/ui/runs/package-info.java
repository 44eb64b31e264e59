/**
 * "Runs": the runs saved in {@code saved-models/} in a sortable table (damaged ones greyed, with
 * the reason), the details of the selected run (results, hyperparameters, data, environment,
 * layers), and what can be done with runs: open one in the other tabs, overlay the curves of
 * several on the live charts, train again with the same network and settings, delete. Store calls
 * run off the FX thread.
 */
package org.dnw.ui.runs;
