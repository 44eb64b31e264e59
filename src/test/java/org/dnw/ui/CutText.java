package org.dnw.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text that a person sees cut short: every visible {@link Labeled} (labels, buttons, table
 * headers and cells, tabs) whose drawn text ends in its ellipsis where its own text does not —
 * "prec…" for "precision".
 */
public final class CutText {

    private CutText() {}

    /** One line per cut label under {@code root}: its kind, id, whole text and what is shown. */
    public static List<String> in(Node root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            String text = labeled.getText();
            String shown = shownText(labeled);
            String ellipsis = labeled.getEllipsisString();
            if (text != null
                    && shown != null
                    && !ellipsis.isEmpty()
                    && !shown.equals(text)
                    && shown.contains(ellipsis)
                    && !text.contains(ellipsis)) {
                cut.add(
                        labeled.getClass().getSimpleName()
                                + (labeled.getId() == null ? "" : " #" + labeled.getId())
                                + " '"
                                + text
                                + "' shown as '"
                                + shown
                                + "'");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, cut);
            }
        }
    }

    /** The text the skin draws (its LabeledText child), or null before the skin exists. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }
}
