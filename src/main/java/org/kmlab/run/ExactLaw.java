package org.kmlab.run;

import org.kmlab.model.ExactReference;
import org.kmlab.model.Expression;
import org.kmlab.model.Formula;
import org.kmlab.model.Model;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Distances;
import org.kmlab.solve.Snapshot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A preset's exact density ({@link ExactReference}) for one species at one time, normalised
 * numerically over the run's x range, and its L1 distance to a solver's density. The one place
 * where an exact reference is evaluated: the distribution pane draws {@link #density} and prints
 * {@link #l1}; summary.json writes {@link #l1ByTime} as {@code exactL1}.
 *
 * <p>The run's range for species s is the union of every solver's grid (cell edges) over every
 * recorded time ({@link #range}), so the window and the command line normalise alike. The
 * formula is integrated by the midpoint rule on {@value #CELLS} cells (a step in the formula, a
 * wall, costs at most half a cell of mass: ~1e-5); it must be finite and ≥ 0 there, otherwise the
 * law is {@linkplain #problem() invalid} at that time and neither drawn nor compared. Not
 * thread-safe (it evaluates into one array): one law per thread.
 */
public final class ExactLaw {
    /** Midpoint cells over the range for the normalisation. */
    static final int CELLS = 1 << 15;
    /** Midpoint points per solver cell for the cell averages. */
    private static final int PER_CELL = 8;

    private final Expression formula;   // null for a one-step law
    private final OneStepLaw lattice;   // null for a formula
    private final double omega;
    private final double[] env;
    private final String kind;
    private final double lo, hi;
    private final double norm;
    private final String problem;

    private ExactLaw(Model m, int s, double t, Formula f, String kind, double lo, double hi) {
        this.lattice = null;
        this.omega = m.size();
        this.formula = ExactReference.compile(m, f);
        this.env = ExactReference.values(m, s, t);
        this.kind = kind;
        this.lo = lo;
        this.hi = hi;
        double dx = (hi - lo) / CELLS, sum = 0;
        String bad = null;
        for (int i = 0; i < CELLS && bad == null; i++) {
            double x = lo + (i + 0.5) * dx;
            double v = raw(x);
            if (!(v >= 0) || Double.isInfinite(v)) bad = String.format(Locale.ROOT, "exact.%s.%s is %s at x = %.4g", kind, m.species().get(s).name(), Double.isNaN(v) ? "NaN" : v < 0 ? "negative" : "infinite", x);
            sum += v * dx;
        }
        if (bad == null && !(sum > 0 && Double.isFinite(sum))) bad = "exact." + kind + "." + m.species().get(s).name() + " has no mass on the run's range";
        this.problem = bad;
        this.norm = bad == null ? sum : Double.NaN;
    }

    /**
     * A one-step process's detailed-balance law ({@link OneStepLaw}) on the lattice points in
     * [lo, hi], normalised there: P_n/h on the lattice cell of each point (a step function, so the
     * cell averages and the values at the lattice points are P_n/h exactly).
     */
    private ExactLaw(Model m, int s, double lo, double hi) {
        this.formula = null;
        this.env = null;
        this.kind = "stationary";
        this.lo = lo;
        this.hi = hi;
        this.omega = m.size();
        long nLo = (long) Math.ceil(lo * omega - 1e-9), nHi = (long) Math.floor(hi * omega + 1e-9);
        if (!m.species().get(s).signed()) nLo = Math.max(0, nLo);
        OneStepLaw law = null;
        String bad = null;
        if (nHi < nLo) bad = "exact.detailedBalance." + m.species().get(s).name() + ": no lattice point on the run's range";
        else {
            try {
                law = OneStepLaw.of(m, nLo, nHi);
            } catch (IllegalArgumentException e) {
                bad = "exact.detailedBalance." + m.species().get(s).name() + ": " + e.getMessage();
            }
        }
        this.lattice = law;
        this.problem = bad;
        this.norm = bad == null ? 1 : Double.NaN;
    }

    /**
     * The exact law of species s at time t (transition law for t &gt; 0 if declared, else the
     * stationary one: a formula or the detailed-balance law), normalised over [lo, hi]; empty
     * when the model declares none for it.
     */
    public static Optional<ExactLaw> of(Model m, int s, double t, double lo, double hi) {
        String name = m.species().get(s).name();
        if (!(hi > lo)) return Optional.empty();
        Optional<Formula> f = m.exact().at(name, t);
        if (f.isEmpty()) return m.exact().isDetailedBalance(name) ? Optional.of(new ExactLaw(m, s, lo, hi)) : Optional.empty();
        return Optional.of(new ExactLaw(m, s, t, f.get(), m.exact().kindAt(name, t), lo, hi));
    }

    /** "stationary" or "transition". */
    public String kind() { return kind; }

    /** Null when the law can be used; else why not (names the key and the place). */
    public String problem() { return problem; }

    public boolean valid() { return problem == null; }

    private double raw(double x) {
        if (lattice != null) return lattice.probability(Math.round(x * omega)) * omega;
        env[0] = x;
        return formula.eval(env);
    }

    /** The normalised density at x (0 outside the range). */
    public double density(double x) { return x < lo || x > hi || !valid() ? 0 : raw(x) / norm; }

    /** Cell averages of the normalised density on {@code grid}'s cells (the parts of cells outside the range count as 0). */
    public Density1D on(Density1D grid) {
        double[] p = new double[grid.size()];
        double dx = grid.dx();
        for (int i = 0; i < p.length; i++) {
            double a = grid.x(i) - dx / 2, sum = 0;
            for (int k = 0; k < PER_CELL; k++) sum += density(a + (k + 0.5) * dx / PER_CELL);
            p[i] = sum / PER_CELL;
        }
        return new Density1D(grid.x0(), dx, p);
    }

    /** The normalised density at the centres of {@code grid}'s cells (a lattice law is compared point by point). */
    public Density1D at(Density1D grid) {
        double[] p = new double[grid.size()];
        for (int i = 0; i < p.length; i++) p[i] = density(grid.x(i));
        return new Density1D(grid.x0(), grid.dx(), p);
    }

    /**
     * ∫|p − exact| dx at the solver's resolution (as {@link Distances#l1}), plus the exact mass
     * its grid does not cover. A density on a grid of cells is compared with the exact law's cell
     * averages; a lattice law ({@code lattice}: P_n/h at x_n = n/Ω, the master equation) with the
     * exact density at the lattice points, so a formula that is the discrete law itself (Boltzmann
     * weights sampled on the lattice, a binomial through lgamma) is matched to rounding.
     */
    public double l1(Density1D solver, boolean lattice) {
        if (!valid() || solver == null || solver.size() == 0) return Double.NaN;
        Density1D exact = lattice ? at(solver) : on(solver);
        return Distances.l1(solver, exact) + Math.max(0, 1 - exact.mass());
    }

    /** True when the solver reports a lattice law (P_n/h at the lattice points). */
    public static boolean isLattice(Recording r, String solver) {
        return r.descriptor(solver).output() == org.kmlab.solve.SolverDescriptor.Output.LATTICE;
    }

    /** The run's x range for species s: the union of every solver's grid over every recorded time, or null when nothing is recorded. */
    public static double[] range(Recording r, int s) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (String solver : r.solvers()) {
            for (int k = 0; k <= r.highestIndex(solver); k++) {
                Snapshot snap = r.get(solver, k);
                Density1D d = snap == null ? null : snap.marginal(s);
                if (d == null || d.size() == 0) continue;
                lo = Math.min(lo, d.x0() - d.dx() / 2);
                hi = Math.max(hi, d.x(d.size() - 1) + d.dx() / 2);
            }
        }
        return hi > lo ? new double[] {lo, hi} : null;
    }

    /**
     * For each solver of the recording, {@code l1[k][s]}: its distance to the exact law of species
     * s at output k (NaN where there is none, or it is invalid, or the solver has no density then).
     */
    public static Map<String, double[][]> l1ByTime(Model m, Recording r) {
        int species = m.speciesCount();
        double[][] ranges = new double[species][];
        for (int s = 0; s < species; s++) ranges[s] = range(r, s);
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (String solver : r.solvers()) {
            double[][] l1 = new double[r.timeCount()][species];
            for (double[] row : l1) java.util.Arrays.fill(row, Double.NaN);
            out.put(solver, l1);
        }
        for (int k = 0; k < r.timeCount(); k++) {
            for (int s = 0; s < species; s++) {
                if (ranges[s] == null) continue;
                Optional<ExactLaw> law = of(m, s, r.time(k), ranges[s][0], ranges[s][1]);
                if (law.isEmpty() || !law.get().valid()) continue;
                for (String solver : r.solvers()) {
                    Snapshot snap = r.get(solver, k);
                    if (snap != null) out.get(solver)[k][s] = law.get().l1(snap.marginal(s), isLattice(r, solver));
                }
            }
        }
        return out;
    }
}
