package org.latentexplorer.app;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The presentation layout: one slide at a time filling the window, large type, stepped with the keyboard
 * (Page Down, →, Space: next; Page Up, ←: back; Esc: leave). A slide's content may be a view borrowed from a tab
 * (a JavaFX node has one parent): the caller empties the tab before {@link #enter()} and refills it after
 * {@link #leave()}.
 */
final class TeachingMode {
    /** One slide: its title, its content, and what to do when it is shown. */
    record Slide(String title, Node content, Runnable shown) {
    }

    private final List<Slide> slides;
    private final BorderPane pane = new BorderPane();
    private final Label title = new Label();
    private final Label position = new Label();
    private int current;

    TeachingMode(List<Slide> slides, Runnable exit) {
        this.slides = List.copyOf(slides);
        pane.setId("teaching-mode");
        pane.setStyle("-fx-font-size: 20px;");
        title.setId("teaching-title");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Button back = new Button("◀");
        back.setOnAction(e -> step(-1));
        Button next = new Button("▶");
        next.setOnAction(e -> step(1));
        Button leave = new Button("Leave (Esc)");
        leave.setId("teaching-exit");
        leave.setOnAction(e -> exit.run());
        back.setTooltip(new javafx.scene.control.Tooltip("The previous view (Page Up or ←)"));
        next.setTooltip(new javafx.scene.control.Tooltip("The next view (Page Down, → or Space)"));
        leave.setTooltip(new javafx.scene.control.Tooltip("Back to the tabs (Esc)"));
        for (javafx.scene.control.Control c : List.of(back, next, leave, position)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, title, spacer, back, position, next, leave);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 14, 8, 14));
        pane.setTop(bar);
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Object focus = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
            boolean arrowsTaken = focus instanceof Slider || focus instanceof Spinner || focus instanceof TextInputControl;
            KeyCode k = e.getCode();
            if (k == KeyCode.PAGE_DOWN || (k == KeyCode.RIGHT || k == KeyCode.SPACE) && !arrowsTaken) {
                step(1);
                e.consume();
            } else if (k == KeyCode.PAGE_UP || k == KeyCode.LEFT && !arrowsTaken) {
                step(-1);
                e.consume();
            } else if (k == KeyCode.ESCAPE) {
                exit.run();
                e.consume();
            }
        });
    }

    /** Shows the first slide; returns the layout's root. */
    Node enter() {
        current = 0;
        show();
        return pane;
    }

    /** Releases the current slide's content (so its tab can take it back). */
    void leave() {
        pane.setCenter(null);
    }

    void step(int by) {
        int next = Math.max(0, Math.min(slides.size() - 1, current + by));
        if (next != current) {
            current = next;
            show();
        }
    }

    private void show() {
        Slide s = slides.get(current);
        pane.setCenter(s.content());
        title.setText(s.title());
        position.setText(String.format(Locale.ROOT, "%d / %d", current + 1, slides.size()));
        s.shown().run();
        pane.requestFocus();
    }

    int current() {
        return current;
    }

    Node node() {
        return pane;
    }
}
