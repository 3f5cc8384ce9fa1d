package org.latentexplorer.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.common.Versions;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ImportedFrom;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;

/**
 * Writes one of our models as a PyTorch run folder: {@code model.pt} in the zip format of torch ≥ 1.6
 * (a float32 state dict with geometric-js's names and layouts, see {@link BurgessLayout}) and
 * {@code specs.json} in geometric-js's vocabulary, so that
 * {@code VAE(img_size, latent_dim).load_state_dict(torch.load("model.pt"))} loads it.
 */
public final class TorchExport {
    /** The archive's top-level folder, as torch.save names it after the file. */
    static final String ARCHIVE = "model";
    /** The zip serialisation version torch 1.6–2.x write. */
    static final String VERSION = "3\n";

    private TorchExport() {
    }

    /** The files written. */
    public record Written(Path modelPt, Path specsJson, String loss) {
    }

    /** Writes {@code dir/model.pt} and {@code dir/specs.json} (creating dir), each atomically. */
    public static Written export(VaeModel model, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UserInputException.forFile(dir, "could not create the folder (" + e + ")", e);
        }
        Path pt = dir.resolve(TorchImport.MODEL_PT);
        Path specs = dir.resolve(TorchImport.SPECS_JSON);
        ObjectNode json = specs(model.manifest());
        byte[] modelPt = modelPt(model);
        AtomicFiles.write(pt, modelPt);
        try {
            AtomicFiles.write(specs, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Written(pt, specs, json.get("loss").asText());
    }

    /** The bytes of a zip-format {@code model.pt} holding the model's state dict. */
    static byte[] modelPt(VaeModel model) {
        Architecture arch = model.architecture();
        PickleWriter p = new PickleWriter().proto().global("collections", "OrderedDict").emptyTuple().reduce().mark();
        List<byte[]> storages = new ArrayList<>();
        for (Architecture.Parameter param : arch.parameters()) {
            float[] values = BurgessLayout.toTorch(param, model.weights().get(param.name()));
            long[] shape = BurgessLayout.torchShape(param);
            long[] stride = new long[shape.length];
            long s = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                stride[d] = s;
                s *= shape[d];
            }
            String key = Integer.toString(storages.size());
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            storages.add(b.array());
            p.string(BurgessLayout.torchName(param.name()))
                    .global("torch._utils", "_rebuild_tensor_v2")
                    .mark()
                    .mark().string("storage").global("torch", "FloatStorage").string(key).string("cpu").integer(values.length)
                    .tuple().persistentId()
                    .integer(0).intTuple(shape).intTuple(stride).bool(false)
                    .global("collections", "OrderedDict").emptyTuple().reduce()
                    .tuple()
                    .reduce();
        }
        byte[] pickle = p.setItems().stop();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, ARCHIVE + "/data.pkl", pickle);
            stored(zip, ARCHIVE + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < storages.size(); i++) {
                stored(zip, ARCHIVE + "/data/" + i, storages.get(i));
            }
            stored(zip, ARCHIVE + "/version", VERSION.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** An uncompressed entry with its size and CRC in the local header, as torch's reader expects. */
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** The run's arguments in geometric-js's vocabulary (see {@link RunSpecs} for the reverse mapping). */
    static ObjectNode specs(ModelManifest m) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        Architecture a = m.architecture();
        o.putArray("img_size").add(a.channels()).add(a.imageSize()).add(a.imageSize());
        o.put("latent_dim", a.latents());
        o.put("model_type", "Burgess");
        // geometric-js's defaults for every loss parameter, then the model's own
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("GJS_A", 0.5);
        params.put("GJS_B", 1.0);
        params.put("GJS_invA", true);
        params.put("MMD_B", 500.0);
        params.put("betaH_B", 4.0);
        params.put("betaB_initC", 0.0);
        params.put("betaB_finC", 25.0);
        params.put("betaB_G", 100.0);
        params.put("factor_G", 6.0);
        params.put("lr_disc", 5e-5);
        params.put("btcvae_A", 1.0);
        params.put("btcvae_G", 1.0);
        params.put("btcvae_B", 6.0);
        params.put("reg_anneal", 0.0);
        String loss;
        DivergenceSpec d = m.divergence();
        double lambda = m.lambda();
        ImportedFrom imp = m.imported();
        if (!m.trainable()) {
            loss = imp.loss();
            imp.lossParameters().forEach((k, v) -> params.put(k, k.equals("GJS_invA") ? (Object) (v != 0.0) : v));
        } else {
            switch (d.kind()) {
                case KL_QP -> loss = lambda == 0.0 ? "VAE" : lambda == 1.0 ? "KL" : "betaH";
                case KL_PQ -> loss = "fwdKL";
                case BETA -> loss = "betaH";
                case JSG, JSG_NIELSEN -> loss = "GJS";
                case JSG_DUAL, JSG_NIELSEN_DUAL -> loss = "dGJS";
                case MMD -> loss = "MMD";
                default -> throw new IllegalStateException(d.kind().toString());
            }
            if (d.kind() == org.latentexplorer.divergence.DivergenceKind.KL_QP && loss.equals("betaH")) {
                params.put("betaH_B", lambda);
            }
            if (d.kind() == org.latentexplorer.divergence.DivergenceKind.BETA) {
                params.put("betaH_B", d.beta() * lambda);
            }
            if (d.kind().isSkewJs()) {
                params.put("GJS_A", d.alpha());
                params.put("GJS_B", lambda);
                params.put("GJS_invA", d.kind().isPaperSkewJs());
            }
            if (d.kind() == org.latentexplorer.divergence.DivergenceKind.MMD) {
                params.put("MMD_B", lambda);
            }
        }
        o.put("loss", loss);
        o.put("rec_dist", m.reconstruction() == Reconstruction.MSE ? "gaussian" : "bernoulli");
        params.forEach((k, v) -> {
            if (v instanceof Boolean b) {
                o.put(k, b);
            } else {
                o.put(k, ((Number) v).doubleValue());
            }
        });
        o.put("dataset", datasetName(m.provenance().dataset()));
        o.put("epochs", m.epochsCompleted());
        o.put("batch_size", m.provenance().batchSize());
        o.put("lr", m.provenance().learningRate());
        o.put("seed", m.provenance().seed());
        o.put("name", "latent-explorer-export");
        o.put("exported_by", "Latent Explorer " + Versions.app());
        return o;
    }

    /** geometric-js's data set names: mnist, fashion, dsprites, …; our {@code KIND:PATH} forms lose the path. */
    static String datasetName(String ours) {
        String kind = ours.contains(":") ? ours.substring(0, ours.indexOf(':')) : ours;
        return switch (kind) {
            case "fashion-mnist" -> "fashion";
            case "dsprites-npz" -> "dsprites";
            default -> kind;
        };
    }
}
