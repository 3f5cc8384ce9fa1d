package org.latentexplorer.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.model.AdamState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam} (β1 0.9, β2 0.999, ε 1e-8, no weight decay):
 * {@code p −= lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)}. Applied in place to parameter arrays.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double learningRate;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long step;

    Adam(double learningRate, Map<String, INDArray> parameters, AdamState resume) {
        this.learningRate = learningRate;
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            long[] shape = e.getValue().shape();
            if (resume != null) {
                m.put(e.getKey(), Nd4j.create(resume.m().get(e.getKey()), shape, 'c'));
                v.put(e.getKey(), Nd4j.create(resume.v().get(e.getKey()), shape, 'c'));
            } else {
                m.put(e.getKey(), Nd4j.zeros(DataType.FLOAT, shape));
                v.put(e.getKey(), Nd4j.zeros(DataType.FLOAT, shape));
            }
        }
        this.step = resume == null ? 0 : resume.step();
    }

    /**
     * One update of every parameter from its gradient. The gradient arrays are consumed: each is
     * overwritten with its update. Runs libnd4j's fused {@code adam_updater} op (one native call per
     * parameter for m, v and the update) with ε scaled so that its formula
     * {@code lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε')} equals PyTorch's:
     * {@code ε' = ε·√(1−β2^t)}.
     */
    void update(Map<String, INDArray> parameters, Map<String, INDArray> gradients, List<String> names) {
        step++;
        double scaledEpsilon = EPSILON * Math.sqrt(1.0 - Math.pow(BETA2, step));
        int iteration = (int) Math.min(Integer.MAX_VALUE, step - 1);
        for (String name : names) {
            INDArray g = gradients.get(name);
            Nd4j.exec(new AdamUpdater(g, v.get(name), m.get(name), learningRate, BETA1, BETA2, scaledEpsilon, iteration));
            parameters.get(name).subi(g);
        }
    }

    long step() {
        return step;
    }

    /** A copy of the state, for checkpoints. */
    AdamState state() {
        Map<String, float[]> ms = new LinkedHashMap<>();
        Map<String, float[]> vs = new LinkedHashMap<>();
        m.forEach((k, a) -> ms.put(k, a.dup('c').data().asFloat()));
        v.forEach((k, a) -> vs.put(k, a.dup('c').data().asFloat()));
        return new AdamState(step, ms, vs);
    }
}
