package org.latentexplorer.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The build's git commit (written by the pom's git-commit profile) and the software line of exported files. */
class BuildInfoTest {
    @Test
    void theCommitIsTheCheckoutsHeadWhenBuiltFromGit() throws IOException, InterruptedException {
        assumeTrue(Files.exists(Path.of(".git")), "not built from a git checkout");
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no git on this machine");
            return;
        }
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assumeTrue(git.waitFor() == 0, "git rev-parse failed: " + head);
        assertEquals(head, BuildInfo.gitCommit());
    }

    @Test
    void theSoftwareLineNamesVersionAndCommit() {
        String commit = BuildInfo.gitCommit();
        assertTrue(commit.equals(BuildInfo.UNKNOWN) || commit.matches("[0-9a-f]{40}"), commit);
        String software = BuildInfo.software();
        assertTrue(software.startsWith("Latent Explorer " + Versions.app() + " (git "), software);
        assertTrue(software.contains(commit.equals(BuildInfo.UNKNOWN) ? commit : commit.substring(0, 12)), software);
    }

    @Test
    void unknownPartsOfAnEnvironmentSayUnknown() {
        Environment e = new Environment("1.0", null, "", "nd4j-native", null, "Linux");
        assertEquals("app=1.0; git=unknown; backend=unknown; native=nd4j-native; java=unknown; os=Linux", e.describe());
    }
}
