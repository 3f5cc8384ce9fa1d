package org.latentexplorer.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.VaeWeights;

/**
 * The correspondence between a Burgess (Table 3) VAE's PyTorch state dict, as geometric-js and
 * disentangling-vae name it, and our parameters: names ({@code encoder.conv_64.weight} ↔
 * {@code enc.conv64.W}, {@code encoder.mu_logvar_gen} ↔ {@code enc.head}, …) and layouts
 * (conv {@code [out,in,kH,kW]} ↔ {@code [kH,kW,in,out]}, transposed conv {@code [in,out,kH,kW]} ↔
 * {@code [kH,kW,out,in]}, linear {@code [out,in]} ↔ {@code [in,out]}). The encoder heads agree
 * without reordering: both read the head's output as (D, 2) pairs, μ_d = out[2d], log σ²_d = out[2d+1].
 */
public final class BurgessLayout {
    private BurgessLayout() {
    }

    /** The state-dict key of one of our parameters, e.g. {@code enc.conv64.W} → {@code encoder.conv_64.weight}. */
    public static String torchName(String ours) {
        int dot = ours.lastIndexOf('.');
        String layer = ours.substring(0, dot);
        String suffix = ours.substring(dot + 1).equals("W") ? "weight" : "bias";
        String module = switch (layer) {
            case "enc.conv64" -> "encoder.conv_64";
            case "enc.head" -> "encoder.mu_logvar_gen";
            case "dec.convT64" -> "decoder.convT_64";
            default -> layer.replace("enc.", "encoder.").replace("dec.", "decoder.");
        };
        return module + "." + suffix;
    }

    /** The PyTorch shape of one of our parameters. */
    public static long[] torchShape(Architecture.Parameter p) {
        long[] s = p.shape();
        if (p.bias()) {
            return s.clone();
        }
        return switch (p.kind()) {
            // ours [kH,kW,in,out] → [out,in,kH,kW]; deconv ours [kH,kW,out,in] → [in,out,kH,kW]
            case CONV, DECONV -> new long[] {s[3], s[2], s[0], s[1]};
            case LINEAR -> new long[] {s[1], s[0]};
        };
    }

    /** The tensor names and PyTorch shapes of an architecture, in our parameter order. */
    public static Map<String, long[]> torchShapes(Architecture arch) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (Architecture.Parameter p : arch.parameters()) {
            m.put(torchName(p.name()), torchShape(p));
        }
        return m;
    }

    /**
     * Infers the architecture from the shapes of a state dict: channels from {@code encoder.conv1.weight},
     * latents from {@code decoder.lin1.weight}, 64×64 when the {@code conv_64} layers are present.
     *
     * @throws UserInputException naming the file when the state dict is not a Burgess VAE
     */
    public static Architecture infer(Path file, Map<String, TorchCheckpoint.TensorData> sd) {
        TorchCheckpoint.TensorData conv1 = sd.get("encoder.conv1.weight");
        TorchCheckpoint.TensorData lin1 = sd.get("decoder.lin1.weight");
        if (conv1 == null || lin1 == null || conv1.shape().length != 4 || lin1.shape().length != 2) {
            List<String> keys = new ArrayList<>(sd.keySet());
            throw UserInputException.forFile(file, "is not a Burgess (Table 3) VAE of geometric-js or disentangling-vae: expected "
                    + "encoder.conv1.weight [32,C,4,4] and decoder.lin1.weight [256,D], found keys "
                    + (keys.size() > 6 ? keys.subList(0, 6) + "…" : keys));
        }
        boolean big = sd.containsKey("encoder.conv_64.weight") || sd.containsKey("decoder.convT_64.weight");
        long channels = conv1.shape()[1];
        long latents = lin1.shape()[1];
        if (channels != 1 && channels != 3) {
            throw UserInputException.forFile(file, "encoder.conv1.weight has shape " + conv1.shapeText()
                    + ": the input has " + channels + " channels; only 1 (grey) and 3 (RGB) are supported");
        }
        if (latents < 1 || latents > 1024) {
            throw UserInputException.forFile(file, "decoder.lin1.weight has shape " + lin1.shapeText() + ": latent size " + latents
                    + " is outside 1..1024");
        }
        return new Architecture(big ? 64 : 32, (int) latents, (int) channels);
    }

    /**
     * Converts a state dict to our weights for {@code arch}.
     *
     * @throws UserInputException naming the file and the key for missing or extra keys, wrong shapes
     *                            (both shapes) or non-finite values
     */
    public static VaeWeights toWeights(Path file, Architecture arch, Map<String, TorchCheckpoint.TensorData> sd) {
        Map<String, long[]> expected = torchShapes(arch);
        for (String key : sd.keySet()) {
            if (!expected.containsKey(key)) {
                throw UserInputException.forFile(file, "unexpected key " + key + " with shape " + sd.get(key).shapeText()
                        + ": not a parameter of the Burgess VAE " + describe(arch));
            }
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Architecture.Parameter p : arch.parameters()) {
            String key = torchName(p.name());
            TorchCheckpoint.TensorData t = sd.get(key);
            long[] want = expected.get(key);
            if (t == null) {
                throw UserInputException.forFile(file, "missing key " + key + " (expected shape " + Arrays.toString(want)
                        + " for the Burgess VAE " + describe(arch) + ")");
            }
            if (!Arrays.equals(t.shape(), want)) {
                throw UserInputException.forFile(file, "key " + key + " has shape " + t.shapeText() + ", expected "
                        + Arrays.toString(want) + " for the Burgess VAE " + describe(arch));
            }
            for (float f : t.values()) {
                if (!Float.isFinite(f)) {
                    throw UserInputException.forFile(file, "key " + key + " contains NaN or infinite values");
                }
            }
            values.put(p.name(), fromTorch(p, t.values()));
        }
        return VaeWeights.of(arch, values);
    }

    /** One parameter's values from PyTorch's layout to ours. */
    static float[] fromTorch(Architecture.Parameter p, float[] torch) {
        if (p.bias()) {
            return torch.clone();
        }
        long[] ours = p.shape();
        if (p.kind() == Architecture.LayerKind.LINEAR) {
            return transpose2(torch, (int) ours[1], (int) ours[0]);
        }
        // torch (a, b, y, x) → ours (y, x, b, a): conv a=out, b=in; deconv a=in, b=out
        int ky = (int) ours[0];
        int kx = (int) ours[1];
        int b = (int) ours[2];
        int a = (int) ours[3];
        float[] out = new float[torch.length];
        for (int ia = 0; ia < a; ia++) {
            for (int ib = 0; ib < b; ib++) {
                for (int y = 0; y < ky; y++) {
                    for (int x = 0; x < kx; x++) {
                        out[((y * kx + x) * b + ib) * a + ia] = torch[((ia * b + ib) * ky + y) * kx + x];
                    }
                }
            }
        }
        return out;
    }

    /** One parameter's values from our layout to PyTorch's (the inverse of {@link #fromTorch}). */
    static float[] toTorch(Architecture.Parameter p, float[] ours) {
        if (p.bias()) {
            return ours.clone();
        }
        long[] s = p.shape();
        if (p.kind() == Architecture.LayerKind.LINEAR) {
            return transpose2(ours, (int) s[0], (int) s[1]);
        }
        int ky = (int) s[0];
        int kx = (int) s[1];
        int b = (int) s[2];
        int a = (int) s[3];
        float[] out = new float[ours.length];
        for (int ia = 0; ia < a; ia++) {
            for (int ib = 0; ib < b; ib++) {
                for (int y = 0; y < ky; y++) {
                    for (int x = 0; x < kx; x++) {
                        out[((ia * b + ib) * ky + y) * kx + x] = ours[((y * kx + x) * b + ib) * a + ia];
                    }
                }
            }
        }
        return out;
    }

    /** A rows×cols matrix (C order) transposed to cols×rows. */
    private static float[] transpose2(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    static String describe(Architecture a) {
        return a.imageSize() + "x" + a.imageSize() + (a.channels() == 3 ? " RGB" : " grey") + ", D=" + a.latents();
    }
}
