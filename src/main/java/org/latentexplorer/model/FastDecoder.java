package org.latentexplorer.model;

import java.util.ArrayList;
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
 * preallocated arrays: linear+relu ×3, reshape to 32×4×4, (64×64 only: convT64+relu), convT1+relu,
 * convT2+relu, convT3, sigmoid. It computes what {@link VaeGraph}'s {@link VaeGraph.Mode#DECODE} graph
 * computes from the same weights (its tests compare the two), without SameDiff's per-call session
 * work (op lookup, a fresh array per op, placeholder checks), which dominated small batches. Two
 * changes of layout, not of arithmetic, make it faster still:
 * <ul>
 *   <li>the hidden images are NHWC (oneDNN's deconvolution is faster on them here): the columns of
 *       dec.lin3's weight and bias are permuted once so that its output already is [n,4,4,32];</li>
 *   <li>the last transposed convolution (1 or 3 output channels, which oneDNN runs as slowly as 16)
 *       is one matrix product of the [n·s·s, 32] input with the [32, 16·C] kernel matrix, giving each
 *       input pixel's 4×4 contributions, then each output pixel sums its 2×2 contributions (stride 2,
 *       kernel 4, padding 1: output row 2m takes kernel rows 1 and 3 from input rows m and m−1, row
 *       2m+1 kernel rows 2 and 0 from rows m and m+1; the same for columns) and its bias, in NCHW.</li>
 * </ul>
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
            .dH(1).dW(1).isSameMode(false).dataFormat("NHWC").build();

    private final Architecture architecture;
    private final INDArray[] linW = new INDArray[3];
    private final INDArray[] linB = new INDArray[3];
    /** The hidden transposed convolutions' weights [4,4,out,in] and biases (all but the last layer). */
    private final List<INDArray> deconvW = new ArrayList<>();
    private final List<INDArray> deconvB = new ArrayList<>();
    /** The last layer's kernel as a [32, 16·C] matrix: column (ky·4+kx)·C + c. */
    private final INDArray lastKernel;
    private final float[] lastBias;
    private final BatchCache<Buffers> cache = new BatchCache<>(CACHED_SIZES, Buffers::new);
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
            for (int i = 0; i < 2; i++) {
                linW[i] = create(values, shapes, lin[i] + ".W");
                linB[i] = create(values, shapes, lin[i] + ".b");
            }
            linW[2] = Nd4j.create(toNhwcColumns(values.get("dec.lin3.W"), Architecture.HIDDEN), shapes.get("dec.lin3.W"), 'c');
            linB[2] = Nd4j.create(toNhwcColumns(values.get("dec.lin3.b"), 1), shapes.get("dec.lin3.b"), 'c');
            List<String> names = deconvNames();
            for (String name : names.subList(0, names.size() - 1)) {
                deconvW.add(create(values, shapes, name + ".W"));
                deconvB.add(create(values, shapes, name + ".b"));
            }
            String last = names.get(names.size() - 1);
            int c = architecture.channels();
            // W[ky,kx,c,ci] row-major is a [16·C, 32] matrix; its transpose is the kernel matrix
            lastKernel = Nd4j.create(values.get(last + ".W"), new long[] {16L * c, Architecture.CHANNELS}, 'c')
                    .transpose().dup('c');
            lastBias = values.get(last + ".b").clone();
        }
    }

    /**
     * Permutes the 512 columns of a row-major [rows, 512] matrix from PyTorch's view order
     * (c·16 + y·4 + x, i.e. NCHW [32,4,4]) to NHWC order ((y·4 + x)·32 + c).
     */
    static float[] toNhwcColumns(float[] matrix, int rows) {
        int cols = Architecture.CHANNELS * 16;
        float[] out = new float[matrix.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < Architecture.CHANNELS; c++) {
                for (int p = 0; p < 16; p++) {
                    out[r * cols + p * Architecture.CHANNELS + c] = matrix[r * cols + c * 16 + p];
                }
            }
        }
        return out;
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
        Buffers b = forward(latents, n);
        // bulk copies through NIO views: DataBuffer.setData and asFloat cost several times more here
        b.image.data().asNioFloat().put(b.imageValues);
        Nd4j.exec(new Sigmoid(b.image, b.image));
        float[] result = new float[b.imageValues.length];
        b.image.data().asNioFloat().get(result);
        return result;
    }

    /**
     * The logits of n latent vectors (n×D): the last layer's output before the sigmoid (n×C×H×W), from
     * which the evaluation computes the reconstruction loss as the graph does.
     */
    float[] logits(float[] latents, int n) {
        return forward(latents, n).imageValues.clone();
    }

    /** Every layer up to the last transposed convolution's output, into the buffers' {@code imageValues}. */
    private Buffers forward(float[] latents, int n) {
        if (closed) {
            throw new IllegalStateException("decoder closed");
        }
        int d = architecture.latents();
        if (n < 1 || latents.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + "×" + d + " latent values, got " + latents.length);
        }
        Buffers b = buffers(n);
        b.z.data().asNioFloat().put(latents);
        INDArray h = b.z;
        for (int i = 0; i < 3; i++) {
            // x·W + b, then relu in place: the same ops as VaeGraph.linear and sd.nn().relu(…, 0)
            Nd4j.gemm(h, linW[i], b.lin[i], false, false, 1.0, 0.0);
            b.lin[i].addiRowVector(linB[i]);
            Nd4j.exec(new RectifiedLinear(b.lin[i], b.lin[i], 0.0));
            h = b.lin[i];
        }
        h = b.reshaped;
        for (int i = 0; i < deconvW.size(); i++) {
            INDArray out = b.deconv[i];
            Nd4j.exec(new DeConv2D(new INDArray[] {h, deconvW.get(i)}, new INDArray[] {out}, DECONV));
            Nd4j.exec(new BiasAdd(out, deconvB.get(i), out, false));
            Nd4j.exec(new RectifiedLinear(out, out, 0.0));
            h = out;
        }
        Nd4j.gemm(b.lastInput, lastKernel, b.columns, false, false, 1.0, 0.0);
        b.columns.data().asNioFloat().get(b.columnValues);
        sumContributions(b.columnValues, b.imageValues, n, b.lastInputSize);
        return b;
    }

    /**
     * The transposed convolution's output (kernel 4, stride 2, padding 1) from each input pixel's
     * 4×4·C contributions {@code columns} ([n, s, s, 4, 4, C]) plus the bias, as NCHW [n, C, 2s, 2s].
     */
    private void sumContributions(float[] columns, float[] image, int n, int s) {
        int c = architecture.channels();
        int size = 2 * s;
        int pixel = 16 * c;
        int row = s * pixel;
        for (int b = 0; b < n; b++) {
            int in = b * s * row;
            for (int ch = 0; ch < c; ch++) {
                int out = (b * c + ch) * size * size;
                float bias = lastBias[ch];
                for (int oy = 0; oy < size; oy++) {
                    int m = oy >> 1;
                    // the two (input row, kernel row) pairs that reach output row oy; −1 where off the image
                    int iy0 = m;
                    int ky0 = (oy & 1) == 0 ? 1 : 2;
                    int iy1 = (oy & 1) == 0 ? m - 1 : m + 1;
                    int ky1 = (oy & 1) == 0 ? 3 : 0;
                    boolean row1 = iy1 >= 0 && iy1 < s;
                    for (int ox = 0; ox < size; ox++) {
                        int q = ox >> 1;
                        int ix0 = q;
                        int kx0 = (ox & 1) == 0 ? 1 : 2;
                        int ix1 = (ox & 1) == 0 ? q - 1 : q + 1;
                        int kx1 = (ox & 1) == 0 ? 3 : 0;
                        boolean col1 = ix1 >= 0 && ix1 < s;
                        int r0 = in + iy0 * row;
                        float sum = columns[r0 + ix0 * pixel + (ky0 * 4 + kx0) * c + ch];
                        if (col1) {
                            sum += columns[r0 + ix1 * pixel + (ky0 * 4 + kx1) * c + ch];
                        }
                        if (row1) {
                            int r1 = in + iy1 * row;
                            sum += columns[r1 + ix0 * pixel + (ky1 * 4 + kx0) * c + ch];
                            if (col1) {
                                sum += columns[r1 + ix1 * pixel + (ky1 * 4 + kx1) * c + ch];
                            }
                        }
                        image[out + oy * size + ox] = sum + bias;
                    }
                }
            }
        }
    }

    private Buffers buffers(int n) {
        return cache.get(n);
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
        for (int i = 0; i < 3; i++) {
            linW[i].close();
            linB[i].close();
        }
        deconvW.forEach(INDArray::close);
        deconvB.forEach(INDArray::close);
        lastKernel.close();
    }

    /** The arrays of one batch size: the input, each layer's output (NHWC), the last layer's products and the image. */
    private final class Buffers implements AutoCloseable {
        final INDArray z;
        final INDArray[] lin = new INDArray[3];
        final INDArray reshaped;
        final INDArray[] deconv;
        /** The last hidden image as [n·s·s, 32] (a view of the last hidden layer's output, or of lin3's). */
        final INDArray lastInput;
        final int lastInputSize;
        final INDArray columns;
        final float[] columnValues;
        final float[] imageValues;
        final INDArray image;

        Buffers(int n) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                z = Nd4j.create(DataType.FLOAT, new long[] {n, architecture.latents()}, 'c');
                lin[0] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.HIDDEN}, 'c');
                lin[1] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.HIDDEN}, 'c');
                lin[2] = Nd4j.create(DataType.FLOAT, new long[] {n, Architecture.CHANNELS * 16}, 'c');
                reshaped = lin[2].reshape('c', n, 4, 4, Architecture.CHANNELS);
                deconv = new INDArray[deconvW.size()];
                int size = 4;
                INDArray last = reshaped;
                for (int i = 0; i < deconv.length; i++) {
                    size *= 2;
                    deconv[i] = Nd4j.create(DataType.FLOAT, new long[] {n, size, size, Architecture.CHANNELS}, 'c');
                    last = deconv[i];
                }
                lastInputSize = size;
                lastInput = last.reshape('c', (long) n * size * size, Architecture.CHANNELS);
                int c = architecture.channels();
                columns = Nd4j.create(DataType.FLOAT, new long[] {(long) n * size * size, 16L * c}, 'c');
                columnValues = new float[n * size * size * 16 * c];
                image = Nd4j.create(DataType.FLOAT, new long[] {n, c, 2L * size, 2L * size}, 'c');
                imageValues = new float[n * c * 4 * size * size];
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
            columns.close();
            image.close();
        }
    }
}
