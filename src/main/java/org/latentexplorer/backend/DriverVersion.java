package org.latentexplorer.backend;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NVIDIA driver version such as {@code 535.104.05}, compared numerically part by part.
 *
 * @param text the version as the driver prints it
 */
public record DriverVersion(String text) implements Comparable<DriverVersion> {
    /**
     * The oldest Linux driver that runs CUDA 11.x programs (CUDA's minor-version compatibility);
     * nd4j-cuda-11.6 needs at least this one.
     */
    public static final DriverVersion MINIMUM_FOR_CUDA_11 = new DriverVersion("450.80.02");

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{2,4}\\.\\d{1,3}(?:\\.\\d{1,3})?)(?![\\w.])");

    public DriverVersion {
        if (text == null || !text.matches("\\d{1,9}(\\.\\d{1,9})*")) {
            throw new IllegalArgumentException("not a driver version: " + text);
        }
    }

    /**
     * The version in the text of {@code /proc/driver/nvidia/version}: the first dotted number on its
     * {@code NVRM version:} line (e.g. "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05 ...").
     */
    public static Optional<DriverVersion> fromProcText(String procText) {
        for (String line : procText.split("\\R")) {
            if (line.startsWith("NVRM version:")) {
                Matcher m = NUMBER.matcher(line.substring("NVRM version:".length()));
                return m.find() ? Optional.of(new DriverVersion(m.group(1))) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(DriverVersion other) {
        int[] a = parts();
        int[] b = other.parts();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private int[] parts() {
        return Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public String toString() {
        return text;
    }
}
