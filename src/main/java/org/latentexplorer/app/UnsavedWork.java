package org.latentexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.latentexplorer.model.ModelManifest;

/**
 * Nothing trained is lost without asking. Wherever the trained model that is not saved yet would be
 * replaced (another model opened, a new run started) or the app quits, the user chooses Save, Discard
 * or Cancel. Saving makes the saved file the current model's file; saving or discarding removes the
 * temporary checkpoints; checkpoints left by an app that did not quit are offered for recovery.
 */
final class UnsavedWork {
    /** The dialog's answers. */
    enum Choice { SAVE, DISCARD, CANCEL }

    static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    static final ButtonType RECOVER = new ButtonType("Recover", ButtonBar.ButtonData.YES);
    static final ButtonType LATER = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final AppContext ctx;
    private final TrainViewModel vm;
    private final Path workDirectory;

    UnsavedWork(AppContext ctx, TrainViewModel vm, Path workDirectory) {
        this.ctx = ctx;
        this.vm = vm;
        this.workDirectory = workDirectory;
    }

    private boolean running() {
        TrainViewModel.State s = vm.stateProperty().get();
        return s == TrainViewModel.State.RUNNING || s == TrainViewModel.State.PAUSED;
    }

    /** Whether a trained model exists only as a temporary checkpoint (training is not running). */
    boolean unsavedModel() {
        return !running() && vm.checkpointProperty().get() != null && !vm.savedProperty().get();
    }

    /**
     * Runs {@code then}, which replaces the current model with {@code replacement} (null: a new run),
     * at once when no trained model would be lost; otherwise first asks Save / Discard / Cancel and runs it
     * after saving or discarding, never after Cancel.
     */
    void beforeReplacing(String header, Path replacement, Runnable then) {
        Path unsaved = vm.checkpointProperty().get();
        if (!unsavedModel() || (replacement != null && sameFile(unsaved, replacement))) {
            then.run();
            return;
        }
        ask(header, "The model trained in this session (" + describeUnsaved() + ") has not been saved. "
                + "Save it before it is replaced?", choice -> {
                    switch (choice) {
                        case SAVE -> saveAs(() -> {
                            then.run();
                            sweep();
                        });
                        case DISCARD -> {
                            vm.discard();
                            then.run();
                            sweep();
                        }
                        case CANCEL -> { }
                    }
                });
    }

    /**
     * Before quitting: true when nothing is lost and the window may close now. Otherwise asks; Discard stops
     * training and returns true; Save returns false and calls {@code closeLater} once the file is written;
     * Cancel returns false.
     */
    boolean beforeQuitting(Runnable closeLater) {
        boolean running = running();
        if (!running && !unsavedModel()) {
            return true;
        }
        Choice[] answer = {Choice.CANCEL};
        Alert a = dialog(running ? "Training is running" : "The trained model is not saved",
                (running ? "Quitting stops training. " : "")
                        + (vm.checkpointProperty().get() == null ? "No epoch has finished yet, so there is nothing to save."
                        : "Save the model trained in this session (" + describeUnsaved() + ") before quitting?"),
                vm.checkpointProperty().get() != null);
        a.showAndWait().ifPresent(b -> answer[0] = choiceOf(b));
        switch (answer[0]) {
            case DISCARD:
                vm.cancel();
                vm.discard();
                return true;
            case SAVE:
                saveAs(closeLater);
                return false;
            default:
                return false;
        }
    }

    private void ask(String header, String text, Consumer<Choice> answer) {
        Alert a = dialog(header, text, true);
        a.resultProperty().addListener((o, was, now) -> {
            if (now != null) {
                answer.accept(choiceOf(now));
            }
        });
        a.show();
    }

    private static Choice choiceOf(ButtonType b) {
        return b == SAVE ? Choice.SAVE : b == DISCARD ? Choice.DISCARD : Choice.CANCEL;
    }

    private Alert dialog(String header, String text, boolean canSave) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.getDialogPane().setId("unsaved-dialog");
        if (ctx.owner() != null) {
            a.initOwner(ctx.owner());
        }
        a.setTitle(MainWindow.TITLE);
        a.setHeaderText(header);
        a.setContentText(text);
        a.getButtonTypes().setAll(canSave ? List.of(SAVE, DISCARD, ButtonType.CANCEL) : List.of(DISCARD, ButtonType.CANCEL));
        return a;
    }

    /** What the unsaved model is, e.g. "2 epochs of jsg-dual α = 0.5 on dsprites". */
    private String describeUnsaved() {
        LoadedModel m = ctx.model.get();
        if (m != null && m.file() != null && sameFile(m.file(), vm.checkpointProperty().get())) {
            return Labels.model(m.manifest());
        }
        return "latest checkpoint " + vm.checkpointProperty().get().getFileName();
    }

    /** Asks for a file (proposing a name from the run) and saves the latest checkpoint there; then runs {@code then}. */
    void saveAs(Runnable then) {
        Path target = ctx.modelTarget.apply(defaultName());
        if (target != null) {
            saveTo(target, then);
        }
    }

    /**
     * Copies the latest checkpoint to {@code target}; the saved file becomes the current model's file (the
     * Models view's File row) and, once training is over, the temporary checkpoints go.
     */
    void saveTo(Path target, Runnable then) {
        Path from = vm.checkpointProperty().get();
        vm.save(target, () -> {
            ctx.addRecent(target);
            if (vm.savedProperty().get()) {
                vm.savedAs(target);
            }
            LoadedModel m = ctx.model.get();
            if (m != null && m.file() != null && sameFile(m.file(), from)) {
                ctx.model.set(new LoadedModel(target, m.model(), target.getFileName().toString(), false, m.sample()));
            }
            if (!running()) {
                sweep();
            }
            then.run();
        });
    }

    /** The proposed file name: data set, divergence and α of the current run, e.g. {@code dsprites-jsg-dual-a0.5.zip}. */
    String defaultName() {
        LoadedModel m = ctx.model.get();
        if (m == null || m.file() == null || !sameFile(m.file(), vm.checkpointProperty().get())) {
            return "model.zip";
        }
        return defaultName(m.manifest());
    }

    static String defaultName(ModelManifest mf) {
        String data = mf.provenance().dataset();
        int colon = data.indexOf(':');
        String name = (colon > 0 ? data.substring(0, colon) : data);
        if (mf.trainable()) {
            name += "-" + mf.divergence().kind().cliName();
            if (mf.divergence().kind().isSkewJs()) {
                name += "-a" + trim(mf.divergence().alpha());
            }
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Removes temporary checkpoints that nothing refers to any more. */
    void sweep() {
        List<Path> keep = new ArrayList<>();
        LoadedModel m = ctx.model.get();
        if (m != null) {
            keep.add(m.file());
        }
        if (vm.job() != null) {
            keep.add(vm.job().checkpoint());
        }
        if (!vm.savedProperty().get()) {
            keep.add(vm.checkpointProperty().get());
        }
        WorkDirectory.sweep(workDirectory, keep);
    }

    /**
     * Offers the checkpoints of work folders left by an app that did not quit; {@code open} opens a recovered
     * file, which then counts as unsaved work of this session.
     */
    void offerRecovery(Path tempRoot, Consumer<Path> open) {
        for (Path dir : WorkDirectory.stale(tempRoot, workDirectory)) {
            List<Path> found = WorkDirectory.checkpoints(dir);
            if (found.isEmpty()) {
                WorkDirectory.delete(dir);
                continue;
            }
            Path newest = found.get(0);
            String when;
            try {
                when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                        .format(Files.getLastModifiedTime(newest).toInstant().atZone(ZoneId.systemDefault()));
            } catch (java.io.IOException e) {
                when = "an earlier session";
            }
            Alert a = new Alert(Alert.AlertType.CONFIRMATION);
            a.getDialogPane().setId("recovery-dialog");
            if (ctx.owner() != null) {
                a.initOwner(ctx.owner());
            }
            a.setTitle(MainWindow.TITLE);
            a.setHeaderText("Recover an unsaved trained model?");
            a.setContentText("Latent Explorer did not quit normally last time (" + when + "). A model trained then was "
                    + "never saved. Recover opens it so that you can save it; Discard deletes it.");
            a.getButtonTypes().setAll(RECOVER, DISCARD, LATER);
            a.resultProperty().addListener((o, was, now) -> {
                if (now == RECOVER) {
                    try {
                        Files.createDirectories(workDirectory);
                        Path mine = workDirectory.resolve(newest.getFileName());
                        Files.move(newest, mine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        WorkDirectory.delete(dir);
                        vm.adopt(mine);
                        open.accept(mine);
                    } catch (java.io.IOException e) {
                        ctx.showError("Could not recover " + newest, e);
                    }
                } else if (now == DISCARD) {
                    WorkDirectory.delete(dir);
                }
            });
            a.show();
            return; // one at a time; the rest are offered at the next start
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a == null || b == null) {
            return false;
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
