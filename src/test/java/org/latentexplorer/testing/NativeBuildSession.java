package org.latentexplorer.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.latentexplorer.backend.NativeBuild;

/**
 * The test run's start-up, as {@code Launcher.main} is the jar's: chooses the ND4J native build once, before any
 * test class can load ND4J, so tests that build graphs directly load the same build as the app and the CLI.
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class NativeBuildSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBuild.select();
    }
}
