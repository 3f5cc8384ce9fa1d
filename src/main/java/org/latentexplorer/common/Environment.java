package org.latentexplorer.common;

/**
 * The software and machine a result was made with: application version and git commit, the ND4J backend and native
 * build, Java and the operating system. Recorded in model manifests and exported files; values that could not be
 * found are {@value BuildInfo#UNKNOWN}. {@code backend.Environments} finds the current one.
 */
public record Environment(String appVersion, String gitCommit, String backend, String nativeBuild, String java,
                          String os) {
    public Environment {
        appVersion = orUnknown(appVersion);
        gitCommit = orUnknown(gitCommit);
        backend = orUnknown(backend);
        nativeBuild = orUnknown(nativeBuild);
        java = orUnknown(java);
        os = orUnknown(os);
    }

    /** An environment of which nothing is known (model files written before environments were recorded). */
    public static Environment unknown() {
        return new Environment(null, null, null, null, null, null);
    }

    /** Java's version and vendor in this process. */
    public static String javaHere() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor", BuildInfo.UNKNOWN) + ")";
    }

    /** The operating system of this process. */
    public static String osHere() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    /** One line, {@code app=…; git=…; backend=…; native=…; java=…; os=…}. */
    public String describe() {
        return "app=" + appVersion + "; git=" + gitCommit + "; backend=" + backend + "; native=" + nativeBuild + "; java="
                + java + "; os=" + os;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? BuildInfo.UNKNOWN : s;
    }
}
