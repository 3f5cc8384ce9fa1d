package org.latentexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Takes one screenshot per view of the running app (for the README): waits for the demo model's
 * grid, snapshots the Models, α explorer, Traverse, Fig 2 and latent map views of the demo model, the
 * teaching mode and (given {@code -Dscreenshots.sweep=DIR}) the Sweep view of a sweep folder, then runs a short training job for the Train view (last, because the trained model becomes
 * current) and exits.
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
        window.closeFirstRunHint(); // the pictures show the views, not the first start
        waitFor(() -> window.model().get() != null && window.traverse().gridProperty().get() != null, 600, this::models);
    }

    /** A short run on procedural dSprites; the trained model then becomes current for the other views. */
    private void train() {
        TrainViewModel vm = window.train();
        vm.limit.set(System.getProperty("screenshots.limit", "4096"));
        vm.epochs.set(System.getProperty("screenshots.epochs", "3"));
        vm.batch.set("64");
        vm.learningRate.set("5e-4");
        window.tabs().getSelectionModel().select(0);
        window.trainView().start();
        waitFor(() -> vm.stateProperty().get() != TrainViewModel.State.RUNNING && vm.previewProperty().get() != null, 1800,
                () -> later(() -> {
                    shoot("train");
                    window.train().discard(); // a screenshot run's model is not kept: its temporary checkpoint goes at exit
                    stage.hide();
                }));
    }

    private void models() {
        window.tabs().getSelectionModel().select(3);
        later(() -> {
            shoot("models");
            alpha();
        });
    }

    private void alpha() {
        window.tabs().getSelectionModel().select(1);
        window.alpha().teachingAlpha.set(0.3);
        waitFor(() -> window.alpha().curvesProperty().get() != null && window.alpha().perDimensionProperty().get() != null,
                600, () -> later(() -> {
                    shoot("alpha-explorer");
                    traverse();
                }));
    }

    private void traverse() {
        TraverseViewModel t = window.traverse();
        window.tabs().getSelectionModel().select(2);
        waitFor(() -> t.encodedProperty().get() != null, 600, () -> {
            t.selectedExample.set(3);
            t.interpolationFrom.set(3);
            t.interpolationTo.set(7);
            t.labels.set(true);
            t.rowOrder.set(org.latentexplorer.render.traversal.RowOrder.SCORE_DESCENDING);
            int before = t.gridsRenderedProperty().get();
            waitFor(() -> t.gridsRenderedProperty().get() > before && t.interpolationProperty().get() != null, 300,
                    () -> later(() -> {
                        shoot("traverse");
                        dark();
                    }));
        });
    }

    /** The α explorer once more, in the dark theme. */
    private void dark() {
        window.tabs().getSelectionModel().select(1);
        window.darkProperty().set(true);
        later(() -> {
            shoot("alpha-explorer-dark");
            window.darkProperty().set(false);
            teaching();
        });
    }

    /** The Fig 2 fit (α = 0.3), the latent map coloured by shape, and the teaching mode's latent map coloured by posX. */
    private void teaching() {
        FitDemoViewModel fit = window.fitDemo();
        window.tabs().getSelectionModel().select(4);
        fit.alpha.set(0.3);
        waitFor(() -> fit.frameProperty().get() != null && fit.frameProperty().get().done(), 600, () -> later(() -> {
            shoot("fig2-fit");
            LatentMapViewModel map = window.latentMap();
            window.tabs().getSelectionModel().select(5);
            waitFor(() -> map.mapProperty().get() != null, 600, () -> {
                map.factor.set(0);
                map.select(map.mapProperty().get().size() / 3);
                later(() -> {
                    shoot("latent-map");
                    map.factor.set(3);
                    window.teachingMode(true);
                    window.teaching().step(2);
                    later(() -> {
                        shoot("teaching-mode");
                        window.teachingMode(false);
                        sweep();
                    });
                });
            });
        }));
    }

    /**
     * The Sweep view on an existing sweep folder, named by {@code -Dscreenshots.sweep=DIR} (the README's picture shows
     * the reproduction sweep of docs/reproduction.md); without it there is no sweep to show and the view is skipped.
     */
    private void sweep() {
        String folder = System.getProperty("screenshots.sweep");
        if (folder == null || folder.isBlank()) {
            System.out.println("screenshot sweep skipped: no -Dscreenshots.sweep=DIR naming a sweep folder");
            train();
            return;
        }
        SweepViewModel vm = window.sweep();
        window.tabs().getSelectionModel().select(6);
        vm.openFolder(Path.of(folder));
        waitFor(() -> !vm.rows().isEmpty(), 300, () -> later(() -> {
            shoot("sweep");
            train();
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
