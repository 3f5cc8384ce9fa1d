package org.latentexplorer.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;

/** Makes the tooltips of a view readable: a sentence or two, wrapped to a third of a small screen. */
final class Tooltips {
    /** The widest a tooltip gets before its text wraps. */
    static final double MAX_WIDTH = 440;

    private Tooltips() {
    }

    /** Wraps the tooltip of every control under {@code n}, the content of tabs, scroll panes and split panes included. */
    static void wrapAll(Node n) {
        if (n == null) {
            return;
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            wrap(c.getTooltip());
        }
        if (n instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                wrapAll(t.getContent());
            }
        } else if (n instanceof ScrollPane s) {
            wrapAll(s.getContent());
        } else if (n instanceof TitledPane p) {
            wrapAll(p.getContent());
        } else if (n instanceof SplitPane p) {
            p.getItems().forEach(Tooltips::wrapAll);
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(Tooltips::wrapAll);
        }
    }

    static Tooltip wrap(Tooltip t) {
        t.setWrapText(true);
        t.setMaxWidth(MAX_WIDTH);
        return t;
    }
}
