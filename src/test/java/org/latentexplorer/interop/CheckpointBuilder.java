package org.latentexplorer.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds PyTorch checkpoints for bad-input tests: from tensors, or by editing the PyTorch-written fixtures. */
public final class CheckpointBuilder {
    private CheckpointBuilder() {
    }

    /** A zip-format checkpoint of float32 tensors (contiguous), name → (shape, values); values may be null (zeros). */
    public static byte[] zip(Map<String, long[]> shapes) {
        PickleWriter p = new PickleWriter().proto().global("collections", "OrderedDict").emptyTuple().reduce().mark();
        Map<String, byte[]> storages = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = 1;
            for (long s : e.getValue()) {
                n *= s;
            }
            long[] stride = new long[e.getValue().length];
            long s = 1;
            for (int d = stride.length - 1; d >= 0; d--) {
                stride[d] = s;
                s *= e.getValue()[d];
            }
            String key = Integer.toString(storages.size());
            storages.put("archive/data/" + key, new byte[(int) n * 4]);
            p.string(e.getKey()).global("torch._utils", "_rebuild_tensor_v2").mark()
                    .mark().string("storage").global("torch", "FloatStorage").string(key).string("cpu").integer(n).tuple().persistentId()
                    .integer(0).intTuple(e.getValue()).intTuple(stride).bool(false)
                    .global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", p.setItems().stop());
        entries.putAll(storages);
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return zipOf(entries);
    }

    /** The PyTorch shapes of a Burgess VAE, as a mutable map to edit. */
    public static Map<String, long[]> burgessShapes(int size, int latents, int channels) {
        return new LinkedHashMap<>(BurgessLayout.torchShapes(new org.latentexplorer.model.Architecture(size, latents, channels)));
    }

    /** The entries of a zip file, in order. */
    public static Map<String, byte[]> entries(Path zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A zip of the given entries, deflated (torch's reader is not involved in these tests). */
    public static byte[] zipOf(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code bytes} with the first occurrence of {@code from} replaced by {@code to} (any length). */
    public static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(bytes, f);
        if (at < 0) {
            throw new IllegalArgumentException("'" + from + "' not found");
        }
        byte[] out = new byte[bytes.length - f.length + t.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(t, 0, out, at, t.length);
        System.arraycopy(bytes, at + f.length, out, at + t.length, bytes.length - at - f.length);
        return out;
    }

    public static int indexOf(byte[] bytes, byte[] f) {
        outer:
        for (int i = 0; i + f.length <= bytes.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (bytes[i + j] != f[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The fixture file's bytes. */
    public static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(TorchFixtures.path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
