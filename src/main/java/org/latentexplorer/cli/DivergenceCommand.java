package org.latentexplorer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code divergence}: the closed-form value of a divergence of N(μ, diag σ²) from N(0, I), in double. */
@Command(name = "divergence", mixinStandardHelpOptions = true,
        description = {"Prints the divergence of q = N(mu, diag sigma^2) from p = N(0, I) (sum over dimensions), in double precision, alone on its last line.",
                "With --batch, reads lines 'NAME ALPHA MU_CSV SIGMA_CSV' from standard input and prints one value per line."},
        footer = {"", "Names: kl-qp, kl-pq, beta (with --beta; value = beta*KL(q||p)), jsg, jsg-dual, jsg-nielsen, jsg-nielsen-dual.",
                "MMD is a batch statistic of encoder outputs and has no closed form here."})
final class DivergenceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", description = "divergence name")
    String name;

    @Option(names = "--alpha", description = "skew alpha in [0, 1] (JS family; default ${DEFAULT-VALUE})", defaultValue = "0.5")
    double alpha;

    @Option(names = "--beta", description = "beta of beta-VAE (default ${DEFAULT-VALUE})", defaultValue = "4")
    double beta;

    @Option(names = "--mu", description = "means, comma-separated (one per latent dimension)")
    String mu;

    @Option(names = "--sigma", description = "standard deviations, comma-separated (> 0)")
    String sigma;

    @Option(names = "--batch", description = "read 'NAME ALPHA MU_CSV SIGMA_CSV' lines from standard input")
    boolean batch;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (batch) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != 4) {
                    throw new UserInputException("standard input line " + number + ": expected 'NAME ALPHA MU_CSV SIGMA_CSV', got '" + Values.excerpt(line.trim()) + "'");
                }
                double a;
                try {
                    a = Double.parseDouble(f[1]);
                } catch (NumberFormatException e) {
                    throw new UserInputException("standard input line " + number + ": alpha '" + Values.excerpt(f[1]) + "' is not a number");
                }
                try {
                    out.println(Values.format(value(f[0], a, f[2], f[3])));
                } catch (UserInputException e) {
                    throw new UserInputException("standard input line " + number + ": " + e.getMessage(), e);
                }
            }
            out.flush();
            return 0;
        }
        if (name == null || mu == null || sigma == null) {
            throw new UserInputException("divergence needs --name, --mu and --sigma (or --batch)");
        }
        out.println(Values.format(value(name, alpha, mu, sigma)));
        return 0;
    }

    private double value(String divergenceName, double a, String muCsv, String sigmaCsv) {
        DivergenceKind kind = DivergenceKind.fromCliName(divergenceName);
        if (!kind.isPerDimension()) {
            throw new UserInputException("mmd is a batch statistic of encoder outputs, not a closed form of (mu, sigma); use 'eval' on a model");
        }
        DivergenceSpec s = new DivergenceSpec(kind, a, beta);
        double v = Divergences.value(s, Values.doubles("--mu", muCsv), Values.doubles("--sigma", sigmaCsv));
        if (!Double.isFinite(v)) {
            throw new UserInputException("the " + s.describe() + " divergence of these values is " + v
                    + " in double precision: a term such as mu², sigma² or 1/sigma² overflows (above 1.8e308);"
                    + " use smaller |mu| and sigma nearer 1");
        }
        return v;
    }
}
