package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** What a first-time user is told: a hint on the first start only, and a tooltip on every control of every view. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstHelpUiTest {
    private static final int TIMEOUT = Integer.getInteger("ui.timeout", 240);
    private static final FxRobot ROBOT = new FxRobot();
    private static UiSession ui;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("first-help-test", dir.resolve("work"), TIMEOUT, true);
    }

    @AfterAll
    static void closeApp() throws Exception {
        ui.close();
    }

    @Test
    @Order(1)
    void theFirstStartShowsAHintThatCanBeDismissed() {
        assertTrue(ui.fx(() -> ROBOT.lookup("#first-run-hint").query().isVisible()), "the hint shows on the first start");
        String text = ui.fx(() -> ((javafx.scene.control.Label) ROBOT.lookup("#first-run-hint-text").query()).getText());
        assertTrue(text.contains("Traverse") && text.contains("Train"), text);
        ROBOT.clickOn("#first-run-hint-close");
        assertFalse(ui.fx(() -> ROBOT.lookup("#first-run-hint").query().isVisible()), "dismissed");
    }

    @Test
    @Order(2)
    void theSecondStartShowsNoHint() {
        assertTrue(ui.prefs().firstRunHintShown(), "remembered in the preferences");
        boolean shown = ui.fx(() -> {
            try (MainWindow again = new MainWindow(ui.prefs(), dir.resolve("work2"))) {
                return again.firstRunHintVisible();
            }
        });
        assertFalse(shown, "the second start has no hint");
    }

    @Test
    @Order(3)
    void everyControlOfEveryViewSaysWhatItDoes() {
        List<String> missing = ui.fx(() -> {
            List<String> out = new ArrayList<>();
            walk(ui.window.root(), "window", out); // the top bar, each tab's view, the status bar
            walk(ui.window.teaching().node(), "teaching mode", out);
            return out;
        });
        assertEquals(List.of(), missing, "controls without a tooltip");
    }

    /** Adds to {@code out} each control of the kinds a user operates that has no tooltip text. */
    static void walk(Node n, String view, List<String> out) {
        if (n == null) {
            return;
        }
        if (n instanceof Button || n instanceof ComboBox || n instanceof Slider || n instanceof Spinner || n instanceof CheckBox
                || n instanceof TextField || n instanceof ToggleButton || n instanceof ChoiceBox) {
            Control c = (Control) n;
            if (c.getTooltip() == null || c.getTooltip().getText() == null || c.getTooltip().getText().isBlank()) {
                out.add(view + ": " + c.getClass().getSimpleName() + (c.getId() == null ? "" : " #" + c.getId())
                        + (c instanceof Labeled l ? " '" + l.getText() + "'" : ""));
            } else if (!c.getTooltip().isWrapText() || c.getTooltip().getMaxWidth() > Tooltips.MAX_WIDTH) {
                out.add(view + ": the tooltip of " + c.getClass().getSimpleName() + " #" + c.getId() + " does not wrap");
            }
            return; // a control's own parts (a spinner's editor) are part of it
        }
        if (n instanceof javafx.scene.control.TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                walk(t.getContent(), t.getText(), out);
            }
        } else if (n instanceof ScrollPane s) {
            walk(s.getContent(), view, out);
        } else if (n instanceof TitledPane p) {
            walk(p.getContent(), view, out);
        } else if (n instanceof SplitPane p) {
            p.getItems().forEach(i -> walk(i, view, out));
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, view, out));
        }
    }
}
