package org.kmlab.run.km;

import org.kmlab.model.Model;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.SolverDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kramers–Moyal estimation attached to a window's run: one {@link EnsembleIncrements} on the
 * fine-step hook of each ensemble solver the request runs (SSA, CLE), through
 * {@link RunRequest#observedBy}, so the estimate grows with the run and no path is stored. Only
 * a one-species model can be watched ({@link #watch} returns null otherwise). The estimator, its
 * bandwidth and the Δt → 0 correction can change after the run ({@link #estimate}); Δt cannot:
 * the increments were filed at the Δt of {@link #dt()}.
 */
public final class RunIncrements {
    /** Partial tables published per second during a run: enough for a live estimate, cheap on the engine. */
    static final double PUBLISH_PER_SECOND = 4;

    private final RunRequest request;
    private final double dt;
    private final Map<SolverDescriptor, EnsembleIncrements> observers;

    private RunIncrements(RunRequest request, double dt, Map<SolverDescriptor, EnsembleIncrements> observers) {
        this.request = request;
        this.dt = dt;
        this.observers = observers;
    }

    /**
     * Watches the ensemble solvers of {@code request} at the Δt of {@code settings}; null when the
     * model has other than one species, no ensemble solver runs, or the run is too short for 4·Δt.
     */
    public static RunIncrements watch(RunRequest request, SolverRegistry registry, KmSettings settings) {
        Model model = request.model();
        if (model.speciesCount() != 1) return null;
        double tEnd = request.settings().tEnd();
        double dt = settings.dtFor(model, tEnd);
        if (!(4 * dt <= tEnd)) return null;
        int last = request.settings().samples() - 1;
        Map<SolverDescriptor, EnsembleIncrements> observers = new LinkedHashMap<>();
        RunRequest observed = request;
        for (String id : request.settings().solvers()) {
            if (!registry.has(id)) continue;
            SolverDescriptor d = registry.descriptor(id);
            if (!d.isEnsemble()) continue;
            // an exact ensemble (the reference-capable SSA) jumps on the lattice; others (CLE) move continuously
            EnsembleIncrements o = new EnsembleIncrements(dt, CellGrid.forEnsemble(model, tEnd, d.canBeReference()), d.shortLabel(), last, PUBLISH_PER_SECOND);
            observers.put(d, o);
            observed = observed.observedBy(id, o);
        }
        return observers.isEmpty() ? null : new RunIncrements(observed, dt, observers);
    }

    /** The request with the observers attached: run this one. */
    public RunRequest request() { return request; }

    /** The Δt the increments are filed at. */
    public double dt() { return dt; }

    /** The solvers watched, in the run's order. */
    public List<SolverDescriptor> solvers() { return List.copyOf(observers.keySet()); }

    /**
     * A token that changes whenever a watched solver publishes a new table: compare it to decide
     * whether {@link #estimate} would give something new.
     */
    public List<Object> version() {
        List<Object> v = new ArrayList<>();
        for (EnsembleIncrements o : observers.values()) v.add(o.latest());
        return v;
    }

    /** The estimates from the newest tables ({@code settings}' Δt is replaced by the filed one); solvers with no table yet are left out. */
    public KmEstimates estimate(KmSettings settings) {
        KmSettings s = settings.withDt(dt);
        List<KmEstimates.Source> out = new ArrayList<>();
        for (Map.Entry<SolverDescriptor, EnsembleIncrements> e : observers.entrySet()) {
            IncrementTable table = e.getValue().latest();
            if (table == null || !(table.total(0) > 0)) continue;
            out.add(new KmEstimates.Source(e.getKey(), KmAnalysis.estimate(table, s)));
        }
        return new KmEstimates(out);
    }
}
