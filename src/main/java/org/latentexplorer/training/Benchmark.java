package org.latentexplorer.training;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.latentexplorer.common.ProcessMemory;
import org.latentexplorer.data.DSprites;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;

/**
 * Measures steady-state training throughput (full steps: forward, backward, Adam) on fixed
 * synthetic batches, so that data generation is excluded, and the time to decode a batch of
 * latent vectors. Warm-up steps are not timed.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /** Training throughput of one configuration. */
    public record TrainingFigure(int imageSize, int batchSize, int latents, String divergence, String engine, int steps,
                                 double imagesPerSecond, double msPerStep, double faultsPerStep, long peakRssBytes,
                                 double cpuMsPerStep) {
    }

    /** The CPU time of the whole process so far in nanoseconds (all threads), or −1 where it cannot be read. */
    static long processCpuNanos() {
        return ProcessMemory.cpuTimeNanos().orElse(-1);
    }

    /** Decoding time for a batch of latent vectors: the median over repetitions. */
    public record DecodeFigure(int imageSize, int vectors, double medianMs, double minMs, double faultsPerCall) {
    }

    public static TrainingFigure training(int imageSize, int batchSize, int latents, DivergenceSpec divergence,
                                          int warmup, int steps) {
        return training(imageSize, batchSize, latents, divergence, warmup, steps, Step.useNative());
    }

    /** As {@link #training(int, int, int, DivergenceSpec, int, int)} with the native step or the SameDiff one. */
    public static TrainingFigure training(int imageSize, int batchSize, int latents, DivergenceSpec divergence,
                                          int warmup, int steps, boolean nativeStep) {
        Architecture arch = new Architecture(imageSize, latents);
        Step step = Step.of(nativeStep, VaeWeights.initialise(arch, 1), new VaeGraph.LossSpec(divergence,
                divergence.kind().defaultLambda(), Reconstruction.MSE), 1e-4, null);
        SplittableRandom random = new SplittableRandom(7);
        float[] pixels = images(imageSize, batchSize);
        TrainingStep.Check none = (r, g) -> { };
        for (int i = 0; i < warmup; i++) {
            step.run(pixels, batchSize, random, none);
        }
        long faults = ProcessMemory.minorFaults().orElse(-1);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run(pixels, batchSize, random, none);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMsPerStep = cpu < 0 ? Double.NaN : (processCpuNanos() - cpu) / 1e6 / steps;
        double faultsPerStep = faults < 0 ? Double.NaN : (ProcessMemory.minorFaults().orElse(faults) - faults) / (double) steps;
        step.close();
        String engine = step instanceof NativeStep ? "native step" : "SameDiff step";
        return new TrainingFigure(imageSize, batchSize, latents, divergence.describe(), engine, steps,
                (double) steps * batchSize / seconds, 1000 * seconds / steps, faultsPerStep, ProcessMemory.peakResidentBytes().orElse(-1),
                cpuMsPerStep);
    }

    public static DecodeFigure decode(int imageSize, int latents, int vectors, int repetitions) {
        VaeModel model = model(imageSize, latents);
        SplittableRandom random = new SplittableRandom(3);
        float[] z = new float[vectors * latents];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        Timing t = time(() -> model.decode(z, vectors), 10, repetitions);
        return new DecodeFigure(imageSize, vectors, t.medianMs(), t.minMs(), t.faultsPerCall());
    }

    /** A grey model of the given size with freshly initialised weights, as {@code bench} decodes with. */
    public static VaeModel model(int imageSize, int latents) {
        Architecture arch = new Architecture(imageSize, latents);
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, "bench", "bench", "",
                arch, DivergenceSpec.of(DivergenceKind.KL_QP), 1, Reconstruction.MSE,
                new Provenance("none", 0, 1, 1, 1e-4, 1), 0, 0, List.of());
        return new VaeModel(manifest, VaeWeights.initialise(arch, 1));
    }

    /** The median and minimum wall time of a task and its minor page faults per call. */
    public record Timing(double medianMs, double minMs, double faultsPerCall) {
    }

    /** Times {@code task} {@code repetitions} times after {@code warmup} untimed calls. */
    public static Timing time(Runnable task, int warmup, int repetitions) {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] times = new double[repetitions];
        long faults = ProcessMemory.minorFaults().orElse(-1);
        for (int r = 0; r < repetitions; r++) {
            long t = System.nanoTime();
            task.run();
            times[r] = (System.nanoTime() - t) / 1e6;
        }
        double faultsPerCall = faults < 0 ? Double.NaN : (ProcessMemory.minorFaults().orElse(faults) - faults) / (double) repetitions;
        java.util.Arrays.sort(times);
        return new Timing(times[times.length / 2], times[0], faultsPerCall);
    }

    /**
     * A batch of real images: procedural dSprites spread over the whole set (64×64), or the same
     * images 2×2 average-pooled (32×32, sparse strokes like MNIST). Throughput depends on the data:
     * on random pixels the same steps run markedly slower than on dSprites here.
     */
    static float[] images(int imageSize, int n) {
        DSprites dsprites = new DSprites();
        float[] full = new float[n * DSprites.SIZE * DSprites.SIZE];
        for (int i = 0; i < n; i++) {
            dsprites.read((int) ((long) i * DSprites.COUNT / n), full, i * DSprites.SIZE * DSprites.SIZE);
        }
        if (imageSize == DSprites.SIZE) {
            return full;
        }
        int f = DSprites.SIZE / imageSize;
        if (f * imageSize != DSprites.SIZE) {
            throw new IllegalArgumentException("benchmark images are 64x64 or 32x32, not " + imageSize);
        }
        float[] out = new float[n * imageSize * imageSize];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < imageSize; y++) {
                for (int x = 0; x < imageSize; x++) {
                    float sum = 0;
                    for (int dy = 0; dy < f; dy++) {
                        for (int dx = 0; dx < f; dx++) {
                            sum += full[i * DSprites.SIZE * DSprites.SIZE + (y * f + dy) * DSprites.SIZE + x * f + dx];
                        }
                    }
                    out[(i * imageSize + y) * imageSize + x] = sum / (f * f);
                }
            }
        }
        return out;
    }

    /**
     * The standard suite printed by {@code bench}: the paper's two configurations (32×32 batch 64,
     * 64×64 batch 256), 64×64 at batch 128 (the demo models' setting), and decoding. Each training
     * figure is timed after {@code warmup} untimed steps: oneDNN and the JIT take several steps to
     * reach steady state. Each line also gives the minor page faults per timed step (fresh memory
     * the kernel had to map and zero: near zero when the step reuses its arrays) and the process's
     * peak resident set size during that configuration (where Linux lets the peak be reset; the peak
     * since start otherwise).
     */
    public static void standard(int warmup, int steps, Consumer<String> out) {
        standard(warmup, steps, out, () -> { });
    }

    /** As {@link #standard(int, int, Consumer)}, running {@code moreDecoding} (which prints its own lines) after the decode lines. */
    public static void standard(int warmup, int steps, Consumer<String> out, Runnable moreDecoding) {
        DivergenceSpec jsg = DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5);
        long runPeak = -1;
        for (int[] c : new int[][] {{32, 64}, {64, 256}, {64, 128}}) {
            ProcessMemory.resetPeak();
            TrainingFigure f = training(c[0], c[1], 10, jsg, warmup, steps);
            runPeak = Math.max(runPeak, f.peakRssBytes());
            out.accept(String.format(java.util.Locale.ROOT,
                    "train %dx%d batch %d D=%d %s, %s: %.0f images/s (%.1f ms/step, %d steps; %.0f page faults/step, peak RSS %s)",
                    f.imageSize(), f.imageSize(), f.batchSize(), f.latents(), f.divergence(), f.engine(), f.imagesPerSecond(), f.msPerStep(),
                    f.steps(), f.faultsPerStep(), megabytes(f.peakRssBytes())));
        }
        // 100 vectors first (the side-by-side script reads the first two "ms median" figures)
        for (int vectors : new int[] {100, 1}) {
            for (int size : new int[] {32, 64}) {
                DecodeFigure d = decode(size, 10, vectors, vectors == 1 ? 200 : 20);
                out.accept(String.format(java.util.Locale.ROOT, "decode %d latent vector%s -> %dx%d: %.2f ms median (%.2f ms min; %.0f page faults/call)",
                        d.vectors(), vectors == 1 ? "" : "s", d.imageSize(), d.imageSize(), d.medianMs(), d.minMs(), d.faultsPerCall()));
            }
        }
        moreDecoding.run();
        runPeak = Math.max(runPeak, ProcessMemory.peakResidentBytes().orElse(-1));
        out.accept("peak RSS of the whole run: " + megabytes(runPeak));
    }

    /**
     * The paper's two training configurations (32×32 batch 64, 64×64 batch 256) with the native step and
     * the SameDiff step alternately, {@code rounds} times, so that both see the same load; each line also
     * gives the process's CPU time per step (all threads), which a machine shared with other work
     * inflates less than the wall time.
     */
    public static void compareEngines(int warmup, int steps, int rounds, Consumer<String> out) {
        DivergenceSpec jsg = DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5);
        for (int r = 1; r <= rounds; r++) {
            for (int[] c : new int[][] {{32, 64}, {64, 256}}) {
                for (boolean nativeStep : new boolean[] {true, false}) {
                    TrainingFigure f = training(c[0], c[1], 10, jsg, warmup, steps, nativeStep);
                    out.accept(String.format(java.util.Locale.ROOT, "round %d: train %dx%d batch %d D=%d %s, %s: %.0f images/s (%.1f ms/step, %.1f CPU ms/step, %d steps; %.0f page faults/step)",
                            r, f.imageSize(), f.imageSize(), f.batchSize(), f.latents(), f.divergence(), f.engine(), f.imagesPerSecond(),
                            f.msPerStep(), f.cpuMsPerStep(), f.steps(), f.faultsPerStep()));
                }
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : ProcessMemory.megabytes(java.util.OptionalLong.of(bytes));
    }
}
