package org.kmlab.model;

/**
 * Where a continuum description of a one-species process (the Fokker–Planck equation, the
 * chemical Langevin equation) puts its reflecting walls, in x units ({@code lo}, {@code hi}: ±∞
 * where there is none), and the counts between which it reads A and B ({@code lowestCount},
 * {@code highestCount}). A count's wall is x = 0. A one-step process that cannot step past the
 * lattice points n_lo or n_hi and steps towards them ({@link LatticeWalls#approached}: a walker in
 * a box) keeps its lattice cells [n − ½, n + ½]/Ω, so its walls are half a step beyond them, where
 * the master equation's bars end; A and B there are those just inside the last point (a cut-off
 * such as {@code step(Omega - X)} is the wall itself, not a drift for the continuum to feel).
 */
public record ContinuumWalls(double lo, double hi, double lowestCount, double highestCount) {
    /** Walls on both sides: the process cannot leave the box between them. */
    public boolean closed() { return lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY; }

    /** The walls of a one-species model (of species 0 and its count wall only, for any other). */
    public static ContinuumWalls of(Model model) { return of(model, LatticeWalls.of(model)); }

    /** {@link #of(Model)} from the model's lattice walls, already found ({@link LatticeWalls#of(Model)}). */
    public static ContinuumWalls of(Model model, LatticeWalls found) {
        boolean count = !model.species().get(0).signed();
        LatticeWalls lattice = found.approached(model);
        double omega = model.size(), inside = LatticeWalls.INSIDE;
        double lo = count ? 0 : Double.NEGATIVE_INFINITY, lowest = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY, highest = Double.POSITIVE_INFINITY;
        if (lattice.hasLow() && (lattice.lo() > 0 || !count)) {
            lo = (lattice.lo() - 0.5) / omega;
            lowest = lattice.lo() + inside;
        }
        if (lattice.hasHigh()) {
            hi = (lattice.hi() + 0.5) / omega;
            highest = lattice.hi() - inside;
        }
        return new ContinuumWalls(lo, hi, lowest, highest);
    }
}
