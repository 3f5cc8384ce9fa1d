package org.latentexplorer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.model.ModelIdentity;

/**
 * A sweep's folder: {@code sweep.json} (the definition that made it) and {@code runs/NAME/} per configuration with
 * {@code model.zip} (the trainer's checkpoint, rewritten atomically after every epoch), {@code log.txt} and, once
 * evaluated, {@code result.json}. A folder belongs to one definition: opening it with another is refused, naming both.
 */
public final class SweepFolder {
    /** The definition's file name. */
    public static final String DEFINITION = "sweep.json";
    /** The model file's name in a run folder. */
    public static final String MODEL = "model.zip";
    /** The result file's name in a run folder. */
    public static final String RESULT = "result.json";
    /** The log's name in a run folder. */
    public static final String LOG = "log.txt";

    private final Path dir;

    private SweepFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The folder for {@code spec}: created with its {@code sweep.json} if new; else its {@code sweep.json} must hold
     * this very definition.
     *
     * @throws UserInputException if the folder holds another sweep, or is not a sweep folder
     */
    public static SweepFolder open(Path dir, SweepSpec spec) {
        Path definition = dir.resolve(DEFINITION);
        if (!Files.exists(definition)) {
            if (Files.isRegularFile(dir)) {
                throw UserInputException.forFile(dir, "is a file, not a sweep folder");
            }
            // another invocation on this folder (sweep jobs' --only lines) may be creating it right now: its
            // sweep.json comes before its runs/, so runs/ without sweep.json after a second look is a stranger's
            if (Files.isDirectory(dir.resolve("runs")) && !Files.exists(definition)) {
                throw UserInputException.forFile(dir, "has a runs/ folder but no " + DEFINITION
                        + ", so which sweep made it is unknown; choose another --dir");
            }
            if (createDefinition(definition, SweepSpecJson.write(spec).getBytes(StandardCharsets.UTF_8))) {
                return new SweepFolder(dir);
            }
        }
        JsonNode existing = SweepSpecJson.readTree(definition);
        JsonNode wanted = SweepSpecJson.canonicalTree(spec);
        if (!wanted.equals(existing)) {
            throw UserInputException.forFile(definition, "this folder holds the sweep " + describe(existing)
                    + ", not " + describe(wanted) + "; choose another --dir, or run the sweep it holds with "
                    + "'sweep run " + definition + " --dir " + dir + "'");
        }
        return new SweepFolder(dir);
    }

    /**
     * Writes {@code sweep.json} only if it does not exist, atomically even against other processes: the content
     * goes to a temporary file that is then hard-linked to the name (which fails if the name exists), so of several
     * invocations creating one folder at once exactly one writes it and the others compare theirs with it.
     *
     * @return true if this call wrote it, false if it existed (the caller compares definitions)
     */
    private static boolean createDefinition(Path definition, byte[] content) {
        Path tmp = definition.resolveSibling(DEFINITION + ".new-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            AtomicFiles.write(tmp, content);
            try {
                Files.createLink(definition, tmp);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links on this file system: an atomic replace, then compared like an existing one, so
                // a simultaneous writer of another definition makes one of the two fail rather than mix
                if (!Files.exists(definition)) {
                    AtomicFiles.write(definition, content);
                }
                return false;
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is harmless; sweep.json is whole either way
            }
        }
    }

    /** An existing sweep folder, for reading results. */
    public static SweepFolder existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "is not a folder");
        }
        return new SweepFolder(dir);
    }

    private static String describe(JsonNode spec) {
        String budget = spec.has("images") ? spec.get("images").asText() + " images" : spec.path("epochs").asText() + " epochs";
        return "'" + spec.path("name").asText("?") + "' (" + spec.path("dataset").asText("?") + ", " + budget + ", limit "
                + spec.path("limit").asText("0") + " " + spec.path("subset").asText("") + ", batch "
                + spec.path("batch").asText("?") + ", lr " + spec.path("lr").asText("?") + ", D=" + spec.path("latents").asText("?")
                + ", " + spec.path("recon").asText("?") + ", seeds " + spec.path("seeds") + ", grid " + spec.path("grid") + ")";
    }

    public Path dir() {
        return dir;
    }

    /** {@code runs/NAME}. */
    public Path runDir(String run) {
        return dir.resolve("runs").resolve(run);
    }

    public Path model(String run) {
        return runDir(run).resolve(MODEL);
    }

    public Path result(String run) {
        return runDir(run).resolve(RESULT);
    }

    public Path log(String run) {
        return runDir(run).resolve(LOG);
    }

    /** Appends one line to a run's log (the log is rewritten atomically). */
    public synchronized void log(String run, String line) {
        Path log = log(run);
        String before = "";
        try {
            if (Files.exists(log)) {
                before = Files.readString(log, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            before = "";
        }
        AtomicFiles.write(log, (before + line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Where a run stands in this folder. */
    public enum State {
        /** Nothing of it is here. */
        NEW,
        /** A checkpoint and no valid result: train on from the checkpoint (or evaluate, if it is complete). */
        PARTIAL,
        /** A valid result whose model file is present with the recorded SHA-256: nothing to do. */
        FINISHED,
        /** A result or checkpoint that cannot be trusted: the run starts again. */
        DAMAGED
    }

    /** A run's state with the reason when it is damaged. */
    public record Status(State state, String reason) {
    }

    /**
     * The state of {@code run}: finished when {@code result.json} is valid and {@code model.zip} has the SHA-256 it
     * records; damaged when the result is invalid or its model is missing or differs; partial when a model file and
     * no result are here (whether the model file can be read is the trainer's check); new otherwise.
     */
    public Status status(String run) {
        Path result = result(run);
        Path model = model(run);
        if (Files.exists(result)) {
            RunResult r;
            try {
                r = RunResultJson.read(result);
            } catch (UserInputException e) {
                return new Status(State.DAMAGED, e.getMessage());
            }
            if (!r.run().equals(run)) {
                return new Status(State.DAMAGED, result + ": records the run " + r.run() + ", not " + run);
            }
            if (!Files.exists(model)) {
                return new Status(State.DAMAGED, model + ": is missing, so the result cannot be checked against it");
            }
            String sha = ModelIdentity.sha256(model);
            if (!sha.equals(r.modelSha256())) {
                return new Status(State.DAMAGED, model + ": its SHA-256 " + sha.substring(0, 12) + "… is not the "
                        + r.modelSha256().substring(0, 12) + "… its result records (the file changed or is corrupt)");
            }
            return new Status(State.FINISHED, null);
        }
        return new Status(Files.exists(model) ? State.PARTIAL : State.NEW, null);
    }

    /** Removes a run's model, result and log, so that it starts again. */
    public void clear(String run) {
        try {
            Files.deleteIfExists(result(run));
            Files.deleteIfExists(model(run));
        } catch (IOException e) {
            throw UserInputException.forFile(runDir(run), "could not be cleared to re-run it (" + e.getMessage() + ")", e);
        }
    }

    /** Every {@code result.json} under this folder (its run folders, or result files anywhere below), sorted by path. */
    public List<Path> resultFiles() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 4)) {
            s.filter(p -> p.getFileName().toString().equals(RESULT) && Files.isRegularFile(p)).sorted().forEach(out::add);
        } catch (IOException e) {
            throw UserInputException.forFile(dir, "could not be listed (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
