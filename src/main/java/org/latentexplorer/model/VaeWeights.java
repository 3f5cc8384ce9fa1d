package org.latentexplorer.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An immutable snapshot of every parameter of an {@link Architecture}, as float arrays in the
 * architecture's order. Graphs are built from snapshots and never share arrays with them, so a
 * snapshot can be handed between threads (training → decoding) safely.
 */
public final class VaeWeights {
    private final Architecture architecture;
    private final Map<String, float[]> values;

    private VaeWeights(Architecture architecture, Map<String, float[]> values) {
        this.architecture = architecture;
        this.values = values;
    }

    /**
     * Creates a snapshot, copying the arrays and checking that every parameter is present with the
     * right number of values.
     *
     * @throws IllegalArgumentException naming a missing or mis-sized parameter
     */
    public static VaeWeights of(Architecture architecture, Map<String, float[]> values) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Architecture.Parameter p : architecture.parameters()) {
            float[] v = values.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException("parameter " + p.name() + " is missing");
            }
            if (v.length != p.length()) {
                throw new IllegalArgumentException("parameter " + p.name() + " has " + v.length + " values, expected " + p.length());
            }
            copy.put(p.name(), v.clone());
        }
        if (values.size() != copy.size()) {
            for (String name : values.keySet()) {
                if (!copy.containsKey(name)) {
                    throw new IllegalArgumentException("unexpected parameter " + name + " for " + architecture);
                }
            }
        }
        return new VaeWeights(architecture, Collections.unmodifiableMap(copy));
    }

    /**
     * PyTorch's initialisation as the paper's code applies it (§3): weights from
     * kaiming_uniform(relu, fan_in) = U(−√(6/fan_in), √(6/fan_in)), biases from
     * U(−1/√fan_in, 1/√fan_in), drawn in parameter order from a generator seeded with {@code seed}.
     */
    public static VaeWeights initialise(Architecture architecture, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Architecture.Parameter p : architecture.parameters()) {
            double bound = p.bias() ? 1.0 / Math.sqrt(p.fanIn()) : Math.sqrt(6.0 / p.fanIn());
            float[] v = new float[(int) p.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((2.0 * random.nextDouble() - 1.0) * bound);
            }
            values.put(p.name(), v);
        }
        return new VaeWeights(architecture, Collections.unmodifiableMap(values));
    }

    public Architecture architecture() {
        return architecture;
    }

    /** A copy of one parameter's values. */
    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return v.clone();
    }

    /** Read-only view for serialisation and graph building; callers must not modify the arrays. */
    Map<String, float[]> view() {
        return values;
    }
}
