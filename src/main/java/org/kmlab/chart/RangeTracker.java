package org.kmlab.chart;

import org.jfree.data.Range;
import org.kmlab.model.LatticeWalls;
import org.kmlab.model.LinearNoisePath;
import org.kmlab.model.Model;
import org.kmlab.run.Ghost;
import org.kmlab.run.Recording;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Snapshot;

/**
 * The x range of each species that the distribution and KM panes share: it only grows during a
 * run (the axes stand still while the cloud spreads) and starts afresh for a new model or new
 * parameter values. Before any data, it is the range the linear noise approximation expects the
 * run to use (mean ± 3 s.d. over the run), so the panes never open on an empty 0–1 axis. It
 * never reaches past a lattice wall of a one-species walk (the walker in a box).
 */
final class RangeTracker {
    private StickyRange[] ranges = new StickyRange[0];
    private Model model;
    private double tEnd = Double.NaN;
    private double[][] predicted;
    private LatticeWalls walls = LatticeWalls.none();

    /** Forgets what was seen when the model (or its values) changed. */
    void follow(Model m, double runEnd) {
        if (m.equals(model) && runEnd == tEnd) return;
        boolean sameModel = m.equals(model);
        model = m;
        tEnd = runEnd;
        predicted = predict(m, runEnd);
        walls = m.speciesCount() == 1 ? wallsNear(m, predicted[0]) : LatticeWalls.none();
        if (sameModel && ranges.length == m.speciesCount()) return;   // a new end time keeps what was seen
        ranges = new StickyRange[m.speciesCount()];
        for (int s = 0; s < ranges.length; s++) ranges[s] = new StickyRange();
    }

    /** Takes in what the recording holds at index k: every solver's marginal support and kept states. */
    void include(Recording recording, int k) {
        for (String id : recording.solvers()) {
            Snapshot snap = recording.get(id, k);
            if (snap == null) continue;
            for (int s = 0; s < ranges.length; s++) {
                Density1D d = snap.marginal(s);
                double[] sup = d == null ? null : Series.support(d, 1e-3);
                if (sup != null) ranges[s].include(sup[0], sup[1]);
            }
            for (int j = 0; j < snap.sampleCount(); j++) {
                for (int s = 0; s < ranges.length; s++) ranges[s].include(snap.sample(j, s), snap.sample(j, s));
            }
        }
    }

    /** Takes in a pinned ghost's marginal supports at time t, on the species of the same names (so its curves are not cut off). */
    void include(Ghost ghost, double t) {
        for (int s = 0; s < ranges.length; s++) {
            int gs = ghost.speciesIndex(model.species().get(s).name());
            if (gs < 0) continue;
            for (String id : ghost.recording().solvers()) {
                Snapshot snap = ghost.at(id, t);
                Density1D d = snap == null ? null : snap.marginal(gs);
                double[] sup = d == null ? null : Series.support(d, 1e-3);
                if (sup != null) ranges[s].include(sup[0], sup[1]);
            }
        }
    }

    /** {@code [s] = {lo, hi}}: what was seen with a margin, else the prediction; never below 0 for a count. */
    double[][] ranges() {
        double[][] out = new double[ranges.length][];
        for (int s = 0; s < ranges.length; s++) {
            if (!ranges[s].isEmpty()) {
                Range r = ranges[s].padded(0.03, 1e-9);
                out[s] = new double[] {r.getLowerBound(), r.getUpperBound()};
            } else {
                out[s] = predicted[s].clone();
            }
            if (!model.species().get(s).signed()) out[s][0] = Math.max(0, out[s][0]);
            if (walls.hasLow()) out[s][0] = Math.max(out[s][0], (walls.lo() - 0.5) / model.size());   // nothing lies past a wall's cell
            if (walls.hasHigh()) out[s][1] = Math.min(out[s][1], (walls.hi() + 0.5) / model.size());
            if (!(out[s][1] > out[s][0])) out[s][1] = out[s][0] + 1;
        }
        return out;
    }

    /** The lattice walls of the model followed (within its predicted range), or none. */
    LatticeWalls walls() { return walls; }

    /** The lattice walls of a one-species model within the x range {@code [lo, hi]} (a scan that far only: it runs on the window's thread). */
    static LatticeWalls wallsNear(Model m, double[] range) {
        long n0 = m.species().get(0).initial();
        double reach = Math.max(Math.abs(range[0] * m.size() - n0), Math.abs(range[1] * m.size() - n0));
        return LatticeWalls.of(m, (long) Math.min(LatticeWalls.SCAN, Math.ceil(reach) + 2));
    }

    private static double[][] predict(Model m, double tEnd) {
        int d = m.speciesCount();
        double[][] out = new double[d][];
        try {
            double[][] env = LinearNoisePath.fromInitialState(m, tEnd).envelope(3, 1 / m.size());
            for (int s = 0; s < d; s++) out[s] = env[s];
        } catch (LinearNoisePath.Diverges e) {
            double[] x0 = m.initialX();
            for (int s = 0; s < d; s++) out[s] = new double[] {x0[s] - Math.max(1, Math.abs(x0[s])), x0[s] + Math.max(1, Math.abs(x0[s]))};
        }
        return out;
    }
}
