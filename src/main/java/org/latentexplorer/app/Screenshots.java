package org.latentexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Takes one screenshot per view of the running app (for the README): waits for the demo model's
 * grid and curves, runs a short training job for the Train view, then snapshots each tab and exits.
 */
final class Screenshots {
    private final MainWindow window;
    private final Stage stage;
    private final Path dir;

    Screenshots(MainWindow window, Stage stage, Path dir) {
        this.window = window;
        this.stage = stage;
        this.dir = dir;
    }

    void run() {
        stage.setWidth(1360);
        stage.setHeight(860);
        waitFor(() -> window.traverse().gridProperty().get() != null && window.alpha().curvesProperty().get() != null
                && window.traverse().encodedProperty().get() != null, 600, this::traverse);
    }

    private void traverse() {
        TraverseViewModel t = window.traverse();
        t.selectedExample.set(3);
        t.interpolationFrom.set(3);
        t.interpolationTo.set(7);
        t.labels.set(true);
        t.rowOrder.set(org.latentexplorer.render.RowOrder.SCORE_DESCENDING);
        window.tabs().getSelectionModel().select(2);
        int before = t.gridsRenderedProperty().get();
        waitFor(() -> t.gridsRenderedProperty().get() > before && t.interpolationProperty().get() != null, 300,
                () -> later(() -> {
                    shoot("traverse");
                    alpha();
                }));
    }

    private void alpha() {
        window.tabs().getSelectionModel().select(1);
        window.alpha().teachingAlpha.set(0.3);
        later(() -> {
            shoot("alpha-explorer");
            models();
        });
    }

    private void models() {
        window.tabs().getSelectionModel().select(3);
        later(() -> {
            shoot("models");
            train();
        });
    }

    private void train() {
        TrainViewModel vm = window.train();
        vm.limit.set("2048");
        vm.epochs.set("2");
        vm.batch.set("64");
        window.tabs().getSelectionModel().select(0);
        window.trainView().start();
        waitFor(() -> vm.stateProperty().get() != TrainViewModel.State.RUNNING && vm.previewProperty().get() != null, 1200,
                () -> later(() -> {
                    window.tabs().getSelectionModel().select(0);
                    later(() -> {
                        shoot("train");
                        stage.hide();
                    });
                }));
    }

    private void shoot(String name) {
        try {
            Files.createDirectories(dir);
            FxImages.snapshot(stage.getScene().getRoot(), dir.resolve(name + ".png"));
            System.out.println("screenshot " + dir.resolve(name + ".png"));
        } catch (Exception e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    private static void later(Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(1500));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    /** Polls a condition every half second (up to {@code seconds}), then runs {@code then} either way. */
    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds, Runnable then) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        PauseTransition p = new PauseTransition(Duration.millis(500));
        p.setOnFinished(e -> {
            if (condition.getAsBoolean() || System.nanoTime() > deadline) {
                then.run();
            } else {
                p.playFromStart();
            }
        });
        Platform.runLater(p::play);
    }
}
