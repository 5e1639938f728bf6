package org.kmlab.run;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * How far each solver is from the exact reference at one output time: the best-ranked reference
 * solver with a snapshot there (the master equation when it ran, else the SSA ensemble). L1 (∫|p − q|) and Hellinger distances of each species' marginal and,
 * for two species against the master equation, of the joint densities. Against the SSA the joint
 * distances are left out: a joint histogram of a few thousand trajectories over up to 200×200
 * bins is mostly sampling noise (its L1 to the true density is near 1), while the marginals hold
 * up. This is the number behind "when does Fokker–Planck
 * hold?": watch it shrink as Ω grows.
 *
 * @param reference the reference solver's id, or null when neither cme nor ssa has a snapshot
 * @param time      the output time compared
 * @param rows      one row per other solver with a snapshot at that time, in the recording's order
 */
public record SolverComparison(String reference, double time, List<Row> rows) {
    public SolverComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One solver against the reference. {@code l1[s]}, {@code hellinger[s]} per species marginal
     * (NaN where either side has no marginal); the joint distances are NaN in 1-D or when either
     * side has no joint density.
     */
    public record Row(String solver, double[] l1, double[] hellinger, double l1Joint, double hellingerJoint) {
        public Row {
            l1 = l1.clone();
            hellinger = hellinger.clone();
        }

        @Override public double[] l1() { return l1.clone(); }
        @Override public double[] hellinger() { return hellinger.clone(); }

        /** The headline L1: the joint one in 2-D when there is one, else the largest marginal one. */
        public double headlineL1() { return headline(l1, l1Joint); }

        /** The headline Hellinger distance, chosen like {@link #headlineL1()}. */
        public double headlineHellinger() { return headline(hellinger, hellingerJoint); }

        private static double headline(double[] marginals, double joint) {
            if (!Double.isNaN(joint)) return joint;
            double worst = Double.NaN;
            for (double d : marginals) if (!Double.isNaN(d) && !(d <= worst)) worst = d;
            return worst;
        }
    }

    /** The comparison at output index k of a (possibly still running) recording. */
    public static SolverComparison at(Recording recording, int k) {
        double time = recording.time(k);
        List<SolverDescriptor> present = recording.descriptors().stream().filter(d -> recording.get(d.id(), k) != null).toList();
        SolverDescriptor best = SolverRegistry.bestReference(present).orElse(null);
        if (best == null) return new SolverComparison(null, time, List.of());
        String reference = best.id();
        Snapshot ref = recording.get(reference, k);
        List<Row> rows = new ArrayList<>();
        for (SolverDescriptor other : present) {
            if (other.id().equals(reference)) continue;
            rows.add(compare(other.id(), ref, recording.get(other.id(), k), comparesJoints(best)));
        }
        return new SolverComparison(reference, time, rows);
    }

    /**
     * Whether joint densities are compared against this reference: yes for an exact probability
     * (the master equation), no for an ensemble, whose joint histogram is mostly sampling noise.
     */
    public static boolean comparesJoints(SolverDescriptor reference) { return !reference.isEnsemble(); }

    static Row compare(String solver, Snapshot reference, Snapshot other, boolean compareJoints) {
        int species = reference.dimension();
        double[] l1 = new double[species];
        double[] hellinger = new double[species];
        for (int s = 0; s < species; s++) {
            Density1D p = reference.marginal(s);
            Density1D q = other.marginal(s);
            l1[s] = p == null || q == null ? Double.NaN : Distances.l1(p, q);
            hellinger[s] = p == null || q == null ? Double.NaN : Distances.hellinger(p, q);
        }
        Density2D pj = reference.joint();
        Density2D qj = other.joint();
        boolean joint = compareJoints && species == 2 && pj != null && qj != null;
        return new Row(solver, l1, hellinger,
                joint ? Distances.l1(pj, qj) : Double.NaN, joint ? Distances.hellinger(pj, qj) : Double.NaN);
    }
}
