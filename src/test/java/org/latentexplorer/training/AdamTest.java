package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.AdamState;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {
    @Test
    void firstStepMovesEachParameterByTheLearningRateAgainstItsGradient() {
        INDArray p = Nd4j.create(new float[] {1f, -2f, 0.5f, 3f});
        INDArray g = Nd4j.create(new float[] {0.3f, -4f, 1e-3f, -0.02f});
        Map<String, INDArray> params = new LinkedHashMap<>(Map.of("p", p));
        Adam adam = new Adam(0.01, params, null);
        adam.update(params, Map.of("p", g), List.of("p"));
        // m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε)
        float[] expected = {1f - 0.01f, -2f + 0.01f, 0.5f - 0.01f * (1e-3f / (1e-3f + 1e-8f)), 3f + 0.01f};
        assertArrayEquals(expected, p.toFloatVector(), 1e-6f);
    }

    @Test
    void followsPyTorchsFormulaOverSeveralStepsAndResumesExactly() {
        double lr = 1e-3;
        double[] p = {0.5, -1.0};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] grads = {{0.1, -0.2}, {0.3, 0.05}, {-0.4, 0.1}, {0.2, 0.2}};
        INDArray nd = Nd4j.create(new float[] {0.5f, -1f});
        Map<String, INDArray> params = new LinkedHashMap<>(Map.of("p", nd));
        Adam adam = new Adam(lr, params, null);
        for (int t = 1; t <= grads.length; t++) {
            double[] g = grads[t - 1];
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mhat = m[i] / (1 - Math.pow(0.9, t));
                double vhat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= lr * mhat / (Math.sqrt(vhat) + 1e-8);
            }
            if (t == 3) {
                // a checkpoint after two steps resumes to the same trajectory
                AdamState state = adam.state();
                assertEquals(2, state.step());
                adam = new Adam(lr, params, state);
            }
            adam.update(params, Map.of("p", Nd4j.create(new float[] {(float) g[0], (float) g[1]})), List.of("p"));
            assertEquals(p[0], nd.getDouble(0), 1e-6, "step " + t);
            assertEquals(p[1], nd.getDouble(1), 1e-6, "step " + t);
        }
    }

    @Test
    void epsilonSitsWhereTorchPutsIt() {
        // with |g| near ε the placement of ε matters: PyTorch adds it to √v̂, not to √v
        double lr = 0.1;
        double[] g = {1e-8, -3e-8, 2e-7};
        INDArray p = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3);
        Map<String, INDArray> params = new LinkedHashMap<>(Map.of("p", p));
        Adam adam = new Adam(lr, params, null);
        double[] expected = new double[3];
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 3; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                expected[i] -= lr * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
            }
            adam.update(params, Map.of("p", Nd4j.create(new float[] {(float) g[0], (float) g[1], (float) g[2]})), List.of("p"));
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], p.getDouble(i), 1e-5 * Math.abs(expected[i]), "step " + t + " element " + i);
            }
        }
    }
}
