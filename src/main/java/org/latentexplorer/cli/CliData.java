package org.latentexplorer.cli;

import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.data.Datasets;

/** Opens a data set split for a command, applying {@code --limit}. */
final class CliData {
    private CliData() {
    }

    static Dataset open(DatasetSpec spec, Split split, int limit) {
        Dataset data = spec.open(split);
        return limit > 0 ? Datasets.limit(data, limit) : data;
    }
}
