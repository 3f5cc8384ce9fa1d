package org.latentexplorer.model;

import java.util.List;
import java.util.Map;

/**
 * Where an imported model came from: a PyTorch run of geometric-js or disentangling-vae. Written
 * into the manifest of every imported model; absent for models trained here.
 *
 * @param source         the path of the {@code model.pt} as given when importing
 * @param sha256         SHA-256 of that {@code model.pt}, lowercase hex
 * @param format         {@code zip} (torch ≥ 1.6) or {@code legacy}
 * @param formatVersion  the archive's serialisation version (zip) or legacy protocol version
 * @param torchVersion   the torch version when the run recorded it, else {@code "not recorded"}
 * @param specs          the {@code specs.json} read, or {@code "none"} when the sizes were inferred
 * @param loss           the run's loss name as the PyTorch code spells it ({@code GJS}, {@code btcvae}, …)
 * @param lossParameters the loss's parameters from {@code specs.json} ({@code GJS_A}, {@code betaH_B}, …)
 * @param lossSupported  whether the loss maps to a divergence of ours; if not, the model is explorable
 *                       but its training cannot be continued here
 * @param notes          what the import decided on its own (sizes inferred, defaults assumed)
 */
public record ImportedFrom(String source, String sha256, String format, String formatVersion, String torchVersion,
                           String specs, String loss, Map<String, Double> lossParameters, boolean lossSupported,
                           List<String> notes) {
    public ImportedFrom {
        lossParameters = Map.copyOf(lossParameters);
        notes = List.copyOf(notes);
    }

    /** {@code "imported: NAME"} for a loss we do not train, else the loss name. */
    public String lossLabel() {
        return lossSupported ? loss : "imported: " + loss;
    }
}
