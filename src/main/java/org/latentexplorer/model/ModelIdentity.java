package org.latentexplorer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentexplorer.common.UserInputException;

/**
 * A one-line identity of a model for the metadata of exported files: the file's name and the SHA-256 of its bytes,
 * what the manifest says (divergence, size, data set and its identity, λ, reconstruction, seed) and what wrote it.
 */
public final class ModelIdentity {
    private ModelIdentity() {
    }

    /** The identity of the model read from {@code file}. */
    public static String of(Path file, VaeModel model) {
        return "file=" + file.getFileName() + "; sha256=" + sha256(file) + "; " + manifestPart(model.manifest());
    }

    /** The identity of a model that has no file (untrained, or not saved yet). */
    public static String unsaved(VaeModel model) {
        return "file=none (not saved); sha256=none; " + manifestPart(model.manifest());
    }

    private static String manifestPart(ModelManifest m) {
        return m.describe() + "; lambda=" + m.lambda() + "; recon=" + m.reconstruction().cliName() + "; seed="
                + m.provenance().seed() + "; dataset-identity=" + m.provenance().datasetIdentity() + "; created="
                + m.createdAt() + "; written-by=" + m.appVersion() + " (git " + m.environment().gitCommit() + ", "
                + m.environment().nativeBuild() + ")";
    }

    /**
     * The SHA-256 of a file's bytes, in lower-case hex.
     *
     * @throws UserInputException naming the file if it cannot be read
     */
    public static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
