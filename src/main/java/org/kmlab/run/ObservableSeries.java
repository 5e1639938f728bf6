package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.model.Observable;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;

/**
 * One solver's view of one of the model's {@linkplain Observable observables} Σ_s w_s·x_s over
 * the run: mean and standard deviation at each output time from the snapshot's mean and
 * covariance (exact for any solver, LNA included: the combination is linear), and its law where
 * the solver computes one (SSA and CLE from every trajectory, the master equation summed over the
 * states; null otherwise). For summary.json, the CSV files and the panes.
 */
public record ObservableSeries(String name, double[] times, double[] mean, double[] sd, Density1D[] laws) {
    public ObservableSeries {
        times = times.clone();
        mean = mean.clone();
        sd = sd.clone();
        laws = laws.clone();
    }

    public static ObservableSeries of(Model m, int k, SolverResult r) {
        int[] w = m.observables().get(k).weights(m);
        int n = r.snapshots().size();
        double[] t = new double[n], mean = new double[n], sd = new double[n];
        Density1D[] laws = new Density1D[n];
        for (int i = 0; i < n; i++) {
            Snapshot s = r.at(i);
            t[i] = s.time();
            mean[i] = Observable.value(w, s.mean());
            sd[i] = Math.sqrt(Math.max(0, Observable.variance(w, s.covariance())));
            laws[i] = s.observableMarginal(k);
        }
        return new ObservableSeries(m.observables().get(k).name(), t, mean, sd, laws);
    }

    @Override public double[] times() { return times.clone(); }
    @Override public double[] mean() { return mean.clone(); }
    @Override public double[] sd() { return sd.clone(); }
    @Override public Density1D[] laws() { return laws.clone(); }

    /** The law at output i, or null where the solver gives none. */
    public Density1D law(int i) { return laws[i]; }
}
