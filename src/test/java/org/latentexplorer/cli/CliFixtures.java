package org.latentexplorer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeWeights;

/** Model files and data directories made in-test for the command tests: untrained weights, tiny data. */
final class CliFixtures {
    private CliFixtures() {
    }

    /** A model file with freshly initialised weights (PyTorch's init, seeded) and the given manifest fields. */
    static Path model(Path file, int imageSize, int latents, DivergenceSpec divergence, String dataset,
                      List<EpochRecord> history) {
        Architecture arch = new Architecture(imageSize, latents);
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "test", "1.0.0-M2.1",
                "2026-01-01T00:00:00Z", arch, divergence, 1.0, Reconstruction.MSE,
                new Provenance(dataset, 0, 1, 16, 1e-4, 7), history.size(), 10L * history.size(), history);
        ModelFile.write(file, manifest, VaeWeights.initialise(arch, 11 + latents), null);
        return file;
    }

    /** A dSprites model: 64×64, D = 10, jsg-dual α = 0.5. */
    static Path dspritesModel(Path dir) {
        return model(dir.resolve("dsprites.zip"), 64, 10, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), "dsprites", List.of());
    }

    /** A 32×32 model (MNIST-sized), D = 10, kl-qp. */
    static Path mnistModel(Path dir, String dataset) {
        return model(dir.resolve("mnist.zip"), 32, 10, DivergenceSpec.of(DivergenceKind.KL_QP), dataset, List.of());
    }

    /** An MNIST directory with n training and n test images of 28×28 (IDX, uncompressed) and labels. */
    static Path mnistDir(Path dir, int n) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("train-images-idx3-ubyte"), idxImages(n));
            Files.write(dir.resolve("train-labels-idx1-ubyte"), idxLabels(n));
            Files.write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(n));
            Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(n));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] idxImages(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 28 * 28);
        b.putInt(0x803).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 28 * 28; p++) {
                int r = p / 28;
                int c = p % 28;
                b.put((byte) (Math.abs(r - 4 - i) < 3 && c > 5 && c < 22 ? 255 : 0));
            }
        }
        return b.array();
    }

    private static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }
}
