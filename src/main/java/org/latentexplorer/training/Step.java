package org.latentexplorer.training;

import java.util.random.RandomGenerator;
import org.latentexplorer.model.AdamState;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeWeights;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One optimiser step of docs/method.md §2 on a mini-batch, with the weights and Adam's state it owns:
 * either {@link NativeStep} (libnd4j ops into preallocated arrays, the default on the CPU backend) or
 * {@link TrainingStep} (the SameDiff graph, its oracle). Used from one thread.
 */
interface Step extends AutoCloseable {
    /** The system property that selects the engine: {@code native} or {@code samediff}. */
    String ENGINE_PROPERTY = "latentexplorer.trainingStep";

    /**
     * Runs one step on {@code n} images ({@code n×C×H×W} in [0,1]), drawing ε (then MMD's prior samples)
     * from {@code noise}; {@code check} sees the loss components and gradients before the update.
     */
    TrainingStep.Result run(float[] pixels, int n, RandomGenerator noise, TrainingStep.Check check);

    /** What is wrong with the weights after the last update, or null. */
    String firstInvalidState();

    /** The loss of the current weights on {@code n} images with z = μ and fixed prior samples. */
    double lossOfCurrentWeights(float[] pixels, int n);

    VaeWeights snapshot();

    AdamState optimizerState();

    boolean hasPerDimension();

    @Override
    void close();

    /**
     * The step for this configuration: {@link NativeStep} on the CPU backend, the SameDiff
     * {@link TrainingStep} on any other backend or when {@value #ENGINE_PROPERTY} is {@code samediff}.
     */
    static Step create(VaeWeights weights, VaeGraph.LossSpec loss, double learningRate, AdamState resume) {
        return of(useNative(), weights, loss, learningRate, resume);
    }

    /** The native step or the SameDiff one, as asked. */
    static Step of(boolean nativeStep, VaeWeights weights, VaeGraph.LossSpec loss, double learningRate, AdamState resume) {
        return nativeStep ? new NativeStep(weights, loss, learningRate, resume)
                : new TrainingStep(weights, loss, learningRate, resume);
    }

    /** Whether {@link #create} gives the native step here. */
    static boolean useNative() {
        String engine = System.getProperty(ENGINE_PROPERTY, "native");
        if (engine.equals("samediff")) {
            return false;
        }
        if (!engine.equals("native")) {
            throw new org.latentexplorer.common.UserInputException(ENGINE_PROPERTY + " must be 'native' or 'samediff', got '" + engine + "'");
        }
        return Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend");
    }
}
