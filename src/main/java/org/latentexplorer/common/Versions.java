package org.latentexplorer.common;

/** Versions of this application and of ND4J, as recorded in model files and printed by {@code info}. */
public final class Versions {
    public static final String ND4J = "1.0.0-M2.1";

    private Versions() {
    }

    /** The application version from the jar manifest, or "dev" when run from classes. */
    public static String app() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
