package org.latentexplorer.model;

import java.util.Locale;
import org.latentexplorer.common.UserInputException;

/**
 * The reconstruction term of the loss (docs/method.md §2): per-image sum over pixels, mean over the batch.
 * MSE is {@code (x̂−x)²} with no ½ and no variance (the default, §8.6); Bernoulli is the binary
 * cross-entropy with each log clamped at −100 as PyTorch does.
 */
public enum Reconstruction {
    MSE("mse"),
    BERNOULLI("bernoulli");

    private final String cliName;

    Reconstruction(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Reconstruction fromCliName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Reconstruction r : values()) {
            if (r.cliName.equals(n)) {
                return r;
            }
        }
        throw new UserInputException("unknown reconstruction '" + name + "'; expected mse or bernoulli");
    }
}
