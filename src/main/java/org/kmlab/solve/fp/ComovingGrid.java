package org.kmlab.solve.fp;

import org.kmlab.model.ContinuumWalls;

/**
 * One Fokker–Planck solution on {@code n} equal cells of a box [lo(t), hi(t)] that moves and
 * stretches with the probability cloud (x = n/Ω units): cell i covers
 * {@code lo + [i, i+1]·Δx} with {@code Δx = (hi − lo)/n}. The unknowns are the cell masses
 * m_i = ∫ P dx over the cell, so total probability is their sum.
 *
 * <p><b>The frame.</b> In a frame whose points move with velocity v(x, t) the conservation law
 * {@code ∂P/∂t = −∂ₓJ}, {@code J = A P − ½ ∂ₓ(B P)}, becomes, for a cell with moving faces,
 * {@code dm_i/dt = −[J − vP]} across its faces (the arbitrary Lagrangian–Eulerian form; Hirt,
 * Amsden &amp; Cook, J. Comput. Phys. 14 (1974) 227; Donea et al., <i>Encyclopedia of
 * Computational Mechanics</i> (2004) ch. 14): the same flux with the drift A replaced by the
 * relative drift A − v and the same diffusion B. The box's position and velocity come from its
 * plan ({@link MovingFrame}) at every stage time, the velocity being the exact derivative of the
 * position, and the unknowns are masses, so no geometric conservation error arises. The central
 * flux keeps the master equation's first two moment rates in the frame too: d⟨x⟩/dt = ⟨A⟩ and
 * d⟨x²⟩/dt = ⟨2xA + B⟩ for a density that vanishes at the box ends, since what the frame
 * velocity adds to the transport it takes back through the moving centres. Face fluxes are
 * {@link FaceFlux}'s, central where the cell Péclet number |A − v|·Δx/(B/2) ≤ 2, which the
 * co-moving box keeps true where the probability is: the relative drift that is left is the
 * small one that balances the cloud's spreading against the box's stretching.
 *
 * <p><b>Walls.</b> The box ends are zero-flux in the frame: a reflecting wall where the box end is
 * a wall ({@link ContinuumWalls}: x = 0 of a count, half a step beyond the last point of a
 * lattice the process cannot leave), and no flux at all where it is kept beyond the probability. Where
 * the count's diffusion vanishes at the wall (B(0) = 0, so A(0) = 0 and n = 0 is absorbing, as
 * in logistic growth or pure decay) x = 0 is an exit boundary (Feller 1952): probability that
 * reaches it stays. It is then held as an atom at x = 0, fed by the one-sided flux
 * {@code (B₀/Δx − ½(A − v)₀)·P₀} out of the first cell (the half-cell difference of BP, which
 * vanishes at the wall), instead of piling into the first cell, from where it would diffuse back
 * and the solution would converge only logarithmically in Δx.
 *
 * <p><b>Time stepping.</b> TR-BDF2 (Bank et al., IEEE Trans. Electron Devices 32 (1985) 1992;
 * γ = 2 − √2) with the operator rebuilt at each stage for the moving frame, and Hosea &amp;
 * Shampine's local error estimate (Appl. Numer. Math. 20 (1996) 21), filtered through the
 * stage matrix so stiff components are not overestimated. A and B are evaluated at the cell
 * centres at the end of each step; the γ-stage takes them interpolated linearly in x from those
 * (A and B are functions of x alone; exact for linear ones). A step that undershoots only in
 * the far tails is repaired there ({@link #repairTail}); one that would leave a negative mass
 * elsewhere is refused ({@link #trial} says so) and the caller retries with a shorter one or
 * with backward Euler ({@link #eulerGap}), which is positive by construction. Every implicit solve is
 * {@link ConservativeTridiagonal}'s, so masses stay ≥ 0 and their sum is kept to rounding. Not
 * thread-safe; allocates nothing per step.
 */
final class ComovingGrid {
    static final double GAMMA = 2 - Math.sqrt(2);
    private static final double D = GAMMA / 2;                                   // = (1 − γ)/(2 − γ)
    private static final double C_STAR = 1 / (GAMMA * (2 - GAMMA));
    private static final double C_OLD = (1 - GAMMA) * (1 - GAMMA) / (GAMMA * (2 - GAMMA));
    /** Leading local error coefficient of TR-BDF2: LTE = C·τ³·y'''. */
    private static final double LTE = (-3 * GAMMA * GAMMA + 4 * GAMMA - 2) / (12 * (2 - GAMMA));

    /** Cells holding less probability than this count as the far tail ({@link #repairTail}). */
    static final double TAIL_MASS = 1e-13;

    /** What {@link #trial} found. */
    enum Outcome { DONE, NEGATIVE }

    final int n;
    private final KramersMoyal1D km;
    private final boolean absorbing;        // x = 0 is an exit boundary: mass reaching it is held as an atom
    private final boolean estimating;       // computes the local error estimate of each trial
    private final double[] w = new double[2];

    // committed state: masses (and the atom at x = 0), the box and its velocity (face k moves at
    // loRate + k·dxRate), A and B at the centres
    private double[] mass, a, b;
    private double atom, lo, dx, loRate, dxRate;
    // the trial step's end state, swapped in by commit()
    private double[] next, aEnd, bEnd;
    private double atomNext, loEnd, dxEnd, loRateEnd, dxRateEnd;
    private double lastError, lastTau, lastRepair;
    // the operator at the committed state (the last step's end operator) and its sink into the atom
    private double[] rightN, leftN, rightEnd, leftEnd;
    private double sinkN, sinkMid, sinkEnd;
    private boolean startRatesValid;
    // saved state for rollback over several trials
    private final double[] savedMass, savedA, savedB;
    /** Atom mass handed to the first cell when the box left the wall (≤ the planner's edge, 1e-11, each time). */
    private double released;
    private double savedAtom, savedLo, savedDx, savedLoRate, savedDxRate;

    // scratch
    private final double[] x, g, stage, rhs, est, aMid, bMid, rightMid, leftMid;
    private final ConservativeTridiagonal midFactor, endFactor;

    /**
     * @param absorbing the wall x = 0 is an exit boundary (a count with B(0) = 0): probability that
     *                  reaches it is held as an atom there while the box starts at the wall
     * @param estimating compute each trial's local error estimate ({@link #error()}); the check
     *                  solution, whose steps the coarse one chooses, does without
     */
    ComovingGrid(KramersMoyal1D km, int cells, boolean absorbing, boolean estimating) {
        this.n = cells;
        this.km = km;
        this.absorbing = absorbing;
        this.estimating = estimating;
        mass = new double[n]; a = new double[n]; b = new double[n];
        next = new double[n]; aEnd = new double[n]; bEnd = new double[n];
        savedMass = new double[n]; savedA = new double[n]; savedB = new double[n];
        x = new double[n]; g = new double[n]; stage = new double[n]; rhs = new double[n]; est = new double[n];
        aMid = new double[n]; bMid = new double[n];
        rightN = new double[n]; leftN = new double[n];
        rightMid = new double[n]; leftMid = new double[n];
        rightEnd = new double[n]; leftEnd = new double[n];
        midFactor = new ConservativeTridiagonal(n);
        endFactor = new ConservativeTridiagonal(n);
    }

    /** Places the grid on the box {lo, hi, dlo/dt, dhi/dt} with the given cell masses (copied). */
    void start(double[] box, double[] masses) {
        System.arraycopy(masses, 0, mass, 0, n);
        atom = 0;
        place(box);
    }

    /**
     * Moves the grid to the box {lo, hi, dlo/dt, dhi/dt} at the current time, carrying the masses
     * over with {@code remap}; returns the probability that lay outside the new box (put in its
     * end cells).
     */
    double moveTo(double[] box, ConservativeRemap remap) {
        double outside = remap.remap(mass, n, lo, dx, box[0], (box[1] - box[0]) / n);
        if (atom > 0 && box[0] > 0) {                 // the box leaves the wall: the atom goes to its first cell
            released += atom;
            mass[0] += atom;
            outside += atom;
            atom = 0;
        }
        place(box);
        return outside;
    }

    private void place(double[] box) {
        startRatesValid = false;
        lo = box[0];
        dx = (box[1] - box[0]) / n;
        loRate = box[2];
        dxRate = (box[3] - box[2]) / n;
        centres(lo, dx, x);
        km.evaluate(x, n, a, b);
    }

    private void centres(double boxLo, double cell, double[] out) {
        for (int i = 0; i < n; i++) out[i] = boxLo + (i + 0.5) * cell;
    }

    /**
     * A and B at the centres of the stage-time cells, interpolated linearly in x from their values
     * at the step's end centres (exact for the linear A and B of first-order networks; otherwise
     * off by A″Δx²/8, far below the scheme's own error): the stage cells lie between the end ones,
     * and a second evaluation of the propensities per step would double their cost.
     */
    private void interpolate(double midLo, double midDx, double[] aOut, double[] bOut) {
        double scale = midDx / dxEnd, offset = (midLo - loEnd) / dxEnd - 0.5;
        for (int i = 0; i < n; i++) {
            double u = offset + (i + 0.5) * scale;
            int j = u < 0 ? 0 : (int) u;             // floor for u ≥ 0; below the first centre: extrapolate from the first two
            if (j > n - 2) j = n - 2;
            double theta = u - j;
            aOut[i] = aEnd[j] + theta * (aEnd[j + 1] - aEnd[j]);
            double bi = bEnd[j] + theta * (bEnd[j + 1] - bEnd[j]);
            bOut[i] = bi > 0 ? bi : 0;   // not Math.max: its NaN/−0 care is slow in this loop
        }
    }

    /**
     * Tries one step of length tau, with the box moving at the rates of {@code begin} at its start
     * (its position is the committed one), at {@code mid} at the TR-BDF2 stage time t + γτ and at
     * {@code end} at t + τ (each {lo, hi, dlo/dt, dhi/dt}): TR-BDF2, or backward Euler when
     * {@code euler}. The result waits for {@link #commit}; the committed state is untouched.
     * {@link #error()} is then the estimated local error (L1, in probability), NaN after backward
     * Euler.
     */
    Outcome trial(double tau, double[] begin, double[] mid, double[] end, boolean euler) {
        lastTau = tau;
        lastRepair = 0;
        double beginDxRate = (begin[3] - begin[2]) / n;
        if (begin[2] != loRate || beginDxRate != dxRate) {
            loRate = begin[2];               // the step's own motion: at a wall crossing it differs from the last step's
            dxRate = beginDxRate;
            startRatesValid = false;
        }
        loEnd = end[0];
        dxEnd = (end[1] - end[0]) / n;
        loRateEnd = end[2];
        dxRateEnd = (end[3] - end[2]) / n;
        boolean still = loEnd == lo && dxEnd == dx && loRate == 0 && dxRate == 0 && loRateEnd == 0 && dxRateEnd == 0
                && mid[2] == 0 && mid[3] == 0;
        if (still) {
            System.arraycopy(a, 0, aEnd, 0, n);
            System.arraycopy(b, 0, bEnd, 0, n);
        } else {
            centres(loEnd, dxEnd, x);
            km.evaluate(x, n, aEnd, bEnd);
        }
        sinkEnd = rates(aEnd, bEnd, loEnd, dxEnd, loRateEnd, dxRateEnd, rightEnd, leftEnd);
        if (euler) return backwardEuler(tau);
        double half = 0.5 * GAMMA * tau;
        endFactor.factor(D * tau, rightEnd, leftEnd, sinkEnd, n);
        if (!startRatesValid) {
            sinkN = rates(a, b, lo, dx, loRate, dxRate, rightN, leftN);
            startRatesValid = true;
        }
        apply(rightN, leftN, sinkN, mass, g);                            // g = L(t_n)·m
        double atomRate = sinkN * mass[0];
        if (still) {
            // the same operator at both stage times: (I − hL)⁻¹(I + hL) = 2(I − hL)⁻¹ − I, which keeps
            // the mass exact even when h‖L‖ is huge (long steps at a fixed point)
            sinkMid = sinkEnd;
            System.arraycopy(mass, 0, stage, 0, n);
            endFactor.solve(stage);
            for (int i = 0; i < n; i++) stage[i] = 2 * stage[i] - mass[i];
        } else {
            double dxMid = (mid[1] - mid[0]) / n;
            interpolate(mid[0], dxMid, aMid, bMid);
            for (int i = 0; i < n; i++) stage[i] = mass[i] + half * g[i];
            sinkMid = rates(aMid, bMid, mid[0], dxMid, mid[2], (mid[3] - mid[2]) / n, rightMid, leftMid);
            midFactor.factor(half, rightMid, leftMid, sinkMid, n);
            midFactor.solve(stage);
        }
        double atomStage = atom + half * (atomRate + sinkMid * stage[0]);
        for (int i = 0; i < n; i++) {
            rhs[i] = C_STAR * stage[i] - C_OLD * mass[i];
            next[i] = rhs[i];
        }
        endFactor.solve(next);
        double atomRhs = C_STAR * atomStage - C_OLD * atom;
        atomNext = atomRhs + D * tau * sinkEnd * next[0];
        boolean negative = atomNext < 0;
        for (int i = 0; i < n; i++) negative |= next[i] < 0;
        if (negative && !repairTail(tau)) return Outcome.NEGATIVE;
        if (!estimating) {
            lastError = Double.NaN;
            return Outcome.DONE;
        }
        // Hosea–Shampine: the third derivative from the quadratic through τf at t_n, t_n + γτ, t_n + τ
        double twoOverGamma = 2 / GAMMA;
        for (int i = 0; i < n; i++) est[i] = estimate(tau * g[i], stage[i] - mass[i], next[i] - rhs[i], twoOverGamma);
        double atomEst = estimate(tau * atomRate, atomStage - atom, atomNext - atomRhs, twoOverGamma);
        endFactor.solve(est);
        double sum = Math.abs(atomEst + D * tau * sinkEnd * est[0]);    // the atom's row of the same filter
        for (int i = 0; i < n; i++) sum += Math.abs(est[i]);
        lastError = sum;
        return Outcome.DONE;
    }

    /**
     * TR-BDF2 is not positive: in the far tails, where cells hold less than {@value #TAIL_MASS} of
     * the probability and the density falls by orders of magnitude per cell, it can undershoot to
     * −10⁻¹⁶. Rather than give the whole step to first-order backward Euler for that, the cells
     * below {@value #TAIL_MASS} take backward Euler's values there, scaled to hold exactly the
     * mass TR-BDF2 gave them (so the sum is kept and nothing is clipped); the change, at most
     * twice their mass, goes to {@link #repair()}. Returns false (nothing changed) when that mass
     * is not positive or a negative value lies outside the tail.
     */
    private boolean repairTail(double tau) {
        double tailMass = 0;
        for (int i = 0; i < n; i++) {
            if (next[i] < TAIL_MASS) tailMass += next[i];
            else if (next[i] < 0) return false;
        }
        if (!(tailMass > 0) || atomNext < 0) return false;
        System.arraycopy(mass, 0, est, 0, n);                         // backward Euler into est (midFactor is free now)
        midFactor.factor(tau, rightEnd, leftEnd, sinkEnd, n);
        midFactor.solve(est);
        double eulerMass = 0;
        for (int i = 0; i < n; i++) if (next[i] < TAIL_MASS) eulerMass += est[i];
        if (!(eulerMass > 0)) return false;
        double scale = tailMass / eulerMass, change = 0;
        for (int i = 0; i < n; i++) {
            if (next[i] < TAIL_MASS) {
                double repaired = scale * est[i];
                change += Math.abs(repaired - next[i]);
                next[i] = repaired;
            }
        }
        lastRepair = change;
        return true;
    }

    /** The L1 change the last trial's tail repair made (0 when none). */
    double repair() { return lastRepair; }

    private static double estimate(double fStart, double stageChange, double endChange, double twoOverGamma) {
        double fMid = twoOverGamma * stageChange - fStart;
        double fEnd = endChange / D;
        return 2 * LTE * (fStart / GAMMA - fMid / (GAMMA * (1 - GAMMA)) + fEnd / (1 - GAMMA));
    }

    private Outcome backwardEuler(double tau) {
        endFactor.factor(tau, rightEnd, leftEnd, sinkEnd, n);
        System.arraycopy(mass, 0, next, 0, n);
        endFactor.solve(next);
        atomNext = atom + tau * sinkEnd * next[0];
        lastError = Double.NaN;
        return Outcome.DONE;
    }

    /**
     * After a TR-BDF2 trial that came out negative: replaces it by the backward Euler step to the
     * same box (kept for {@link #commit}) and returns Σ|Euler − TR-BDF2|, an estimate of the
     * Euler step's local error (TR-BDF2 being of higher order).
     */
    double eulerGap() {
        System.arraycopy(next, 0, est, 0, n);
        double atomTr = atomNext;
        backwardEuler(lastTau);                     // rightEnd, leftEnd and sinkEnd still hold this trial's L(t + τ)
        double gap = Math.abs(atomNext - atomTr);
        for (int i = 0; i < n; i++) gap += Math.abs(next[i] - est[i]);
        return gap;
    }

    /** Estimated local error of the last TR-BDF2 trial, as an L1 distance in probability (NaN when not estimating). */
    double error() { return lastError; }

    /** Accepts the last trial. */
    void commit() {
        double[] t = mass; mass = next; next = t;
        t = rightN; rightN = rightEnd; rightEnd = t;
        t = leftN; leftN = leftEnd; leftEnd = t;
        sinkN = sinkEnd;
        startRatesValid = true;              // the end operator of this step is the start operator of the next
        t = a; a = aEnd; aEnd = t;
        t = b; b = bEnd; bEnd = t;
        atom = atomNext;
        lo = loEnd;
        dx = dxEnd;
        loRate = loRateEnd;
        dxRate = dxRateEnd;
    }

    /** Remembers the committed state, for {@link #restore}. */
    void save() {
        System.arraycopy(mass, 0, savedMass, 0, n);
        System.arraycopy(a, 0, savedA, 0, n);
        System.arraycopy(b, 0, savedB, 0, n);
        savedAtom = atom;
        savedLo = lo;
        savedDx = dx;
        savedLoRate = loRate;
        savedDxRate = dxRate;
    }

    /** Goes back to the state of the last {@link #save}. */
    void restore() {
        System.arraycopy(savedMass, 0, mass, 0, n);
        System.arraycopy(savedA, 0, a, 0, n);
        System.arraycopy(savedB, 0, b, 0, n);
        startRatesValid = false;
        atom = savedAtom;
        lo = savedLo;
        dx = savedDx;
        loRate = savedLoRate;
        dxRate = savedDxRate;
    }

    /**
     * Mass rates across the faces for A, B at the centres of cells of size {@code cell} whose
     * faces move at {@code vLo + k·vDx}: from cell f to f+1 at {@code right[f]·m_f}, back at
     * {@code left[f]·m_{f+1}}. Returns the rate at which the first cell's mass flows into the atom
     * at an absorbing wall (0 when there is none or the box is away from the wall).
     */
    private double rates(double[] drift, double[] diffusion, double boxLo, double cell, double vLo, double vDx, double[] right, double[] left) {
        double inv = 1 / cell;
        double relLeft = drift[0] - (vLo + 0.5 * vDx);
        double sink = absorbing && boxLo == 0 ? Math.max(0, diffusion[0] * inv - 0.5 * relLeft) * inv : 0;
        for (int f = 0; f < n - 1; f++) {
            double relRight = drift[f + 1] - (vLo + (f + 1.5) * vDx);
            FaceFlux.weightsPerInverse(relLeft, diffusion[f], relRight, diffusion[f + 1], inv, w);
            right[f] = w[0] * inv;          // J = w_L P_L − w_R P_R with P = m/Δx
            left[f] = w[1] * inv;
            relLeft = relRight;
        }
        return sink;
    }

    /** out = G·v for the face rates (flux form: what leaves one cell enters its neighbour; the sink leaves cell 0). */
    private void apply(double[] right, double[] left, double sink, double[] v, double[] out) {
        double inflow = 0;                 // flux through the face to the left of cell i, into i
        for (int i = 0; i < n - 1; i++) {
            double flux = right[i] * v[i] - left[i] * v[i + 1];
            out[i] = inflow - flux;
            inflow = flux;
        }
        out[n - 1] = inflow;
        out[0] -= sink * v[0];
    }

    /** The semi-discrete dm/dt of the masses v at the committed box and its velocity. */
    void rate(double[] v, double[] out) {
        sinkN = rates(a, b, lo, dx, loRate, dxRate, rightN, leftN);
        startRatesValid = true;
        apply(rightN, leftN, sinkN, v, out);
    }

    /** Velocity of the centre of cell i. */
    double velocity(int i) { return loRate + (i + 0.5) * dxRate; }

    double lo() { return lo; }

    double hi() { return lo + n * dx; }

    double dx() { return dx; }

    double centre(int i) { return lo + (i + 0.5) * dx; }

    /** Mass of cell i (the atom at an absorbing wall not included). */
    double mass(int i) { return mass[i]; }

    /** Probability absorbed at the wall x = 0 so far: the atom and what it handed back when the box left the wall. */
    double absorbed() { return atom + released; }

    /** Probability held at an absorbing wall x = 0 (0 elsewhere). */
    double atom() { return atom; }

    double totalMass() {
        double s = atom;
        for (int i = 0; i < n; i++) s += mass[i];
        return s;
    }

    /** Mean, the atom counted at x = 0. */
    double mean() {
        double s = 0, m = atom;
        for (int i = 0; i < n; i++) { s += centre(i) * mass[i]; m += mass[i]; }
        return s / m;
    }

    /**
     * The rates at which the cloud's mean and variance change: {⟨A⟩, 2⟨(x − m)A⟩ + ⟨B⟩} (the atom
     * at an absorbing x = 0 does not move).
     */
    void momentRates(double[] out) {
        double mu = mean(), m = atom, da = 0, dv = 0;
        for (int i = 0; i < n; i++) {
            da += a[i] * mass[i];
            dv += (2 * (centre(i) - mu) * a[i] + b[i]) * mass[i];
            m += mass[i];
        }
        out[0] = da / m;
        out[1] = dv / m;
    }

    /** Variance, the atom counted at x = 0. */
    double variance() {
        double mu = mean(), s = atom * mu * mu, m = atom;
        for (int i = 0; i < n; i++) { double e = centre(i) - mu; s += e * e * mass[i]; m += mass[i]; }
        return s / m;
    }

    /** Mass in the first {@code k} cells and the atom. */
    double lowBand(int k) {
        double s = atom;
        for (int i = 0; i < k; i++) s += mass[i];
        return s;
    }

    /** Mass in the last {@code k} cells. */
    double highBand(int k) {
        double s = 0;
        for (int i = n - k; i < n; i++) s += mass[i];
        return s;
    }

    /**
     * The smallest interval of whole cells that leaves at most {@code tail} of the probability
     * outside on each side (the atom counting as the first cell's), written as {lo, hi} into
     * {@code out}.
     */
    void support(double tail, double[] out) {
        double s = atom;
        int i = 0;
        while (i < n - 1 && s + mass[i] <= tail) s += mass[i++];
        s = 0;
        int j = n - 1;
        while (j > i && s + mass[j] <= tail) s += mass[j--];
        out[0] = lo + i * dx;
        out[1] = lo + (j + 1) * dx;
    }

    /**
     * The largest cell Péclet number |A − v|·Δx/(B/2) over cells holding more than
     * {@code floor} of the probability and with B > 0 (above 2 the flux adds diffusion).
     */
    double maxPeclet(double floor) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (mass[i] > floor && b[i] > 0) max = Math.max(max, Math.abs(a[i] - velocity(i)) * dx / (0.5 * b[i]));
        }
        return max;
    }
}
