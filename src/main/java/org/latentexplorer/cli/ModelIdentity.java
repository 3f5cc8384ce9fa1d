package org.latentexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.VaeModel;

/** A one-line identity of a model file for image metadata: file name, SHA-256 of its bytes, what the manifest says. */
final class ModelIdentity {
    private ModelIdentity() {
    }

    static String of(Path file, VaeModel model) {
        ModelManifest m = model.manifest();
        return "file=" + file.getFileName() + "; sha256=" + sha256(file) + "; " + m.describe() + "; lambda=" + m.lambda()
                + "; recon=" + m.reconstruction().cliName() + "; seed=" + m.provenance().seed() + "; created=" + m.createdAt()
                + "; written-by=" + m.appVersion();
    }

    static String sha256(Path file) {
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
