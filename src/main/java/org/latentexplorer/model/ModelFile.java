package org.latentexplorer.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.Npy;
import org.latentexplorer.common.UserInputException;

/**
 * A model file: one zip holding {@code manifest.json}, the weights as {@code weights/NAME.npy}
 * (float32, ND4J layouts listed in {@link Architecture.Parameter}) and, for checkpoints that can be
 * resumed, Adam's state as {@code optimizer/NAME.m.npy}, {@code optimizer/NAME.v.npy} and the
 * step in the manifest. Written atomically; read with full validation. No Java serialisation.
 */
public final class ModelFile {
    static final String MANIFEST = "manifest.json";
    static final String WEIGHTS = "weights/";
    static final String OPTIMIZER = "optimizer/";

    private ModelFile() {
    }

    /** What a model file holds. {@code optimizer} is null when the file carries no Adam state. */
    public record Contents(ModelManifest manifest, VaeWeights weights, AdamState optimizer) {
    }

    /** Writes a model file atomically (a failure leaves any previous file intact). */
    public static void write(Path file, ModelManifest manifest, VaeWeights weights, AdamState optimizer) {
        if (!manifest.architecture().equals(weights.architecture())) {
            throw new IllegalArgumentException("manifest and weights describe different architectures");
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(ManifestJson.write(manifest));
            zip.closeEntry();
            for (Architecture.Parameter p : weights.architecture().parameters()) {
                zip.putNextEntry(new ZipEntry(WEIGHTS + p.name() + ".npy"));
                zip.write(Npy.toBytes(p.shape(), weights.view().get(p.name())));
                zip.closeEntry();
                if (optimizer != null) {
                    zip.putNextEntry(new ZipEntry(OPTIMIZER + p.name() + ".m.npy"));
                    zip.write(Npy.toBytes(p.shape(), optimizer.m().get(p.name())));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(OPTIMIZER + p.name() + ".v.npy"));
                    zip.write(Npy.toBytes(p.shape(), optimizer.v().get(p.name())));
                    zip.closeEntry();
                }
            }
            if (optimizer != null) {
                zip.putNextEntry(new ZipEntry(OPTIMIZER + "step.txt"));
                zip.write(Long.toString(optimizer.step()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads and validates a model file.
     *
     * @throws UserInputException naming the file and what is wrong with it
     */
    public static Contents read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        } catch (NoSuchFileException e) {
            throw UserInputException.forFile(file, "no such file");
        } catch (ZipException | java.io.EOFException e) {
            throw UserInputException.forFile(file, "not a valid model file: the zip is corrupt or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        }
        if (entries.isEmpty()) {
            throw UserInputException.forFile(file, "not a Latent Explorer model file (not a zip, or an empty one)");
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw UserInputException.forFile(file, "not a Latent Explorer model file (no manifest.json inside)");
        }
        ModelManifest manifest;
        try {
            manifest = ManifestJson.read(manifestBytes);
        } catch (IllegalArgumentException e) {
            throw UserInputException.forFile(file, e.getMessage(), e);
        }
        Architecture arch = manifest.architecture();
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, float[]> m = new LinkedHashMap<>();
        Map<String, float[]> v = new LinkedHashMap<>();
        boolean hasOptimizer = entries.containsKey(OPTIMIZER + "step.txt");
        for (Architecture.Parameter p : arch.parameters()) {
            weights.put(p.name(), array(file, entries, WEIGHTS + p.name() + ".npy", p, true));
            if (hasOptimizer) {
                m.put(p.name(), array(file, entries, OPTIMIZER + p.name() + ".m.npy", p, false));
                v.put(p.name(), array(file, entries, OPTIMIZER + p.name() + ".v.npy", p, false));
            }
        }
        AdamState optimizer = null;
        if (hasOptimizer) {
            try {
                optimizer = new AdamState(Long.parseLong(new String(entries.get(OPTIMIZER + "step.txt"),
                        java.nio.charset.StandardCharsets.US_ASCII).trim()), m, v);
            } catch (NumberFormatException e) {
                throw UserInputException.forFile(file, "optimizer/step.txt is not a number");
            }
        }
        return new Contents(manifest, VaeWeights.of(arch, weights), optimizer);
    }

    private static float[] array(Path file, Map<String, byte[]> entries, String name, Architecture.Parameter p, boolean checkFinite) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw UserInputException.forFile(file, "missing " + name + " (expected for " + describe(p) + ")");
        }
        Npy.FloatArray a;
        try {
            a = Npy.readFloat32(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw UserInputException.forFile(file, name + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(a.shape(), p.shape())) {
            throw UserInputException.forFile(file, name + " has shape " + Arrays.toString(a.shape()) + ", expected "
                    + Arrays.toString(p.shape()) + " for " + describe(p));
        }
        if (checkFinite) {
            for (float f : a.data()) {
                if (!Float.isFinite(f)) {
                    throw UserInputException.forFile(file, name + " contains NaN or infinite values");
                }
            }
        }
        return a.data();
    }

    private static String describe(Architecture.Parameter p) {
        return "parameter " + p.name();
    }
}
