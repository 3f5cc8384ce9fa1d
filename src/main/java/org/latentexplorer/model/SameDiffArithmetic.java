package org.latentexplorer.model;

import org.latentexplorer.divergence.Arithmetic;
import org.latentexplorer.divergence.KernelArithmetic;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Arithmetic} (and MMD's {@link KernelArithmetic}) as float SameDiff ops, so the divergence closed forms
 * and MMD become differentiable graph nodes. Constants are scalar constants that broadcast against arrays.
 */
final class SameDiffArithmetic implements KernelArithmetic<SDVariable> {
    private final SameDiff sd;

    SameDiffArithmetic(SameDiff sd) {
        this.sd = sd;
    }

    @Override
    public SDVariable constant(double value) {
        return sd.constant(Nd4j.scalar(DataType.FLOAT, (float) value));
    }

    @Override
    public SDVariable add(SDVariable a, SDVariable b) {
        return a.add(b);
    }

    @Override
    public SDVariable sub(SDVariable a, SDVariable b) {
        return a.sub(b);
    }

    @Override
    public SDVariable mul(SDVariable a, SDVariable b) {
        return a.mul(b);
    }

    @Override
    public SDVariable div(SDVariable a, SDVariable b) {
        return a.div(b);
    }

    @Override
    public SDVariable exp(SDVariable a) {
        return sd.math().exp(a);
    }

    @Override
    public SDVariable log(SDVariable a) {
        return sd.math().log(a);
    }

    @Override
    public SDVariable scale(SDVariable a, double factor) {
        return a.mul(factor);
    }

    @Override
    public SDVariable plus(SDVariable a, double b) {
        return a.add(b);
    }

    @Override
    public SDVariable square(SDVariable a) {
        return sd.math().square(a);
    }

    /** ‖a_i − b_j‖² via ‖a‖² + ‖b‖² − 2a·b (one matrix product). */
    @Override
    public SDVariable squaredDistances(SDVariable a, SDVariable b) {
        SDVariable aa = sd.math().square(a).sum(true, 1);
        SDVariable bb = sd.math().square(b).sum(true, 1);
        SDVariable cross = sd.mmul(a, b, false, true, false);
        return aa.add(sd.transpose(bb)).sub(cross.mul(2.0));
    }

    @Override
    public SDVariable mean(SDVariable a) {
        return a.mean();
    }
}
