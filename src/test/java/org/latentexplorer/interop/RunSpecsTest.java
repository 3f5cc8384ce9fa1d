package org.latentexplorer.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.Reconstruction;

/** specs.json of both codebases translated to our losses. */
class RunSpecsTest {
    @TempDir
    Path dir;

    private RunSpecs.Loss loss(String json) throws IOException {
        return RunSpecs.read(Files.writeString(dir.resolve("specs.json"), json)).translate();
    }

    /** A geometric-js run: its arguments always include GJS_A, GJS_B, GJS_invA and MMD_B. */
    private static String gjs(String loss, String extra) {
        return "{\"img_size\":[1,64,64],\"latent_dim\":10,\"loss\":\"" + loss + "\",\"rec_dist\":\"gaussian\",\"GJS_A\":0.7,"
                + "\"GJS_B\":2.0,\"GJS_invA\":true,\"MMD_B\":500.0,\"betaH_B\":4.0" + extra + "}";
    }

    /** A disentangling-vae run: no GJS or MMD arguments. */
    private static String dvae(String loss, String rec) {
        return "{\"img_size\":[3,64,64],\"latent_dim\":10,\"loss\":\"" + loss + "\",\"rec_dist\":\"" + rec + "\",\"betaH_B\":6,"
                + "\"btcvae_B\":6,\"model_type\":\"Burgess\"}";
    }

    @Test
    void geometricJsLosses() throws IOException {
        RunSpecs.Loss l = loss(gjs("GJS", ""));
        assertEquals(DivergenceKind.JSG, l.divergence().kind());
        assertEquals(0.7, l.divergence().alpha());
        assertEquals(2.0, l.lambda());
        assertEquals(Reconstruction.MSE, l.reconstruction(), "geometric-js's gaussian is the plain squared error");
        assertTrue(l.supported());
        assertEquals(DivergenceKind.JSG_DUAL, loss(gjs("dGJS", "")).divergence().kind());
        assertEquals(DivergenceKind.JSG_NIELSEN, loss(gjs("GJS", "").replace("\"GJS_invA\":true", "\"GJS_invA\":false")).divergence().kind());
        assertEquals(DivergenceKind.JSG_NIELSEN_DUAL, loss(gjs("dGJS", "").replace("\"GJS_invA\":true", "\"GJS_invA\":false"))
                .divergence().kind());
        RunSpecs.Loss vae = loss(gjs("VAE", ""));
        assertEquals(DivergenceKind.KL_QP, vae.divergence().kind());
        assertEquals(0.0, vae.lambda(), "geometric-js's VAE loss has beta = 0");
        assertEquals(1.0, loss(gjs("KL", "")).lambda());
        assertEquals(DivergenceKind.KL_PQ, loss(gjs("fwdKL", "")).divergence().kind());
        RunSpecs.Loss mmd = loss(gjs("MMD", ""));
        assertEquals(DivergenceKind.MMD, mmd.divergence().kind());
        assertEquals(500.0, mmd.lambda());
        RunSpecs.Loss beta = loss(gjs("betaH", ""));
        assertEquals(DivergenceKind.BETA, beta.divergence().kind());
        assertEquals(4.0, beta.divergence().beta());
        for (String other : new String[] {"tGJS", "tdGJS", "betaB", "factor", "btcvae"}) {
            assertFalse(loss(gjs(other, "")).supported(), other);
        }
    }

    @Test
    void disentanglingVaeLosses() throws IOException {
        RunSpecs.Loss vae = loss(dvae("VAE", "bernoulli"));
        assertEquals(DivergenceKind.KL_QP, vae.divergence().kind());
        assertEquals(1.0, vae.lambda(), "disentangling-vae's VAE loss has beta = 1");
        assertEquals(Reconstruction.BERNOULLI, vae.reconstruction());
        assertTrue(vae.supported());
        assertEquals(6.0, loss(dvae("betaH", "bernoulli")).divergence().beta());
        assertFalse(loss(dvae("btcvae", "bernoulli")).supported());
        assertFalse(loss(dvae("VAE", "gaussian")).supported(), "disentangling-vae's gaussian is 255 x the squared error");
        assertFalse(loss(dvae("VAE", "laplace")).supported());
    }

    @Test
    void sizesAndBadValues() throws IOException {
        RunSpecs s = RunSpecs.read(Files.writeString(dir.resolve("a.json"), dvae("VAE", "bernoulli")));
        assertEquals(new Architecture(64, 10, 3), s.architecture());
        assertEquals(RunSpecs.DISENTANGLING_VAE, s.codebase());
        assertNull(RunSpecs.read(Files.writeString(dir.resolve("b.json"), "{\"loss\":\"VAE\"}")).architecture());
        Path odd = Files.writeString(dir.resolve("c.json"), "{\"img_size\":[1,48,48],\"latent_dim\":10}");
        UserInputException e = assertThrows(UserInputException.class, () -> RunSpecs.read(odd).architecture());
        assertTrue(e.getMessage().startsWith(odd.toString()) && e.getMessage().contains("48x48"), e.getMessage());
        Path alpha = Files.writeString(dir.resolve("d.json"), gjs("GJS", "").replace("0.7", "1.5"));
        e = assertThrows(UserInputException.class, () -> RunSpecs.read(alpha).translate());
        assertTrue(e.getMessage().contains("GJS_A is 1.5"), e.getMessage());
        Path broken = Files.writeString(dir.resolve("e.json"), "{\"img_size\": [1, 64");
        e = assertThrows(UserInputException.class, () -> RunSpecs.read(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()) && e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
