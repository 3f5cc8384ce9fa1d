package org.latentexplorer.app;

import org.jfree.data.xy.XYDataset;

/**
 * Finding the sample of a curve nearest to a position on its x axis (the hover read-out), and the floor of a
 * logarithmic axis for loss curves.
 */
final class ChartLookup {
    private ChartLookup() {
    }

    /**
     * The index of the item of {@code series} whose x is nearest to {@code x} (the first of equally near ones), or
     * −1 for an empty series. The series' x values must be ascending (they are: steps and epochs only grow).
     */
    static int nearest(XYDataset data, int series, double x) {
        int n = data.getItemCount(series);
        if (n == 0) {
            return -1;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) { // the first index with x value >= x, or n - 1
            int mid = (lo + hi) >>> 1;
            if (data.getXValue(series, mid) < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(data.getXValue(series, lo - 1) - x) <= Math.abs(data.getXValue(series, lo) - x)) {
            lo--;
        }
        while (lo > 0 && data.getXValue(series, lo - 1) == data.getXValue(series, lo)) {
            lo--; // the first of repeated x values
        }
        return lo;
    }

    /**
     * The lower end of a logarithmic axis showing {@code data}: the power of ten at or below its smallest positive
     * finite y value, so zeros sit on the floor and every positive value is in view; 1e-3 when there is none.
     */
    static double logFloor(Iterable<? extends XYDataset> data) {
        double min = Double.POSITIVE_INFINITY;
        for (XYDataset d : data) {
            for (int s = 0; s < d.getSeriesCount(); s++) {
                for (int i = 0; i < d.getItemCount(s); i++) {
                    double y = d.getYValue(s, i);
                    if (y > 0 && Double.isFinite(y)) {
                        min = Math.min(min, y);
                    }
                }
            }
        }
        return min == Double.POSITIVE_INFINITY ? 1e-3 : Math.pow(10, Math.floor(Math.log10(min)));
    }
}
