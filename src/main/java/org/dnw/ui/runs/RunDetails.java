package org.dnw.ui.runs;

import java.util.List;

/**
 * What the details pane shows for the selected run, as text. Immutable.
 *
 * @param title the run's name
 * @param subtitle its folder and status
 * @param problem why the run is damaged, as a sentence; null when it is fine
 * @param sections the cards, in order
 */
public record RunDetails(String title, String subtitle, String problem, List<Section> sections) {

    public RunDetails {
        sections = List.copyOf(sections);
    }

    /**
     * One card of the details pane.
     *
     * @param title e.g. "Hyperparameters"
     * @param entries key/value lines
     * @param lines free lines under the entries, e.g. the network's layers
     */
    public record Section(String title, List<Entry> entries, List<String> lines) {

        public Section {
            entries = List.copyOf(entries);
            lines = List.copyOf(lines);
        }
    }

    /** One "key: value" line. */
    public record Entry(String key, String value) {}

    /** The section titled {@code title}, or null. */
    public Section section(String title) {
        for (Section s : sections) {
            if (s.title().equals(title)) {
                return s;
            }
        }
        return null;
    }

    /** The value of {@code key} in section {@code title}, or null. */
    public String value(String title, String key) {
        Section s = section(title);
        if (s == null) {
            return null;
        }
        for (Entry e : s.entries()) {
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }
}
