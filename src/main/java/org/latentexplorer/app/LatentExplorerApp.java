package org.latentexplorer.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.latentexplorer.backend.NativeBuild;

/**
 * The JavaFX application. Start it through {@link #launchApp(String...)} from the plain launcher
 * class (JavaFX on the class path needs a main class that is not an Application). A hidden
 * {@code --screenshots DIR} option saves one PNG per view and exits.
 */
public final class LatentExplorerApp extends Application {
    private MainWindow window;

    /** Opens the app and blocks until its window closes. */
    public static void launchApp(String... args) {
        Application.launch(LatentExplorerApp.class, args);
    }

    /** The scene for a window, with the app's stylesheet. */
    public static Scene scene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window.root(), width, height);
        scene.getStylesheets().add(LatentExplorerApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    @Override
    public void start(Stage stage) throws IOException {
        NativeBuild.select(); // start-up: before any view model can load ND4J (the Launcher has usually done it)
        AppPrefs prefs = AppPrefs.user();
        Path work = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
        window = new MainWindow(prefs, work);
        window.installCrashHandler();
        stage.setScene(scene(window, prefs.width(), prefs.height()));
        stage.titleProperty().bind(window.titleProperty());
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        WindowPlacement.restore(stage, prefs); // the last place and size, kept on the visible screen
        window.owner(stage);
        stage.setOnCloseRequest(e -> {
            if (!window.confirmClose()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            WindowPlacement.remember(stage, prefs);
            window.close();
            Platform.exit();
        });
        stage.show();
        window.start();
        List<String> args = getParameters().getRaw();
        int i = args.indexOf("--screenshots");
        if (i >= 0 && i + 1 < args.size()) {
            new Screenshots(window, stage, Path.of(args.get(i + 1))).run();
        }
    }
}
