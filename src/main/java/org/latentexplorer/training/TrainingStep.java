package org.latentexplorer.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.Mmd;
import org.latentexplorer.model.AdamState;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeWeights;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One optimiser step of docs/method.md §2 on a mini-batch: feed images, ε (and MMD's prior samples) drawn
 * from the given generator, compute the loss components and gradients with SameDiff, check them,
 * apply Adam. Owns its graph; used from one thread.
 */
final class TrainingStep implements Step {
    /** The loss components of one step; kl1/kl2 NaN outside the JS family, perDimension empty for MMD. */
    record Result(double loss, double recLoss, double divergence, double kl1, double kl2, double[] perDimension) {
    }

    private final VaeGraph graph;
    private final Adam adam;
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final List<String> outputs;
    private final int latents;
    private final int size;
    private final boolean mmd;
    private final boolean skew;
    /** The placeholders' arrays, refilled in place each step; reallocated only when the batch size changes. */
    private INDArray images;
    private INDArray epsilon;
    private INDArray prior;
    private int batch = -1;
    private float[] noiseBuffer = new float[0];
    private final Map<String, INDArray> feed = new LinkedHashMap<>();
    /** The gradient session's arrays, reused from step to step. */
    private final StepMemory memory = new StepMemory();

    TrainingStep(VaeWeights weights, VaeGraph.LossSpec loss, double learningRate, AdamState resume) {
        this.graph = VaeGraph.build(weights, VaeGraph.Mode.TRAIN, loss);
        for (String name : graph.parameterNames()) {
            params.put(name, graph.sameDiff().getVariable(name).getArr());
        }
        this.adam = new Adam(learningRate, params, resume);
        Architecture arch = weights.architecture();
        this.latents = arch.latents();
        this.size = arch.imageSize();
        this.mmd = loss.divergence().kind() == DivergenceKind.MMD;
        this.skew = loss.divergence().kind().isSkewJs();
        this.outputs = new ArrayList<>(graph.scalarOutputs());
        if (graph.hasPerDimension()) {
            outputs.add(VaeGraph.DIV_PER_DIM);
        }
    }

    /**
     * Runs one step on {@code n} images ({@code n×H×W} in [0,1]).
     *
     * @param check called with the loss components and gradients before the update; it throws to
     *              refuse the update (e.g. on NaN)
     */
    @Override
    public Result run(float[] pixels, int n, RandomGenerator noise, Check check) {
        fill(pixels, n, noise);
        useStepMemory();
        OutAndGrad og = graph.sameDiff().calculateGradientsAndOutputs(feed, outputs, graph.parameterNames());
        Map<String, INDArray> o = og.getOutputs();
        double[] perDim = new double[graph.hasPerDimension() ? latents : 0];
        if (perDim.length > 0) {
            INDArray pd = o.get(VaeGraph.DIV_PER_DIM);
            for (int k = 0; k < latents; k++) {
                perDim[k] = pd.getDouble(k);
            }
        }
        Result r = new Result(o.get(VaeGraph.LOSS).getDouble(0), o.get(VaeGraph.REC_LOSS).getDouble(0),
                o.get(VaeGraph.DIV).getDouble(0), skew ? o.get(VaeGraph.KL1).getDouble(0) : Double.NaN,
                skew ? o.get(VaeGraph.KL2).getDouble(0) : Double.NaN, perDim);
        try {
            check.accept(r, og.getGradients());
            adam.update(params, og.getGradients(), graph.parameterNames());
        } finally {
            // outputs and gradients have been read: their arrays serve the next step
            memory.endStep();
        }
        return r;
    }

    /**
     * What is wrong with the weights after the last update, or null: the first weight array that
     * holds NaN or ±∞. Cheap: one sum per array, an exact element scan only when a sum is not
     * finite. (Adam's moments need no scan per step: m is a convex combination of finite gradients,
     * and v stays finite while every gradient's norm is below {@link #MAX_GRADIENT_NORM}, which the
     * trainer checks before each update; both are checked again before every save.)
     */
    @Override
    public String firstInvalidState() {
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            if (!allFinite(p.getValue())) {
                return "the weights of " + p.getKey() + " are not finite";
            }
        }
        return null;
    }

    /** √(Float.MAX_VALUE): a gradient element above it would make Adam's second moment (g²) overflow to ∞. */
    static final double MAX_GRADIENT_NORM = Math.sqrt(Float.MAX_VALUE);

    /**
     * The loss of the current weights on {@code n} images, forward only, with z = μ (ε = 0) and
     * fixed prior samples: a check that the weights about to be saved still give a finite loss.
     */
    @Override
    public double lossOfCurrentWeights(float[] pixels, int n) {
        Map<String, INDArray> forward = new LinkedHashMap<>();
        forward.put(VaeGraph.X, Nd4j.create(pixels, new long[] {n, 1, size, size}, 'c'));
        forward.put(VaeGraph.EPS, Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, latents));
        if (mmd) {
            int m = Mmd.PRIOR_SAMPLES * 2 * latents;
            // gaussian() fills a reused buffer that may be longer than m
            forward.put(VaeGraph.PRIOR, Nd4j.create(java.util.Arrays.copyOf(gaussian(new java.util.SplittableRandom(0), m), m),
                    new long[] {Mmd.PRIOR_SAMPLES, 2L * latents}, 'c'));
        }
        return graph.sameDiff().output(forward, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
    }

    /** Whether every element is finite: a sum is finite unless an element is NaN/±∞ (or the sum overflows, then scan). */
    static boolean allFinite(INDArray a) {
        if (Double.isFinite(a.sumNumber().doubleValue())) {
            return true;
        }
        for (float f : a.dup('c').data().asFloat()) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    /** Makes this thread's gradient session take its arrays from {@link #memory}. */
    private void useStepMemory() {
        SameDiff gradients = graph.sameDiff().getFunction("grad");
        if (gradients == null) {
            return;
        }
        InferenceSession session = gradients.getSessions().computeIfAbsent(Thread.currentThread().getId(),
                id -> SameDiff.getInferenceFactory().create(gradients));
        if (session.getMmgr() != memory) {
            session.setMmgr(memory);
        }
    }

    /** Fills the placeholders in place (same draws as before: ε, then MMD's prior samples). */
    private void fill(float[] pixels, int n, RandomGenerator noise) {
        if (n != batch) {
            closeIfOpen(images);
            closeIfOpen(epsilon);
            images = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, 1, size, size);
            epsilon = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, latents);
            batch = n;
            feed.put(VaeGraph.X, images);
            feed.put(VaeGraph.EPS, epsilon);
        }
        if (pixels.length < n * size * size) {
            throw new IllegalArgumentException("expected " + n + " images of " + size + "×" + size + ", got " + pixels.length + " values");
        }
        images.data().asNio().asFloatBuffer().put(pixels, 0, n * size * size);
        epsilon.data().asNio().asFloatBuffer().put(gaussian(noise, n * latents), 0, n * latents);
        if (mmd) {
            if (prior == null) {
                prior = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, Mmd.PRIOR_SAMPLES, 2L * latents);
                feed.put(VaeGraph.PRIOR, prior);
            }
            int m = Mmd.PRIOR_SAMPLES * 2 * latents;
            prior.data().asNio().asFloatBuffer().put(gaussian(noise, m), 0, m);
        }
    }

    private static void closeIfOpen(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }

    /** Frees the placeholders' and the step's arrays now (the graph's variables stay with the graph). */
    @Override
    public void close() {
        memory.close();
        closeIfOpen(images);
        closeIfOpen(epsilon);
        closeIfOpen(prior);
        images = null;
        epsilon = null;
        prior = null;
        batch = -1;
        feed.clear();
    }

    /** Inspects a step's results before the update. */
    @FunctionalInterface
    interface Check {
        void accept(Result result, Map<String, INDArray> gradients);
    }

    /** Arrays the step's memory has created rather than reused, since construction (for tests and profiling). */
    long freshArrays() {
        return memory.freshAllocations();
    }

    @Override
    public VaeWeights snapshot() {
        return graph.snapshot();
    }

    @Override
    public AdamState optimizerState() {
        return adam.state();
    }

    @Override
    public boolean hasPerDimension() {
        return graph.hasPerDimension();
    }

    /** n standard normal draws into a reused buffer. */
    private float[] gaussian(RandomGenerator random, int n) {
        if (noiseBuffer.length < n) {
            noiseBuffer = new float[n];
        }
        for (int i = 0; i < n; i++) {
            noiseBuffer[i] = (float) random.nextGaussian();
        }
        return noiseBuffer;
    }
}
