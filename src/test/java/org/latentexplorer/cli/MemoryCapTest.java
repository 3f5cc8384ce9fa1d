package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory caps, in forked JVMs with a small heap and JavaCPP's native caps: a 1000-step grid renders
 * (decoded in chunks, so its native memory stays bounded), and running out of heap ends in one
 * line and exit code 1, not a stack trace.
 */
class MemoryCapTest {
    /** Peak RSS allowed for a 1000-step grid of a 64×64 model; decoding the 1000 images in one batch took 1.1 GB. */
    private static final long MAX_RSS_KB = 800L << 10;

    @TempDir
    static Path dir;

    private record Run(int exitCode, String output) {
        long peakRssKb() {
            Matcher m = Pattern.compile("peak-rss-kb (\\d+)").matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private static Run java(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-Dorg.bytedeco.javacpp.maxbytes=512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1536m",
                "-cp", System.getProperty("java.class.path"), PeakRssMain.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the child did not finish in 120 s: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThousandStepGridRendersInBoundedMemory() throws Exception {
        Path model = CliFixtures.dspritesModel(dir);
        Path out = dir.resolve("wide.png");
        Run r = java("-Xmx512m", "traverse", "--model", model.toString(), "--steps", "1000", "--dims", "0", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.output());
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in, true, true);
            assertEquals(1000 * 66 + 2, reader.getWidth(0), "1000 columns of 64 + 2 padding");
            reader.dispose();
        }
        long peak = r.peakRssKb();
        assertTrue(peak > 0 && peak < MAX_RSS_KB, "peak RSS " + peak / 1024 + " MB: " + r.output());
    }

    @Test
    void runningOutOfHeapSaysWhatToDoInOneLine() throws Exception {
        Path model = CliFixtures.dspritesModel(dir);
        Path out = dir.resolve("grid.png");
        Run r = java("-Xmx48m", "traverse", "--model", model.toString(), "--steps", "1000", "--out", out.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("error: out of memory: ask for less at once (a smaller --steps"), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace: " + r.output());
        assertFalse(Files.exists(out));
    }
}
