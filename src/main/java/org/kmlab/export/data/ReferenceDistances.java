package org.kmlab.export.data;

import org.kmlab.run.Outcome;
import org.kmlab.run.Recording;
import org.kmlab.run.SolverComparison;
import org.kmlab.solve.SolverResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far each solver's densities are from the reference solver's at every output time, for
 * summary.json: the window's {@link SolverComparison} (master equation when it ran, else the SSA
 * ensemble) applied to a finished batch. This is where the lesson "when does Fokker–Planck hold?"
 * becomes a number per time and per species.
 */
public final class ReferenceDistances {
    /**
     * One solver's distances: {@code l1[i][s]} and {@code hellinger[i][s]} at output time i for
     * species s; for 2-species models against the master equation also {@code l1Joint[i]},
     * {@code hellingerJoint[i]} between the joint densities (null arrays otherwise: an ensemble's
     * joint histogram is mostly sampling noise). NaN where either side has no density.
     */
    public record Table(String reference, double[][] l1, double[][] hellinger, double[] l1Joint, double[] hellingerJoint) {}

    private ReferenceDistances() {}

    /** Distances of every other solver that ran to the reference, by solver id; empty when there is no reference. */
    public static Map<String, Table> compute(java.util.List<Outcome> outcomes, int species) {
        Map<String, SolverResult> ran = new LinkedHashMap<>();
        int times = 0;
        for (Outcome o : outcomes) {
            if (!o.ran()) continue;
            ran.put(o.solver(), o.result());
            times = Math.max(times, o.result().snapshots().size());
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        if (times == 0) return tables;
        double[] t = new double[times];
        for (SolverResult r : ran.values()) {
            for (int k = 0; k < r.snapshots().size(); k++) t[k] = r.at(k).time();
        }
        Recording recording = Recording.of(t, ran);
        String reference = SolverComparison.at(recording, 0).reference();
        if (reference == null) return tables;
        boolean joints = species == 2 && SolverComparison.comparesJoints(recording.descriptor(reference));
        for (String solver : ran.keySet()) {
            if (solver.equals(reference)) continue;
            tables.put(solver, new Table(reference, nanMatrix(times, species), nanMatrix(times, species),
                    joints ? nanVector(times) : null, joints ? nanVector(times) : null));
        }
        for (int k = 0; k < times; k++) {
            for (SolverComparison.Row row : SolverComparison.at(recording, k).rows()) {
                Table table = tables.get(row.solver());
                if (table == null) continue;   // a time where the usual reference had no snapshot
                table.l1()[k] = row.l1();
                table.hellinger()[k] = row.hellinger();
                if (joints) {
                    table.l1Joint()[k] = row.l1Joint();
                    table.hellingerJoint()[k] = row.hellingerJoint();
                }
            }
        }
        return tables;
    }

    private static double[][] nanMatrix(int rows, int columns) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) m[i] = nanVector(columns);
        return m;
    }

    private static double[] nanVector(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
