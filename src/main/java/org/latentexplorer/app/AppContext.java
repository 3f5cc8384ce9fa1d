package org.latentexplorer.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.latentexplorer.common.UserInputException;

/**
 * What the views share: the current model, the current job's description for the status bar, the
 * theme, the preferences, and dialogs (errors, file choosers that remember the last folder).
 */
final class AppContext {
    final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>();
    final StringProperty job = new SimpleStringProperty("Ready");
    final BooleanProperty dark = new SimpleBooleanProperty();
    final AppPrefs prefs;
    /** Told when the recent files change (the Models view's list). */
    java.util.function.Consumer<List<Path>> recentChanged = paths -> { };
    private Window owner;
    /**
     * Asks where to save a model, proposing the given file name; null when cancelled. A field so that UI
     * tests can answer without a native file dialog.
     */
    java.util.function.Function<String, Path> modelTarget = name -> save("Save model", name, List.of(MODELS));

    AppContext(AppPrefs prefs) {
        this.prefs = prefs;
        dark.set(prefs.dark());
    }

    /** How long a problem stays in the status bar before it gives way to the current model again. */
    javafx.util.Duration problemShownFor = javafx.util.Duration.seconds(12);

    /**
     * Shows a problem in the status bar for a while (the dialog has the details); then, unless something else
     * was shown meanwhile, the status bar names the current model again.
     */
    void problem(String text) {
        job.set(text);
        javafx.animation.PauseTransition expire = new javafx.animation.PauseTransition(problemShownFor);
        expire.setOnFinished(e -> {
            if (text.equals(job.get())) {
                job.set(model.get() == null ? "Ready" : "Model: " + model.get().describe());
            }
        });
        expire.play();
    }

    /**
     * Shows a passing notice in the status bar ("Exported …", "Training cancelled"): like a problem, it gives way
     * to the current model's name after a while, so that it never reads as the state of the app minutes later.
     */
    void notice(String text) {
        problem(text);
    }

    /** Records a file as recently used. */
    void addRecent(Path file) {
        recentChanged.accept(prefs.addRecent(file));
    }

    void owner(Window window) {
        owner = window;
    }

    Window owner() {
        return owner;
    }

    /** Shows a problem in a dialog; user errors show their own message, anything else its type too. */
    Alert showError(String header, Throwable t) {
        String text = null;
        for (Throwable c = t; c != null && text == null; c = c.getCause()) {
            if (c instanceof UserInputException) {
                text = c.getMessage();
            }
        }
        if (text == null) {
            text = t.getMessage() == null ? t.toString() : t.getMessage();
        }
        return showError(header, text);
    }

    Alert showError(String header, String text) {
        return show(Alert.AlertType.ERROR, header, text);
    }

    /** Shows information in a dialog that does not block (the Help menu's). */
    Alert showInfo(String header, String text) {
        return show(Alert.AlertType.INFORMATION, header, text);
    }

    private Alert show(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Latent Explorer");
        alert.setHeaderText(header);
        Label content = new Label(text);
        content.setWrapText(true);
        content.setMaxWidth(560);
        if (type == Alert.AlertType.ERROR) {
            content.getStyleClass().add("error-text");
        }
        alert.setContentText(text);
        alert.getDialogPane().setContent(content);
        alert.show();
        return alert;
    }

    FileChooser chooser(String title, List<FileChooser.ExtensionFilter> filters) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(filters);
        Path last = prefs.lastFolder();
        if (last != null) {
            c.setInitialDirectory(last.toFile());
        }
        return c;
    }

    Path open(String title, List<FileChooser.ExtensionFilter> filters) {
        File f = chooser(title, filters).showOpenDialog(owner);
        if (f == null) {
            return null;
        }
        prefs.lastFolder(f.toPath());
        return f.toPath();
    }

    /** Asks for a folder (e.g. a PyTorch run folder); null when cancelled. */
    Path openFolder(String title) {
        javafx.stage.DirectoryChooser c = new javafx.stage.DirectoryChooser();
        c.setTitle(title);
        Path last = prefs.lastFolder();
        if (last != null) {
            c.setInitialDirectory(last.toFile());
        }
        File f = c.showDialog(owner);
        if (f == null) {
            return null;
        }
        prefs.lastFolder(f.toPath());
        return f.toPath();
    }

    Path save(String title, String name, List<FileChooser.ExtensionFilter> filters) {
        FileChooser c = chooser(title, filters);
        c.setInitialFileName(name);
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        prefs.lastFolder(f.toPath());
        return f.toPath();
    }

    static final FileChooser.ExtensionFilter MODELS = new FileChooser.ExtensionFilter("Latent Explorer models (*.zip)", "*.zip");
}
