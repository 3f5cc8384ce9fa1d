package org.latentexplorer.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.latentexplorer.data.FactorLabels;
import org.latentexplorer.latent.PosteriorBatch;

/**
 * A latent map: the posterior means μ of a sample of examples projected to 2-D by {@link Pca}, with each
 * example's data-set index and, where the data set has them, its ground-truth factor classes (dSprites: shape,
 * scale, orientation, posX, posY; a factor constant over the sample, such as colour, is left out). Immutable.
 */
public final class LatentMap {
    private final int[] indices;
    private final double[] xs;
    private final double[] ys;
    private final float[] means;
    private final int latents;
    private final List<String> factorNames;
    private final int[][] classes;
    private final int[] classCounts;
    private final double explained0;
    private final double explained1;
    private final String description;

    private LatentMap(int[] indices, double[] xs, double[] ys, float[] means, int latents, List<String> factorNames,
                      int[][] classes, int[] classCounts, double explained0, double explained1, String description) {
        this.indices = indices;
        this.xs = xs;
        this.ys = ys;
        this.means = means;
        this.latents = latents;
        this.factorNames = List.copyOf(factorNames);
        this.classes = classes;
        this.classCounts = classCounts;
        this.explained0 = explained0;
        this.explained1 = explained1;
        this.description = description;
    }

    /**
     * The map of an encoded sample.
     *
     * @param indices the data-set index of each encoded example, in the batch's order
     * @param factors the data set's factors, if any (factors constant over the sample are left out)
     */
    public static LatentMap of(PosteriorBatch batch, int[] indices, Optional<FactorLabels> factors, String description) {
        int n = batch.size();
        if (indices.length != n) {
            throw new IllegalArgumentException(indices.length + " indices for " + n + " encoded examples");
        }
        int d = batch.latentSize();
        float[] mu = batch.means();
        Pca pca = Pca.fit(mu, n, d);
        double[][] xy = pca.project2(mu, n);
        List<String> names = new ArrayList<>();
        int[][] cls = new int[0][];
        int[] counts = new int[0];
        if (factors.isPresent()) {
            FactorLabels f = factors.get();
            int[][] all = new int[n][];
            for (int i = 0; i < n; i++) {
                all[i] = f.classes(indices[i]);
            }
            List<Integer> kept = new ArrayList<>();
            for (int k = 0; k < f.names().size(); k++) {
                boolean varies = false;
                for (int i = 1; i < n; i++) {
                    varies |= all[i][k] != all[0][k];
                }
                if (varies) {
                    kept.add(k);
                    names.add(f.names().get(k));
                }
            }
            cls = new int[n][kept.size()];
            counts = new int[kept.size()];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < kept.size(); k++) {
                    cls[i][k] = all[i][kept.get(k)];
                    counts[k] = Math.max(counts[k], cls[i][k] + 1);
                }
            }
        }
        return new LatentMap(indices.clone(), xy[0], xy[1], mu, d, names, cls, counts, pca.explained(0),
                d > 1 ? pca.explained(1) : 0, description);
    }

    public int size() {
        return indices.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The data-set index of point {@code i}. */
    public int index(int i) {
        return indices[i];
    }

    /** The posterior mean of point {@code i} (a fresh array of {@link #latents()} values). */
    public float[] mean(int i) {
        float[] out = new float[latents];
        System.arraycopy(means, i * latents, out, 0, latents);
        return out;
    }

    public int latents() {
        return latents;
    }

    /** The factors points can be coloured by (empty for a data set without factors). */
    public List<String> factorNames() {
        return factorNames;
    }

    /** Point {@code i}'s class of factor {@code f} (an index into {@link #factorNames()}). */
    public int factorClass(int i, int f) {
        return classes[i][f];
    }

    /** Number of classes of factor {@code f} seen in the sample (largest class + 1). */
    public int classCount(int f) {
        return classCounts[f];
    }

    /** The share of the variance of μ along the first and second axis. */
    public double explained(int axis) {
        return axis == 0 ? explained0 : explained1;
    }

    public String description() {
        return description;
    }

    /** The point nearest (x, y) in map coordinates, or −1 for an empty map. */
    public int nearest(double x, double y) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double d2 = dx * dx + dy * dy;
            if (d2 < bestD) {
                bestD = d2;
                best = i;
            }
        }
        return best;
    }

    /** The map as CSV: index, pc1, pc2, each factor's class, each μ. */
    public String toCsv() {
        StringBuilder b = new StringBuilder("index,pc1,pc2");
        for (String f : factorNames) {
            b.append(',').append(f);
        }
        for (int d = 0; d < latents; d++) {
            b.append(",mu").append(d);
        }
        b.append('\n');
        for (int i = 0; i < size(); i++) {
            b.append(indices[i]).append(',').append(xs[i]).append(',').append(ys[i]);
            for (int f = 0; f < factorNames.size(); f++) {
                b.append(',').append(classes[i][f]);
            }
            for (int d = 0; d < latents; d++) {
                b.append(',').append(means[i * latents + d]);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
