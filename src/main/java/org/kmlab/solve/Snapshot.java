package org.kmlab.solve;

/**
 * What one solver knows at one output time, in x = n/Ω units. Immutable: arrays are copied in and
 * handed out as copies, so a snapshot can cross threads freely.
 *
 * @param time       the output time
 * @param mean       mean of each species
 * @param covariance covariance matrix
 * @param marginals  the marginal density of each species (may be null for a solver with none, e.g. LNA gives its Gaussian here),
 *                   then, for solvers that compute them (SSA, CLE, CME, LNA), those of the model's observables in order
 * @param joint      the joint density for 2-species models (null in 1-D or when the solver has none)
 * @param samples    states of a few trajectories at this time ({@code samples[k][s]}), for sample
 *                   paths and the 2-D cloud; empty for solvers without trajectories
 * @param mass       probability held on the solver's grid (1 for ensembles; less for a truncated lattice)
 * @param error      the solver's own estimate of the L1 distance between its density here and the
 *                   exact solution of the equation it solves (discretisation, time stepping,
 *                   truncation); NaN when the solver makes none (ensembles: sampling noise is not
 *                   a discretisation error)
 */
public record Snapshot(double time, double[] mean, double[][] covariance, Density1D[] marginals,
                       Density2D joint, double[][] samples, double mass, double error) {
    public Snapshot {
        mean = mean.clone();
        covariance = deepCopy(covariance);
        marginals = marginals == null ? new Density1D[0] : marginals.clone();
        samples = samples == null ? new double[0][] : deepCopy(samples);
    }

    /** A snapshot without an error estimate. */
    public Snapshot(double time, double[] mean, double[][] covariance, Density1D[] marginals,
                    Density2D joint, double[][] samples, double mass) {
        this(time, mean, covariance, marginals, joint, samples, mass, Double.NaN);
    }

    /** This snapshot with an error estimate attached. */
    public Snapshot withError(double estimate) {
        return new Snapshot(time, mean, covariance, marginals, joint, samples, mass, estimate);
    }

    @Override public double[] mean() { return mean.clone(); }
    @Override public double[][] covariance() { return deepCopy(covariance); }
    @Override public Density1D[] marginals() { return marginals.clone(); }
    @Override public double[][] samples() { return deepCopy(samples); }

    public int dimension() { return mean.length; }

    public double mean(int s) { return mean[s]; }

    public double covariance(int i, int j) { return covariance[i][j]; }

    public int sampleCount() { return samples.length; }

    public double sample(int k, int s) { return samples[k][s]; }

    /** Marginal of species s, or null. */
    public Density1D marginal(int s) { return s < marginals.length ? marginals[s] : null; }

    /** The law of the model's observable k (null when this solver gives none). */
    public Density1D observableMarginal(int k) { return marginal(dimension() + k); }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
