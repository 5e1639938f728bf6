package org.kmlab.run;

import org.kmlab.model.RunSettings;
import org.kmlab.solve.Solver;
import org.kmlab.solve.cle.ChemicalLangevin;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.fp.FokkerPlanckSolver;
import org.kmlab.solve.lna.LinearNoiseApproximation;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.util.List;
import java.util.Map;

/** The solvers by id (ssa, cme, fp, cle, lna), in {@link RunSettings#KNOWN_SOLVERS} order. */
public final class SolverRegistry {
    private static final Map<String, Solver> SOLVERS = Map.of(
            "ssa", new DirectMethodSsa(),
            "cme", new FiniteStateProjection(),
            "fp", new FokkerPlanckSolver(),
            "cle", new ChemicalLangevin(),
            "lna", new LinearNoiseApproximation());

    private SolverRegistry() {}

    public static List<String> ids() { return RunSettings.KNOWN_SOLVERS; }

    /** The solver with this id; throws IllegalArgumentException naming the known ids otherwise. */
    public static Solver byId(String id) {
        Solver s = SOLVERS.get(id);
        if (s == null) throw new IllegalArgumentException("unknown solver '" + id + "' (known: " + String.join(", ", ids()) + ")");
        return s;
    }
}
