package org.latentexplorer.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.common.Npy;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;

/** Imported PyTorch checkpoints decode and encode exactly as PyTorch does (fixtures from PyTorch 1.13). */
class BurgessImportNumericsTest {
    static List<TorchFixtures.Fixture> fixtures() {
        return List.of(TorchFixtures.ALL);
    }

    static VaeModel model(TorchFixtures.Fixture f) {
        TorchCheckpoint.StateDict sd = TorchCheckpoint.read(f.pt());
        Architecture arch = BurgessLayout.infer(f.pt(), sd.tensors());
        VaeWeights w = BurgessLayout.toWeights(f.pt(), arch, sd.tensors());
        ModelManifest m = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "test", "test", "", arch,
                DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.BERNOULLI, new Provenance("none", 0, 1, 1, 1e-4, 1), 0, 0,
                List.of());
        return new VaeModel(m, w);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsTheFormatAndInfersTheArchitecture(TorchFixtures.Fixture f) {
        TorchCheckpoint.StateDict sd = TorchCheckpoint.read(f.pt());
        assertEquals(f.format(), sd.format());
        assertEquals(new Architecture(f.size(), f.latents(), f.channels()), BurgessLayout.infer(f.pt(), sd.tensors()));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void decoderOutputsEqualPyTorchs(TorchFixtures.Fixture f) {
        Npy.FloatArray z = f.array("z");
        Npy.FloatArray expected = f.array("decoded");
        int n = (int) z.shape()[0];
        float[] got = model(f).decode(z.data(), n);
        assertEquals(expected.data().length, got.length);
        assertArrayEquals(expected.data(), got, 1e-5f, f.name());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void encoderOutputsEqualPyTorchs(TorchFixtures.Fixture f) {
        Npy.FloatArray x = f.array("x");
        float[] mu = f.array("mu").data();
        float[] logvar = f.array("logvar").data();
        int n = (int) x.shape()[0];
        int d = f.latents();
        float[] got = model(f).encode(x.data(), n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                assertEquals(mu[i * d + k], got[i * 2 * d + k], 1e-4, "mu " + i + "," + k);
                assertEquals(logvar[i * d + k], got[i * 2 * d + d + k], 1e-4, "logvar " + i + "," + k);
            }
        }
        assertTrue(n > 0);
    }
}
