package org.latentexplorer.sweep;

import java.util.List;
import java.util.Locale;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;

/**
 * The built-in sweeps of docs/method.md §9.1, each with the paper's settings for the data set it is given:
 * <ul>
 *   <li>{@code table2}: the 23 rows of Table 2 — KL(q‖p), KL(p‖q), β-VAE with β = 4 and 0.25, MMD with λ = 500, and
 *       JS^{Gα'} and JS_*^{Gα'} at α = 0.1, …, 0.9;</li>
 *   <li>{@code alpha-grid} (Figs 10–11): JS^{Gα'}, JS_*^{Gα'} and Nielsen's JS^{Gα}, JS_*^{Gα} at α = 0.1, …, 0.9;</li>
 *   <li>{@code lambda-grid} (Fig 12): JS^{Gα'} and JS_*^{Gα'} at λ = 1 over all nine α, and at λ = 2, 3, 4 over
 *       α = 0.1, 0.3, 0.5, 0.7, 0.9;</li>
 *   <li>{@code beta-grid} (Fig 13): β-VAE at β = 0.25, 0.5, 0.75, 1, 2, 3, 4.</li>
 * </ul>
 */
public final class Presets {
    /** The preset names. */
    public static final List<String> NAMES = List.of("table2", "alpha-grid", "lambda-grid", "beta-grid");
    /** α = 0.1, 0.2, …, 0.9 (the paper's grid). */
    public static final List<Double> NINE_ALPHAS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
    /** The α values of Fig 12's λ = 2, 3, 4 runs. */
    public static final List<Double> FIVE_ALPHAS = List.of(0.1, 0.3, 0.5, 0.7, 0.9);
    /** The β values of Fig 13. */
    public static final List<Double> BETAS = List.of(0.25, 0.5, 0.75, 1.0, 2.0, 3.0, 4.0);

    private Presets() {
    }

    /** Whether {@code name} is a preset. */
    public static boolean isPreset(String name) {
        return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The preset {@code name} on {@code dataset} with the paper's settings for it.
     *
     * @throws UserInputException for an unknown name, listing the presets
     */
    public static SweepSpec of(String name, String dataset) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        List<GridEntry> grid = switch (n) {
            case "table2" -> List.of(
                    GridEntry.of(DivergenceKind.KL_QP),
                    GridEntry.of(DivergenceKind.KL_PQ),
                    new GridEntry(DivergenceKind.BETA, List.of(), List.of(4.0, 0.25), List.of()),
                    new GridEntry(DivergenceKind.MMD, List.of(), List.of(), List.of(500.0)),
                    skew(DivergenceKind.JSG, NINE_ALPHAS, List.of()),
                    skew(DivergenceKind.JSG_DUAL, NINE_ALPHAS, List.of()));
            case "alpha-grid" -> List.of(
                    skew(DivergenceKind.JSG, NINE_ALPHAS, List.of()),
                    skew(DivergenceKind.JSG_DUAL, NINE_ALPHAS, List.of()),
                    skew(DivergenceKind.JSG_NIELSEN, NINE_ALPHAS, List.of()),
                    skew(DivergenceKind.JSG_NIELSEN_DUAL, NINE_ALPHAS, List.of()));
            case "lambda-grid" -> List.of(
                    skew(DivergenceKind.JSG, NINE_ALPHAS, List.of(1.0)),
                    skew(DivergenceKind.JSG, FIVE_ALPHAS, List.of(2.0, 3.0, 4.0)),
                    skew(DivergenceKind.JSG_DUAL, NINE_ALPHAS, List.of(1.0)),
                    skew(DivergenceKind.JSG_DUAL, FIVE_ALPHAS, List.of(2.0, 3.0, 4.0)));
            case "beta-grid" -> List.of(new GridEntry(DivergenceKind.BETA, List.of(), BETAS, List.of()));
            default -> throw new UserInputException("unknown sweep preset '" + name + "'; expected one of "
                    + String.join(", ", NAMES) + ", or a sweep file ending in .json");
        };
        return SweepSpec.paper(n, dataset, grid);
    }

    private static GridEntry skew(DivergenceKind kind, List<Double> alphas, List<Double> lambdas) {
        return new GridEntry(kind, alphas, List.of(), lambdas);
    }
}
