package org.latentexplorer.interop;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentexplorer.common.Npy;

/** The fixtures written by src/test/python/make_torch_fixtures.py (PyTorch 1.13). */
final class TorchFixtures {
    /** name, channels, size, latents, format. */
    record Fixture(String name, int channels, int size, int latents, TorchCheckpoint.Format format) {
        Path pt() {
            return path(name + ".pt");
        }

        Path specs() {
            return path(name + ".specs.json");
        }

        Npy.FloatArray array(String what) {
            return floats(name + "." + what + ".npy");
        }
    }

    static final Fixture B32_LEGACY = new Fixture("b32_legacy", 1, 32, 4, TorchCheckpoint.Format.LEGACY);
    static final Fixture B32_ZIP_HALF = new Fixture("b32_zip_half", 1, 32, 4, TorchCheckpoint.Format.ZIP);
    static final Fixture B64RGB_ZIP_HALF = new Fixture("b64rgb_zip_half", 3, 64, 3, TorchCheckpoint.Format.ZIP);
    static final Fixture B64RGB_LEGACY_HALF = new Fixture("b64rgb_legacy_half", 3, 64, 3, TorchCheckpoint.Format.LEGACY);
    static final Fixture[] ALL = {B32_LEGACY, B32_ZIP_HALF, B64RGB_ZIP_HALF, B64RGB_LEGACY_HALF};

    private TorchFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(TorchFixtures.class.getResource("/torch/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static Npy.FloatArray floats(String name) {
        try (InputStream in = Files.newInputStream(path(name))) {
            return Npy.readFloat32(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A uint8 .npy as its shape and bytes. */
    static byte[] bytes(String name, long[] shapeOut) {
        try (InputStream in = Files.newInputStream(path(name))) {
            Npy.Header h = Npy.readHeader(in);
            if (!h.descr().equals("|u1")) {
                throw new IllegalStateException(name + " is " + h.descr());
            }
            System.arraycopy(h.shape(), 0, shapeOut, 0, h.shape().length);
            return in.readNBytes((int) h.elements());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
