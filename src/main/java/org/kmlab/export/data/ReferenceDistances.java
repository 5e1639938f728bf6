package org.kmlab.export.data;

import org.kmlab.run.BatchRun.Outcome;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;
import org.kmlab.solve.SolverResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far each solver's marginals are from the reference solver's, at every output time: the
 * master equation ({@code cme}) when it ran, else the SSA ensemble. This is where the lesson
 * "when does Fokker–Planck hold?" becomes a number per time and per species.
 */
public final class ReferenceDistances {
    /**
     * One solver's distances: {@code l1[i][s]} and {@code hellinger[i][s]} at output time i for
     * species s; for 2-species models also {@code l1Joint[i]}, {@code hellingerJoint[i]} between
     * the joint densities (null arrays otherwise). NaN where either side has no density.
     */
    public record Table(String reference, double[][] l1, double[][] hellinger, double[] l1Joint, double[] hellingerJoint) {}

    private ReferenceDistances() {}

    /** The reference solver among those that ran: "cme", else "ssa", else none. */
    public static Optional<SolverResult> reference(List<Outcome> outcomes) {
        for (String id : List.of("cme", "ssa")) {
            for (Outcome o : outcomes) if (!o.isSkipped() && o.solver().equals(id)) return Optional.of(o.result());
        }
        return Optional.empty();
    }

    /** Distances of every other solver that ran to the reference, by solver id; empty when there is no reference. */
    public static Map<String, Table> compute(List<Outcome> outcomes, int species, DensityDistance l1, DensityDistance hellinger) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Optional<SolverResult> ref = reference(outcomes);
        if (ref.isEmpty()) return tables;
        SolverResult reference = ref.get();
        for (Outcome o : outcomes) {
            if (o.isSkipped() || o.solver().equals(reference.solver())) continue;
            SolverResult other = o.result();
            int times = Math.min(reference.snapshots().size(), other.snapshots().size());
            double[][] d1 = new double[times][species];
            double[][] dh = new double[times][species];
            double[] j1 = species == 2 ? new double[times] : null;
            double[] jh = species == 2 ? new double[times] : null;
            for (int i = 0; i < times; i++) {
                if (species == 2) {
                    Density2D p = reference.at(i).joint();
                    Density2D q = other.at(i).joint();
                    j1[i] = p == null || q == null ? Double.NaN : l1.between(p, q);
                    jh[i] = p == null || q == null ? Double.NaN : hellinger.between(p, q);
                }
                for (int s = 0; s < species; s++) {
                    Density1D p = reference.at(i).marginal(s);
                    Density1D q = other.at(i).marginal(s);
                    d1[i][s] = p == null || q == null ? Double.NaN : l1.between(p, q);
                    dh[i][s] = p == null || q == null ? Double.NaN : hellinger.between(p, q);
                }
            }
            tables.put(other.solver(), new Table(reference.solver(), d1, dh, j1, jh));
        }
        return tables;
    }
}
