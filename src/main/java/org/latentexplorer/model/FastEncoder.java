package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Table 3 encoder (docs/method.md §3) as a fixed sequence of libnd4j ops into preallocated
 * arrays, the counterpart of {@link FastDecoder}: conv+relu ×3 (×4 at 64×64, each with its bias, as
 * in {@link VaeGraph}), flatten, linear+relu ×2, the interleaved head (μ_d = out[2d],
 * log σ²_d = out[2d+1]). The SameDiff {@link VaeGraph.Mode#ENCODE} graph is its test oracle. Arrays
 * are kept for the last {@value #CACHED_SIZES} batch sizes. Not thread-safe (VaeModel synchronizes).
 */
final class FastEncoder implements AutoCloseable {
    static final int CACHED_SIZES = 4;

    private static final Conv2DConfig CONV = Conv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dH(1).dW(1)
            .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();

    private final Architecture architecture;
    private final List<INDArray> convW = new ArrayList<>();
    private final List<INDArray> convB = new ArrayList<>();
    private final INDArray[] linW = new INDArray[3];
    private final INDArray[] linB = new INDArray[3];
    private final BatchCache<Buffers> cache = new BatchCache<>(CACHED_SIZES, Buffers::new);
    private boolean closed;

    FastEncoder(VaeWeights weights) {
        this.architecture = weights.architecture();
        Map<String, float[]> values = weights.view();
        List<String> convs = new ArrayList<>(List.of("enc.conv1", "enc.conv2", "enc.conv3"));
        if (architecture.hasExtraLayer()) {
            convs.add("enc.conv64");
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (Architecture.Parameter p : architecture.parameters()) {
                String layer = p.name().substring(0, p.name().lastIndexOf('.'));
                INDArray a = Nd4j.create(values.get(p.name()), p.shape(), 'c');
                int lin = List.of("enc.lin1", "enc.lin2", "enc.head").indexOf(layer);
                if (convs.contains(layer)) {
                    (p.bias() ? convB : convW).add(a);
                } else if (lin >= 0) {
                    (p.bias() ? linB : linW)[lin] = a;
                } else {
                    a.close();
                }
            }
        }
    }

    /** Encodes n images (n×C×H×W) to n rows of D means followed by D log-variances. */
    float[] encode(float[] images, int n) {
        if (closed) {
            throw new IllegalStateException("encoder closed");
        }
        int size = architecture.imageSize();
        int c = architecture.channels();
        if (n < 1 || images.length != (long) n * c * size * size) {
            throw new IllegalArgumentException("expected " + n + " images of " + c + "×" + size + "×" + size + ", got " + images.length + " values");
        }
        Buffers b = cache.get(n);
        b.x.data().asNioFloat().put(images);
        INDArray h = b.x;
        for (int i = 0; i < convW.size(); i++) {
            Nd4j.exec(new Conv2D(new INDArray[] {h, convW.get(i), convB.get(i)}, new INDArray[] {b.conv[i]}, CONV));
            Nd4j.exec(new RectifiedLinear(b.conv[i], b.conv[i], 0.0));
            h = b.conv[i];
        }
        h = b.flat;
        for (int i = 0; i < 3; i++) {
            Nd4j.gemm(h, linW[i], b.lin[i], false, false, 1.0, 0.0);
            b.lin[i].addiRowVector(linB[i]);
            if (i < 2) {
                Nd4j.exec(new RectifiedLinear(b.lin[i], b.lin[i], 0.0));
            }
            h = b.lin[i];
        }
        int d = architecture.latents();
        float[] head = new float[n * 2 * d];
        b.lin[2].data().asNioFloat().get(head);
        float[] result = new float[n * 2 * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                result[i * 2 * d + k] = head[i * 2 * d + 2 * k];
                result[i * 2 * d + d + k] = head[i * 2 * d + 2 * k + 1];
            }
        }
        return result;
    }

    /** The batch sizes whose buffers are kept now, least recently used first (for tests). */
    List<Integer> cachedSizes() {
        return cache.sizes();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cache.close();
        convW.forEach(INDArray::close);
        convB.forEach(INDArray::close);
        for (int i = 0; i < 3; i++) {
            linW[i].close();
            linB[i].close();
        }
    }

    /** The arrays of one batch size: the images, each layer's output. */
    private final class Buffers implements AutoCloseable {
        final INDArray x;
        final INDArray[] conv;
        final INDArray flat;
        final INDArray[] lin = new INDArray[3];

        Buffers(int n) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                int size = architecture.imageSize();
                x = Nd4j.create(DataType.FLOAT, new long[] {n, architecture.channels(), size, size}, 'c');
                conv = new INDArray[convW.size()];
                for (int i = 0; i < conv.length; i++) {
                    size /= 2;
                    conv[i] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.CHANNELS, size, size}, 'c');
                }
                flat = conv[conv.length - 1].reshape('c', n, Architecture.CHANNELS * 16);
                lin[0] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.HIDDEN}, 'c');
                lin[1] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.HIDDEN}, 'c');
                lin[2] = Nd4j.create(DataType.FLOAT, new long[] {n, 2L * architecture.latents()}, 'c');
            }
        }

        @Override
        public void close() {
            x.close();
            for (INDArray a : conv) {
                a.close();
            }
            for (INDArray a : lin) {
                a.close();
            }
        }
    }
}
