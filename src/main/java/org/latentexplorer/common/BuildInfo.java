package org.latentexplorer.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What build of Latent Explorer is running: its version ({@link Versions#app()}) and the git commit it was built
 * from. The commit comes from the resource {@value #COMMIT_RESOURCE}, written at build time by the pom's
 * {@code git-commit} profile (active where a git checkout and a Unix shell exist); without it the commit is
 * {@value #UNKNOWN}.
 */
public final class BuildInfo {
    /** The class-path resource holding the commit's hash. */
    public static final String COMMIT_RESOURCE = "/org/latentexplorer/git-commit.txt";
    /** The value of anything that cannot be known. */
    public static final String UNKNOWN = "unknown";

    private static volatile String commit;

    private BuildInfo() {
    }

    /** The full hash of the commit this build was made from, or {@value #UNKNOWN}. */
    public static String gitCommit() {
        String c = commit;
        if (c == null) {
            c = readCommit();
            commit = c;
        }
        return c;
    }

    private static String readCommit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(COMMIT_RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            return text.matches("[0-9a-f]{7,64}") ? text : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The software name written into exported files: "Latent Explorer VERSION (git COMMIT)". */
    public static String software() {
        String c = gitCommit();
        return "Latent Explorer " + Versions.app() + " (git " + (c.equals(UNKNOWN) ? c : c.substring(0, Math.min(12, c.length())))
                + ")";
    }
}
