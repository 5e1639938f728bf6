package org.kmlab.run.sweep;

import org.kmlab.model.AbsorbingSet;
import org.kmlab.model.Environment;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.KramersTime;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which first passage a sweep of the mean first-passage time T(Ω) measures, and the model at each
 * Ω. The start keeps its place in x = n/Ω (the count X0 = round(x₀·Ω), so logistic extinction
 * starts at the carrying capacity as its preset and tests do). Two kinds:
 * <ul>
 *   <li>the model's absorbing set, kept as written (e.g. extinction, {@code X <= 0});</li>
 *   <li>without one, a one-species bistable model (its rate equation dx/dt = A(x) has a stable
 *       zero, an unstable one and a stable one; the zeros are those of the drift as Ω → ∞): the
 *       switching time from the well nearest the start into the other well, absorbed at
 *       {@code X >= round(c·Ω)} (or {@code <=} going down), as the Schlögl preset defines it (from
 *       n = Ω into n = 6Ω); Kramers' formula over the barrier between them ({@link KramersTime})
 *       is then a source of its own.</li>
 * </ul>
 * Any other model is refused with a message saying what to add.
 */
public final class PassageProblem {
    /** Where the rate equation's zeros are sought: [0, SPAN·max(1, x₀)], on {@value #SCAN} cells. */
    private static final double SPAN = 50, LARGE_OMEGA = 1e7;
    private static final int SCAN = 20_000;

    private final Model model;
    private final double x0;
    /** The well, barrier and target well of a switching problem (x units), or null. */
    private final double[] switching;

    private PassageProblem(Model model, double x0, double[] switching) {
        this.model = model;
        this.x0 = x0;
        this.switching = switching;
    }

    /**
     * @throws ModelException the model has no absorbing set and is not a one-species bistable model
     */
    public static PassageProblem of(Model m) {
        String why = unsupportedReason(m);
        if (why != null) throw new ModelException(why);
        double x0 = m.initialX()[0];
        return new PassageProblem(m, x0, m.absorbing().isEmpty() ? switching(m, x0) : null);
    }

    /** Why no first passage can be swept for the model, in one line for people, or null. */
    public static String unsupportedReason(Model m) { return unsupportedReason(m, m.name()); }

    /** As {@link #unsupportedReason(Model)}, naming the model as given (a preset's file name). */
    public static String unsupportedReason(Model m, String name) {
        if (m.speciesCount() != 1) return name + ": the mean first-passage time is swept for one species; the model has " + m.speciesCount();
        if (!m.absorbing().isEmpty() || switching(m, m.initialX()[0]) != null) return null;
        return name + " has no absorbing set: add \"absorbing\": [\"" + m.species().get(0).name()
                + " <= 0\"] (or another bound) to the preset, or give it two stable states to switch between";
    }

    public Model model() { return model; }

    /** True for the switching time of a bistable model (with Kramers' formula). */
    public boolean isSwitching() { return switching != null; }

    /** The model at system size Ω: the start at round(x₀·Ω), and the absorbing set. */
    public Model at(double omega) {
        if (switching == null) return model.atSystemSize(omega);
        String name = model.species().get(0).initialName();
        boolean up = switching[2] > switching[0];
        String set = model.species().get(0).name() + (up ? " >= " : " <= ") + Math.round(switching[2] * omega);
        return model.with(Environment.OMEGA, omega).with(name, Math.round(switching[0] * omega))
                .withAbsorbing(AbsorbingSet.parse(List.of(set), "absorbing"));
    }

    /** Kramers' formula for the model at Ω (from {@link #at}), or NaN when this is not a switching problem. */
    public double kramersTime(Model atOmega) {
        return switching == null ? Double.NaN : new KramersTime(atOmega, switching[0], switching[1]).fokkerPlanckTime();
    }

    /** What is measured, in words, e.g. "first passage into X <= 0 from X0 = round(1·Ω)". */
    public String description() {
        String x = model.species().get(0).name();
        if (switching == null) return "first passage into " + model.absorbing() + " from " + x + "0 = round(" + format(x0) + "·Ω)";
        return String.format(Locale.ROOT, "switching from the well x = %s into the other, %s %s round(%s·Ω), over the barrier x = %s",
                format(switching[0]), x, switching[2] > switching[0] ? ">=" : "<=", format(switching[2]), format(switching[1]));
    }

    /** {well, barrier, other well} of the rate equation around the start, or null when there are not two wells. */
    private static double[] switching(Model m, double x0) {
        if (m.speciesCount() != 1 || m.species().get(0).signed()) return null;
        KramersMoyal km;
        try {
            km = new KramersMoyal(m.with(Environment.OMEGA, LARGE_OMEGA));
        } catch (ModelException e) {
            return null;
        }
        List<double[]> zeros = zeros(km, SPAN * Math.max(1, x0));   // {x, +1 stable | −1 unstable}
        int well = -1;
        for (int i = 0; i < zeros.size(); i++) {
            if (zeros.get(i)[1] > 0 && (well < 0 || Math.abs(zeros.get(i)[0] - x0) < Math.abs(zeros.get(well)[0] - x0))) well = i;
        }
        if (well < 0) return null;
        for (int d : new int[] {1, -1}) {   // the other well above, else below
            int b = well + d, c = well + 2 * d;
            if (c >= 0 && c < zeros.size() && zeros.get(b)[1] < 0 && zeros.get(c)[1] > 0) {
                return new double[] {zeros.get(well)[0], zeros.get(b)[0], zeros.get(c)[0]};
            }
        }
        return null;
    }

    /** The sign changes of A on (0, top], refined by bisection, with their stability. */
    private static List<double[]> zeros(KramersMoyal km, double top) {
        List<double[]> out = new ArrayList<>();
        double h = top / SCAN, lo = h * 1e-3, flo = km.drift(lo);
        for (int i = 1; i <= SCAN; i++) {
            double hi = i * h, fhi = km.drift(hi);
            if (!Double.isFinite(fhi)) return out;
            if (flo != 0 && (fhi == 0 || (flo > 0) != (fhi > 0))) {   // a zero on a node counts once
                double a = lo, b = hi, fa = flo;
                for (int k = 0; k < 60; k++) {
                    double mid = 0.5 * (a + b), fm = km.drift(mid);
                    if ((fm > 0) == (fa > 0) && fm != 0) { a = mid; fa = fm; } else b = mid;
                }
                out.add(new double[] {fhi == 0 ? hi : 0.5 * (a + b), flo > 0 ? 1 : -1});   // A falls through zero: stable
            }
            lo = hi;
            flo = fhi;
        }
        return out;
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-6 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.4g", v);
    }
}
