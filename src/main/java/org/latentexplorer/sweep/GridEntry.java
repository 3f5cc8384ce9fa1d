package org.latentexplorer.sweep;

import java.util.List;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;

/**
 * One line of a sweep's grid: a divergence with lists of its parameters. It expands to the cross product of its
 * α list (skew JS divergences only), β list (β-VAE only) and λ list. An empty list means the single default value
 * (α 0.5, β 4, λ the divergence's default); a list may not be given empty.
 *
 * @param divergence the divergence
 * @param alphas     skew α values, each in [0, 1]; empty for divergences without a skew
 * @param betas      β values of β-VAE; empty for the others
 * @param lambdas    weights λ of the divergence; empty for the divergence's default
 */
public record GridEntry(DivergenceKind divergence, List<Double> alphas, List<Double> betas, List<Double> lambdas) {
    public GridEntry {
        if (divergence == null) {
            throw new UserInputException("a sweep's grid entry needs a divergence");
        }
        alphas = List.copyOf(alphas == null ? List.of() : alphas);
        betas = List.copyOf(betas == null ? List.of() : betas);
        lambdas = List.copyOf(lambdas == null ? List.of() : lambdas);
        if (!alphas.isEmpty() && !divergence.isSkewJs()) {
            throw new UserInputException("unknown parameter 'alpha' for " + divergence.cliName()
                    + ": only the skew JS divergences (jsg, jsg-dual, jsg-nielsen, jsg-nielsen-dual) take alpha");
        }
        if (!betas.isEmpty() && divergence != DivergenceKind.BETA) {
            throw new UserInputException("unknown parameter 'beta' for " + divergence.cliName() + ": only beta takes beta");
        }
        for (double a : alphas) {
            if (!(a >= 0 && a <= 1)) {
                throw new UserInputException("alpha must be in [0, 1], got " + a + " (" + divergence.cliName() + ")");
            }
        }
        for (double b : betas) {
            if (!(b > 0) || Double.isInfinite(b)) {
                throw new UserInputException("beta must be a finite number > 0, got " + b);
            }
        }
        for (double l : lambdas) {
            if (!(l >= 0) || Double.isInfinite(l)) {
                throw new UserInputException("lambda must be a finite number >= 0, got " + l + " (" + divergence.cliName() + ")");
            }
        }
    }

    /** A divergence at its default parameters. */
    public static GridEntry of(DivergenceKind kind) {
        return new GridEntry(kind, List.of(), List.of(), List.of());
    }
}
