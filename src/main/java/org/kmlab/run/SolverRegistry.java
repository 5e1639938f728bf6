package org.kmlab.run;

import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverDescriptor;
import org.kmlab.solve.cle.ChemicalLangevin;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.fp.FokkerPlanckSolver;
import org.kmlab.solve.kmexpansion.KramersMoyalTruncation;
import org.kmlab.solve.lna.LinearNoiseApproximation;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The solvers kmlab knows, in display order: the one list that the window's check boxes, the
 * command line, charts, styles, the distance table and summary.json iterate over. Adding a solver
 * is one class and one line in {@link #builtIn()}; tests build registries of their own.
 */
public final class SolverRegistry {
    private static final SolverRegistry BUILT_IN = new SolverRegistry(List.of(new DirectMethodSsa(), new FiniteStateProjection(),
            new FokkerPlanckSolver(), new ChemicalLangevin(), new LinearNoiseApproximation(),
            new KramersMoyalTruncation(2), new KramersMoyalTruncation(3), new KramersMoyalTruncation(4)));

    private final Map<String, Solver> solvers = new LinkedHashMap<>();

    public SolverRegistry(List<? extends Solver> solvers) {
        for (Solver s : solvers) {
            if (this.solvers.putIfAbsent(s.id(), s) != null) throw new IllegalArgumentException("two solvers with id '" + s.id() + "'");
        }
    }

    /** The solvers that ship with kmlab: ssa, cme, fp, cle, lna, and the truncated Kramers–Moyal expansions km2, km3, km4. */
    public static SolverRegistry builtIn() { return BUILT_IN; }

    public List<String> ids() { return List.copyOf(solvers.keySet()); }

    public List<SolverDescriptor> descriptors() {
        List<SolverDescriptor> out = new ArrayList<>();
        for (Solver s : solvers.values()) out.add(s.descriptor());
        return out;
    }

    public boolean has(String id) { return solvers.containsKey(id); }

    /** The solver with this id; IllegalArgumentException naming the known ids otherwise. */
    public Solver byId(String id) {
        Solver s = solvers.get(id);
        if (s == null) throw new IllegalArgumentException(unknown(id));
        return s;
    }

    public SolverDescriptor descriptor(String id) { return byId(id).descriptor(); }

    /** "unknown solver 'x' (known: ssa, cme, …)": the message for a name that is not registered. */
    public String unknown(String id) {
        return "unknown solver '" + id + "' (known: " + String.join(", ", ids()) + ")";
    }

    /** The given ids in this registry's display order (unknown ones dropped). */
    public List<String> inDisplayOrder(List<String> ids) {
        List<String> out = new ArrayList<>(ids());
        out.retainAll(ids);
        return out;
    }

    /** Of these descriptors, the one that serves best as the exact reference (highest rank), if any. */
    public static Optional<SolverDescriptor> bestReference(List<SolverDescriptor> candidates) {
        return candidates.stream().filter(SolverDescriptor::canBeReference).max(Comparator.comparingInt(SolverDescriptor::referenceRank));
    }
}
