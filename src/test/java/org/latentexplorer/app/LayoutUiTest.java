package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's layout in every view, headless: at 1600×1000 no labelled control shows its text cut short (the text
 * its skin draws is the whole of its text), and at 1280×720 every button can be reached (it lies in the window, or
 * in a scroll pane that lies in the window and can scroll it into view).
 */
class LayoutUiTest {
    private static final int TIMEOUT = Integer.getInteger("ui.timeout", 240);
    private static UiSession ui;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("layout-test", dir.resolve("work"), TIMEOUT, false);
    }

    @AfterAll
    static void closeApp() throws Exception {
        ui.close();
    }

    static <T> T fx(Callable<T> c) {
        return ui.fx(c);
    }

    /** Sizes the window's scene, shows each tab in turn and collects {@code check}'s findings there. */
    private static List<String> inEveryView(double width, double height, java.util.function.BiConsumer<Node, List<String>> check) {
        fx(() -> {
            ui.stage.setWidth(width);
            ui.stage.setHeight(height);
            return null;
        });
        List<String> problems = new ArrayList<>();
        for (int t = 0; t < fx(() -> ui.window.tabs().getTabs().size()); t++) {
            int index = t;
            fx(() -> {
                ui.window.tabs().getSelectionModel().select(index);
                return null;
            });
            ui.waitFor(() -> true); // a pulse for the new tab's layout
            problems.addAll(fx(() -> {
                Parent root = ui.stage.getScene().getRoot();
                root.applyCss();
                root.layout();
                Tab tab = ui.window.tabs().getTabs().get(index);
                List<String> found = new ArrayList<>();
                walk(root, n -> {
                    List<String> here = new ArrayList<>();
                    check.accept(n, here);
                    here.forEach(p -> found.add(tab.getText() + ": " + p));
                });
                return found;
            }));
        }
        return problems;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        if (!n.isVisible()) {
            return;
        }
        visit.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, visit);
            }
        }
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }

    @Test
    void noLabelIsCutShortAt1600By1000() {
        List<String> elided = inEveryView(1600, 1000, (n, out) -> {
            if (!(n instanceof Labeled l) || l.getText() == null || l.getText().isEmpty()) {
                return;
            }
            for (Node c : l.getChildrenUnmodifiable()) {
                // wrapped or not, the skin's text is the whole text unless it is cut short
                if (c instanceof Text shown && c.isVisible() && !shown.getText().equals(l.getText())) {
                    out.add(describe(l) + " shows \"" + shown.getText() + "\" of \"" + l.getText() + "\"");
                }
            }
        });
        assertTrue(elided.isEmpty(), String.join("\n", elided));
    }

    /** At the smallest supported size (1280×720) every table's column headers are whole, e.g. the Models view's loss history. */
    @Test
    void noTableHeaderIsCutShortAt1280By720() {
        List<String> elided = inEveryView(1280, 720, (n, out) -> {
            if (!(n instanceof Labeled l) || l.getText() == null || l.getText().isEmpty() || !inColumnHeader(n)) {
                return;
            }
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text shown && c.isVisible() && !shown.getText().equals(l.getText())) {
                    out.add(describe(l) + " header shows \"" + shown.getText() + "\" of \"" + l.getText() + "\"");
                }
            }
        });
        assertTrue(elided.isEmpty(), String.join("\n", elided));
    }

    private static boolean inColumnHeader(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("column-header")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The status bar is checked with whatever happens to be running when the test looks; this one makes room for the
     * worst case: every kind of background work at once, so a slower machine cannot make the labels elide.
     */
    @Test
    void statusBarFitsEveryJobAtOnceAt1600() {
        fx(() -> {
            ui.stage.setWidth(1600);
            ui.stage.setHeight(1000);
            return null;
        });
        ui.waitFor(() -> ui.stage.getScene().getWidth() == 1600);
        String problem = fx(() -> {
            Parent root = ui.stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            javafx.scene.control.Control bar = (javafx.scene.control.Control) root.lookup("#status-bar");
            Labeled working = (Labeled) root.lookup("#status-working");
            Text longest = new Text(MainWindow.workingText(true, true, true, true));
            longest.setFont(working.getFont());
            Text now = new Text(working.getText());
            now.setFont(working.getFont());
            double needed = bar.prefWidth(-1) + longest.getLayoutBounds().getWidth() - now.getLayoutBounds().getWidth();
            return needed <= bar.getWidth() ? null
                    : String.format("the status bar needs %.0f px with every job running, has %.0f", needed, bar.getWidth());
        });
        assertTrue(problem == null, problem);
    }

    @Test
    void everyButtonCanBeReachedAt1280By720() {
        List<String> unreachable = inEveryView(1280, 720, (n, out) -> {
            if (!(n instanceof Button b)) {
                return;
            }
            double w = ui.stage.getScene().getWidth();
            double h = ui.stage.getScene().getHeight();
            Bounds bb = b.localToScene(b.getBoundsInLocal());
            if (bb.getMinX() >= 0 && bb.getMinY() >= 0 && bb.getMaxX() <= w + 0.5 && bb.getMaxY() <= h + 0.5
                    && !clippedByAnAncestor(b, bb)) {
                return;
            }
            for (Parent p = b.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane s) {
                    Bounds sb = s.localToScene(s.getBoundsInLocal());
                    if (sb.getMinY() >= 0 && sb.getMaxY() <= h + 0.5 && sb.getMinX() >= 0 && sb.getMaxX() <= w + 0.5
                            && sb.getHeight() > 20 && sb.getWidth() > 20) {
                        return; // it scrolls into view
                    }
                }
            }
            out.add(describe(b) + " \"" + b.getText() + "\" at " + bb + " in a " + w + "×" + h + " window");
        });
        assertTrue(unreachable.isEmpty(), String.join("\n", unreachable));
    }

    /** Whether a parent that is not a scroll pane shows less of the node than its bounds (cut off by a clip). */
    private static boolean clippedByAnAncestor(Node n, Bounds inScene) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return false;
            }
            if (p.getClip() != null) {
                Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                if (!clip.contains(inScene.getMinX() + 1, inScene.getMinY() + 1)
                        || !clip.contains(inScene.getMaxX() - 1, inScene.getMaxY() - 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
