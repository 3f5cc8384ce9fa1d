package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BiasAdd;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DeConv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Table 3 decoder (docs/method.md §3) as a fixed sequence of libnd4j ops executed straight into
 * preallocated arrays: linear+relu ×3, reshape to [n,32,4,4], (64×64 only: convT64+relu), convT1+relu,
 * convT2+relu, convT3, sigmoid. It computes exactly what {@link VaeGraph}'s {@link VaeGraph.Mode#DECODE}
 * graph computes (same ops, same weight layouts, deconvolution without bias followed by a separate
 * bias add), without SameDiff's per-call session work (op lookup, a fresh array per op, placeholder
 * checks), which dominated the time of small batches.
 *
 * <p>The weights are INDArrays created once. The intermediate arrays of a batch size are created on
 * its first call and reused by later calls of that size; at most {@value #CACHED_SIZES} batch sizes are
 * kept (the slider's 1, a grid's chunk size and its remainder), the least recently used one is closed.
 * Not thread-safe: one thread at a time (VaeModel synchronizes).
 */
final class FastDecoder implements AutoCloseable {
    /** Batch sizes whose buffers are kept at once. */
    static final int CACHED_SIZES = 4;

    private static final DeConv2DConfig DECONV = DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1)
            .dH(1).dW(1).isSameMode(false).dataFormat("NCHW").build();

    private final Architecture architecture;
    private final INDArray[] linW = new INDArray[3];
    private final INDArray[] linB = new INDArray[3];
    private final List<INDArray> deconvW = new ArrayList<>();
    private final List<INDArray> deconvB = new ArrayList<>();
    private final Map<Integer, Buffers> cache = new LinkedHashMap<>(8, 0.75f, true);
    private boolean closed;

    FastDecoder(VaeWeights weights) {
        this.architecture = weights.architecture();
        Map<String, float[]> values = weights.view();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Architecture.Parameter p : architecture.parameters()) {
            shapes.put(p.name(), p.shape());
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            String[] lin = {"dec.lin1", "dec.lin2", "dec.lin3"};
            for (int i = 0; i < 3; i++) {
                linW[i] = create(values, shapes, lin[i] + ".W");
                linB[i] = create(values, shapes, lin[i] + ".b");
            }
            for (String name : deconvNames()) {
                deconvW.add(create(values, shapes, name + ".W"));
                deconvB.add(create(values, shapes, name + ".b"));
            }
        }
    }

    private List<String> deconvNames() {
        List<String> names = new ArrayList<>();
        if (architecture.hasExtraLayer()) {
            names.add("dec.convT64");
        }
        names.add("dec.convT1");
        names.add("dec.convT2");
        names.add("dec.convT3");
        return names;
    }

    private static INDArray create(Map<String, float[]> values, Map<String, long[]> shapes, String name) {
        return Nd4j.create(values.get(name), shapes.get(name), 'c');
    }

    /** Decodes n latent vectors (n×D, row-major) to n mean images (n×C×H×W, row-major). */
    float[] decode(float[] latents, int n) {
        if (closed) {
            throw new IllegalStateException("decoder closed");
        }
        int d = architecture.latents();
        if (n < 1 || latents.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + "×" + d + " latent values, got " + latents.length);
        }
        Buffers b = buffers(n);
        b.z.data().setData(latents);
        INDArray h = b.z;
        for (int i = 0; i < 3; i++) {
            // x·W + b, then relu in place: the same ops as VaeGraph.linear and sd.nn().relu(…, 0)
            Nd4j.gemm(h, linW[i], b.lin[i], false, false, 1.0, 0.0);
            b.lin[i].addiRowVector(linB[i]);
            Nd4j.exec(new RectifiedLinear(b.lin[i], b.lin[i], 0.0));
            h = b.lin[i];
        }
        h = b.reshaped;
        int layers = deconvW.size();
        for (int i = 0; i < layers; i++) {
            INDArray out = b.deconv[i];
            Nd4j.exec(new DeConv2D(new INDArray[] {h, deconvW.get(i)}, new INDArray[] {out}, DECONV));
            Nd4j.exec(new BiasAdd(out, deconvB.get(i), out, true));
            if (i < layers - 1) {
                Nd4j.exec(new RectifiedLinear(out, out, 0.0));
            } else {
                Nd4j.exec(new Sigmoid(out, out));
            }
            h = out;
        }
        return h.data().asFloat();
    }

    private Buffers buffers(int n) {
        Buffers b = cache.get(n);
        if (b != null) {
            return b;
        }
        if (cache.size() >= CACHED_SIZES) {
            Iterator<Map.Entry<Integer, Buffers>> eldest = cache.entrySet().iterator();
            eldest.next().getValue().close();
            eldest.remove();
        }
        b = new Buffers(n);
        cache.put(n, b);
        return b;
    }

    /** The batch sizes whose buffers are kept now, least recently used first (for tests). */
    List<Integer> cachedSizes() {
        return new ArrayList<>(cache.keySet());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Buffers b : cache.values()) {
            b.close();
        }
        cache.clear();
        for (int i = 0; i < 3; i++) {
            linW[i].close();
            linB[i].close();
        }
        deconvW.forEach(INDArray::close);
        deconvB.forEach(INDArray::close);
    }

    /** The arrays of one batch size: the input, each layer's output. */
    private final class Buffers implements AutoCloseable {
        final INDArray z;
        final INDArray[] lin = new INDArray[3];
        final INDArray reshaped;
        final INDArray[] deconv;

        Buffers(int n) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                z = Nd4j.create(DataType.FLOAT, new long[] {n, architecture.latents()}, 'c');
                lin[0] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.HIDDEN}, 'c');
                lin[1] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.HIDDEN}, 'c');
                lin[2] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.CHANNELS * 16}, 'c');
                reshaped = lin[2].reshape('c', n, Architecture.CHANNELS, 4, 4);
                int layers = deconvW.size();
                deconv = new INDArray[layers];
                int size = 4;
                for (int i = 0; i < layers; i++) {
                    size *= 2;
                    long channels = i == layers - 1 ? architecture.channels() : Architecture.CHANNELS;
                    deconv[i] = Nd4j.create(DataType.FLOAT, new long[] {n, channels, size, size}, 'c');
                }
            }
        }

        @Override
        public void close() {
            z.close();
            for (INDArray a : lin) {
                a.close();
            }
            for (INDArray a : deconv) {
                a.close();
            }
        }
    }
}
