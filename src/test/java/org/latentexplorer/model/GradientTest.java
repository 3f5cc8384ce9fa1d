package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.ClosedForms;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** SameDiff's gradients against central finite differences. */
class GradientTest {
    private static final double[] MU = {0.0, 0.5, -1.3, 2.0, 0.05};
    private static final double[] LOGVAR = {0.0, Math.log(0.64), Math.log(0.01), Math.log(4.0), Math.log(25.0)};

    @Test
    void divergenceGradientsMatchFiniteDifferencesOfTheDoubleForm() {
        for (DivergenceKind kind : DivergenceKind.values()) {
            if (!kind.isPerDimension()) {
                continue;
            }
            for (double alpha : new double[] {0.0, 0.1, 0.5, 0.9, 1.0}) {
                DivergenceSpec spec = new DivergenceSpec(kind, alpha, 2.0);
                SameDiff sd = SameDiff.create();
                SDVariable mu = sd.var("mu", Nd4j.create(toFloat(MU)));
                SDVariable lv = sd.var("lv", Nd4j.create(toFloat(LOGVAR)));
                SDVariable loss = ClosedForms.perDimension(new SameDiffArithmetic(sd), spec, mu, lv).value().sum();
                sd.setLossVariables(loss);
                Map<String, INDArray> g = sd.calculateGradients(Map.of(), "mu", "lv");
                for (int i = 0; i < MU.length; i++) {
                    double h = 1e-6;
                    int k = i;
                    double dMu = (value(spec, MU[k] + h, LOGVAR[k]) - value(spec, MU[k] - h, LOGVAR[k])) / (2 * h);
                    double dLv = (value(spec, MU[k], LOGVAR[k] + h) - value(spec, MU[k], LOGVAR[k] - h)) / (2 * h);
                    String what = spec.describe() + " dim " + i;
                    assertEquals(dMu, g.get("mu").getDouble(i), 2e-4 * Math.abs(dMu) + 2e-4, "d/dmu " + what);
                    assertEquals(dLv, g.get("lv").getDouble(i), 2e-4 * Math.abs(dLv) + 2e-4, "d/dlogvar " + what);
                }
            }
        }
    }

    private static double value(DivergenceSpec spec, double mu, double logvar) {
        return Divergences.terms(spec, mu, logvar).value();
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /**
     * Directional derivatives along a random direction for the output layer, through which every
     * loss term's gradient flows; deeper layers sit behind ReLU kinks that make float32 central
     * differences unreliable (the divergence's own gradients are checked in double above).
     */
    @Test
    void networkGradientsMatchFiniteDifferences() {
        Architecture arch = new Architecture(32, 4);
        VaeWeights w = VaeWeights.initialise(arch, 21);
        int n = 3;
        INDArray x = Nd4j.create(VaeGraphTest.images(n, 32, 5), new long[] {n, 1, 32, 32}, 'c');
        INDArray eps = Nd4j.create(new float[] {0.3f, -1f, 0.5f, 2f, -0.2f, 0.1f, 1.1f, -0.7f, 0f, 0.9f, -1.5f, 0.4f}, new long[] {n, 4}, 'c');
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        float[] prior = new float[200 * 8];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = (float) random.nextGaussian();
        }
        for (DivergenceKind kind : List.of(DivergenceKind.JSG_DUAL, DivergenceKind.KL_PQ, DivergenceKind.MMD)) {
            for (Reconstruction recon : Reconstruction.values()) {
                VaeGraph g = VaeGraph.build(w, VaeGraph.Mode.TRAIN,
                        new VaeGraph.LossSpec(DivergenceSpec.of(kind, 0.3), kind.defaultLambda(), recon));
                Map<String, INDArray> feed = new java.util.HashMap<>(Map.of(VaeGraph.X, x, VaeGraph.EPS, eps));
                if (kind == DivergenceKind.MMD) {
                    feed.put(VaeGraph.PRIOR, Nd4j.create(prior, new long[] {200, 8}, 'c'));
                }
                Map<String, INDArray> grads = g.sameDiff().calculateGradients(feed, g.parameterNames());
                for (String name : List.of("dec.convT3.W", "dec.convT3.b")) {
                    INDArray p = g.sameDiff().getVariable(name).getArr();
                    INDArray original = p.dup();
                    float[] dir = new float[(int) p.length()];
                    for (int i = 0; i < dir.length; i++) {
                        dir[i] = (float) (2 * random.nextDouble() - 1);
                    }
                    INDArray v = Nd4j.create(dir, p.shape(), 'c');
                    double analytic = grads.get(name).mul(v).sumNumber().doubleValue();
                    double h = 3e-3;
                    p.assign(original.add(v.mul(h)));
                    double up = loss(g, feed);
                    p.assign(original.sub(v.mul(h)));
                    double down = loss(g, feed);
                    p.assign(original);
                    double numeric = (up - down) / (2 * h);
                    assertEquals(numeric, analytic, 0.02 * Math.abs(numeric) + 0.05, kind + " " + recon + " " + name);
                }
            }
        }
    }

    private static double loss(VaeGraph g, Map<String, INDArray> feed) {
        return g.sameDiff().output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).castTo(DataType.DOUBLE).getDouble(0);
    }
}
