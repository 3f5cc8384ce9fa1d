package org.latentexplorer.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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
        String invalid = firstInvalid(weights.view(), optimizer);
        if (invalid != null) {
            // never replace a file with one that could not be read back
            throw new IllegalStateException("refusing to write " + file + ": " + invalid);
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

    /** The most bytes the manifest may hold (a long history is a few hundred kB). */
    static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** The most entries a model file may list (one of ours has about 60). */
    static final int MAX_ENTRIES = 10_000;
    /** Room for an .npy header beyond the data of a parameter (ours are 128 bytes). */
    private static final long NPY_HEADER_ALLOWANCE = 64L << 10;

    /**
     * Reads and validates a model file. Reading is bounded: the zip's directory is read first and
     * duplicate entries are refused; the manifest may hold at most {@value #MAX_MANIFEST_BYTES}
     * bytes; each weight or Adam array at most the byte size its shape in the manifest's
     * architecture implies (so the total is bounded too); entries the format does not know are
     * skipped without being inflated. Weights must be finite, Adam's moments finite and its second
     * moments non-negative.
     *
     * @throws UserInputException naming the file and what is wrong with it
     */
    public static Contents read(Path file) {
        try (ZipFile zip = open(file)) {
            Map<String, ZipEntry> entries = index(file, zip);
            ZipEntry manifestEntry = entries.get(MANIFEST);
            if (manifestEntry == null) {
                throw UserInputException.forFile(file, "not a Latent Explorer model file (no manifest.json inside)");
            }
            long[] budget = {MAX_MANIFEST_BYTES};
            ModelManifest manifest;
            try {
                manifest = ManifestJson.read(readBounded(file, zip, manifestEntry, MAX_MANIFEST_BYTES, budget));
            } catch (IllegalArgumentException e) {
                throw UserInputException.forFile(file, e.getMessage(), e);
            }
            Architecture arch = manifest.architecture();
            boolean hasOptimizer = entries.containsKey(OPTIMIZER + "step.txt");
            budget[0] = 0;
            for (Architecture.Parameter p : arch.parameters()) {
                budget[0] += (hasOptimizer ? 3 : 1) * (4 * p.length() + NPY_HEADER_ALLOWANCE);
            }
            budget[0] += hasOptimizer ? 64 : 0;
            Map<String, float[]> weights = new LinkedHashMap<>();
            Map<String, float[]> m = new LinkedHashMap<>();
            Map<String, float[]> v = new LinkedHashMap<>();
            for (Architecture.Parameter p : arch.parameters()) {
                weights.put(p.name(), array(file, zip, entries, WEIGHTS + p.name() + ".npy", p, budget));
                if (hasOptimizer) {
                    m.put(p.name(), array(file, zip, entries, OPTIMIZER + p.name() + ".m.npy", p, budget));
                    v.put(p.name(), array(file, zip, entries, OPTIMIZER + p.name() + ".v.npy", p, budget));
                }
            }
            AdamState optimizer = null;
            if (hasOptimizer) {
                byte[] stepBytes = readBounded(file, zip, entries.get(OPTIMIZER + "step.txt"), 64, budget);
                long step;
                try {
                    step = Long.parseLong(new String(stepBytes, java.nio.charset.StandardCharsets.US_ASCII).trim());
                } catch (NumberFormatException e) {
                    throw UserInputException.forFile(file, "optimizer/step.txt is not a number");
                }
                if (step < 0) {
                    throw UserInputException.forFile(file, "optimizer/step.txt holds a negative step count (" + step + ")");
                }
                optimizer = new AdamState(step, m, v);
            }
            String invalid = firstInvalid(weights, optimizer);
            if (invalid != null) {
                throw UserInputException.forFile(file, invalid);
            }
            return new Contents(manifest, VaeWeights.of(arch, weights), optimizer);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        }
    }

    /** What would make a file of these weights and Adam state unreadable, or null if they are valid (see {@link #read}). */
    public static String problemWith(VaeWeights weights, AdamState optimizer) {
        return firstInvalid(weights.view(), optimizer);
    }

    /**
     * What makes weights or Adam state unusable, or null if they are valid: a weight or moment
     * that is NaN or infinite, or a negative second moment (Adam divides by its square root).
     */
    static String firstInvalid(Map<String, float[]> weights, AdamState optimizer) {
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            if (!allFinite(e.getValue())) {
                return WEIGHTS + e.getKey() + ".npy contains NaN or infinite values";
            }
        }
        if (optimizer != null) {
            for (Map.Entry<String, float[]> e : optimizer.m().entrySet()) {
                if (!allFinite(e.getValue())) {
                    return OPTIMIZER + e.getKey() + ".m.npy (Adam's first moment) contains NaN or infinite values";
                }
            }
            for (Map.Entry<String, float[]> e : optimizer.v().entrySet()) {
                for (float f : e.getValue()) {
                    if (!(f >= 0) || f == Float.POSITIVE_INFINITY) {
                        return OPTIMIZER + e.getKey() + ".v.npy (Adam's second moment) contains " + f
                                + "; it must hold finite values >= 0";
                    }
                }
            }
        }
        return null;
    }

    private static boolean allFinite(float[] values) {
        for (float f : values) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    private static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            if (!Files.exists(file)) {
                throw UserInputException.forFile(file, "no such file");
            }
            throw UserInputException.forFile(file, "could not be read (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw UserInputException.forFile(file, startsLikeAZip(file)
                    ? "not a valid model file: the file is truncated (its zip directory at the end is missing or damaged; was it cut short?)"
                    : "not a Latent Explorer model file (not a zip)", e);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        }
    }

    private static boolean startsLikeAZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** The entries by name, from the zip's directory; a name listed twice is refused. */
    private static Map<String, ZipEntry> index(Path file, ZipFile zip) {
        if (zip.size() > MAX_ENTRIES) {
            throw UserInputException.forFile(file, "not a valid model file: it lists " + zip.size() + " entries (a model has fewer than "
                    + MAX_ENTRIES + ")");
        }
        Map<String, ZipEntry> entries = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (entries.put(e.getName(), e) != null) {
                throw UserInputException.forFile(file, "not a valid model file: the entry " + e.getName()
                        + " appears twice (which one counts would be ambiguous)");
            }
        }
        if (entries.isEmpty()) {
            throw UserInputException.forFile(file, "not a Latent Explorer model file (an empty zip)");
        }
        return entries;
    }

    /**
     * Inflates one entry, at most {@code limit} bytes and at most what is left of {@code budget},
     * checking its CRC; a longer entry is refused before more is inflated.
     */
    private static byte[] readBounded(Path file, ZipFile zip, ZipEntry e, long limit, long[] budget) {
        try (InputStream in = entryStream(file, zip, e, limit, budget)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw entryProblem(file, e, ex);
        }
    }

    private static InputStream entryStream(Path file, ZipFile zip, ZipEntry e, long limit, long[] budget) throws IOException {
        long max = Math.min(limit, budget[0]);
        if (e.getSize() > max) {
            throw UserInputException.forFile(file, "not a valid model file: " + e.getName() + " declares " + e.getSize()
                    + " bytes, more than the " + max + " it can hold (a corrupt or hostile file)");
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        InputStream raw = zip.getInputStream(e);
        return new java.io.FilterInputStream(raw) {
            long count;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, (int) Math.min(len, max - count + 1));
                if (n < 0) {
                    if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                        throw new ZipException("CRC mismatch: the data is corrupt");
                    }
                    return n;
                }
                count += n;
                budget[0] -= n;
                if (count > max) {
                    throw UserInputException.forFile(file, "not a valid model file: " + e.getName() + " inflates to more than the "
                            + max + " bytes it can hold (a corrupt or hostile file, e.g. a zip bomb)");
                }
                crc.update(b, off, n);
                return n;
            }
        };
    }

    private static UserInputException entryProblem(Path file, ZipEntry e, IOException ex) {
        if (ex instanceof java.io.EOFException || String.valueOf(ex.getMessage()).contains("Unexpected end")) {
            return UserInputException.forFile(file, "not a valid model file: " + e.getName() + " is truncated", ex);
        }
        return UserInputException.forFile(file, "not a valid model file: " + e.getName() + " is corrupt (" + ex.getMessage() + ")", ex);
    }

    private static float[] array(Path file, ZipFile zip, Map<String, ZipEntry> entries, String name, Architecture.Parameter p,
                                 long[] budget) {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw UserInputException.forFile(file, "missing " + name + " (expected for " + describe(p) + ")");
        }
        try (InputStream in = entryStream(file, zip, e, 4 * p.length() + NPY_HEADER_ALLOWANCE, budget)) {
            Npy.Header h;
            try {
                h = Npy.readHeader(in);
            } catch (ZipException ex) {
                throw entryProblem(file, e, ex);
            } catch (IOException ex) {
                throw UserInputException.forFile(file, name + ": " + ex.getMessage(), ex);
            }
            if (!Arrays.equals(h.shape(), p.shape())) {
                throw UserInputException.forFile(file, name + " has shape " + Arrays.toString(h.shape()) + ", expected "
                        + Arrays.toString(p.shape()) + " for " + describe(p));
            }
            Npy.FloatArray a;
            try {
                a = Npy.readFloat32(h, in);
            } catch (ZipException ex) {
                throw entryProblem(file, e, ex);
            } catch (IOException ex) {
                throw UserInputException.forFile(file, name + ": " + ex.getMessage(), ex);
            }
            if (in.read() >= 0) {
                throw UserInputException.forFile(file, "not a valid model file: " + name + " holds more bytes than its shape "
                        + Arrays.toString(p.shape()) + " needs (a corrupt or hostile file, e.g. a zip bomb)");
            }
            return a.data();
        } catch (IOException ex) {
            throw entryProblem(file, e, ex);
        }
    }

    private static String describe(Architecture.Parameter p) {
        return "parameter " + p.name();
    }
}
