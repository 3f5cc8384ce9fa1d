package org.latentexplorer.sweep;

import java.math.BigDecimal;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;

/**
 * One configuration of a sweep: a divergence with its parameters, its weight λ and a seed, under a deterministic
 * name that is also its run folder's name: the divergence's command-line name, then {@code -a}α for the skew JS
 * family, {@code -b}β for β-VAE, {@code -l}λ when λ is not the divergence's default, and {@code -s}seed, numbers
 * written in their shortest decimal form ({@code jsg-dual-a0.5-s1234}, {@code beta-b0.25-s1234},
 * {@code jsg-a0.3-l2-s1234}).
 */
public record SweepRun(String name, DivergenceSpec divergence, double lambda, long seed) {
    /** The run of {@code divergence} with weight {@code lambda} and {@code seed}, named by {@link #nameOf}. */
    public static SweepRun of(DivergenceSpec divergence, double lambda, long seed) {
        return new SweepRun(nameOf(divergence, lambda, seed), divergence, lambda, seed);
    }

    /** The deterministic name of a configuration. */
    public static String nameOf(DivergenceSpec d, double lambda, long seed) {
        StringBuilder sb = new StringBuilder(d.kind().cliName());
        if (d.kind().isSkewJs()) {
            sb.append("-a").append(number(d.alpha()));
        }
        if (d.kind() == DivergenceKind.BETA) {
            sb.append("-b").append(number(d.beta()));
        }
        if (lambda != d.kind().defaultLambda()) {
            sb.append("-l").append(number(lambda));
        }
        return sb.append("-s").append(seed).toString();
    }

    /** The row label in the paper's notation, e.g. {@code JS_*^{Gα'} α=0.5}, {@code β-VAE β=4}, {@code MMD λ=500}. */
    public String label() {
        DivergenceKind k = divergence.kind();
        StringBuilder sb = new StringBuilder(switch (k) {
            case JSG_DUAL -> "JS_*^{Gα'}";
            case JSG_NIELSEN_DUAL -> "JS_*^{Gα} (Nielsen)";
            default -> k.label();
        });
        if (k.isSkewJs()) {
            sb.append(" α=").append(number(divergence.alpha()));
        }
        if (k == DivergenceKind.BETA) {
            sb.append(" β=").append(number(divergence.beta()));
        }
        if (k == DivergenceKind.MMD || lambda != k.defaultLambda()) {
            sb.append(" λ=").append(number(lambda));
        }
        return sb.toString();
    }

    /** A number in its shortest decimal form: 0.1, 0.25, 4, 500. */
    public static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
