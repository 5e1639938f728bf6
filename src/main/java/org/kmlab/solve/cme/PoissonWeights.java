package org.kmlab.solve.cme;

/**
 * Poisson probabilities {@code e^{−λ} λ^k / k!} for k in [left, right], truncated so that each
 * dropped tail is below {@code tail} of the total, and normalised to sum to 1. Computed outward
 * from the mode with ratios (as Fox & Glynn 1988), so nothing underflows however large λ is.
 */
record PoissonWeights(int left, double[] weights) {
    PoissonWeights {
        weights = weights.clone();
    }

    int right() { return left + weights.length - 1; }

    double weight(int k) { return k < left || k > right() ? 0 : weights[k - left]; }

    static PoissonWeights of(double lambda, double tail) {
        if (!(lambda >= 0) || lambda > 1e9) throw new IllegalArgumentException("λ must be in [0, 1e9], got " + lambda);
        if (lambda == 0) return new PoissonWeights(0, new double[] {1});
        int mode = (int) Math.floor(lambda);
        // right of the mode (unnormalised, mode = 1): stop when the geometric bound on the rest is small
        int capacity = (int) (lambda + 20 * Math.sqrt(lambda) + 50);
        double[] up = new double[capacity - mode + 1];
        up[0] = 1;
        double sum = 1;
        int k = mode;
        while (true) {
            double next = up[k - mode] * lambda / (k + 1);
            double q = lambda / (k + 2);
            if (k + 1 > lambda && next / (1 - q) < tail * sum) break;
            k++;
            up[k - mode] = next;
            sum += next;
        }
        int right = k;
        // left of the mode
        double[] down = new double[mode + 1];
        down[mode] = 1;
        k = mode;
        while (k > 0) {
            double prev = down[k] * k / lambda;
            double q = (k - 1) / lambda;
            if (prev / (1 - q) < tail * sum) break;
            k--;
            down[k] = prev;
            sum += prev;
        }
        int left = k;
        double[] w = new double[right - left + 1];
        for (int j = left; j <= right; j++) w[j - left] = (j < mode ? down[j] : up[j - mode]) / sum;
        return new PoissonWeights(left, w);
    }
}
