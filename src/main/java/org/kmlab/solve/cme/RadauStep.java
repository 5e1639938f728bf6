package org.kmlab.solve.cme;

import org.kmlab.solve.CancellationToken;

/**
 * One step of the 5-stage Radau IIA method (order 9; Ehle 1969, Hairer & Wanner, Solving ODEs II,
 * §IV.5) on the linear master equation p' = Qp of a window. For a linear equation with constant
 * Q the step is {@code p ↦ R(hQ)p} with R the (4,5) Padé approximant of e^z, the method's
 * stability function: L-stable, so a step is set by accuracy, not by the largest rate. It is
 * applied in partial fractions (Gallopoulos & Saad 1992), {@code R(hQ)p = Σ_j r_j (hQ − z_j)^{-1} p},
 * with one real pole and two complex pairs: one real and two complex banded solves
 * ({@link ShiftedBandLu}) per step. The sink is stepped with p as one more state of the
 * system (it receives leakᵀp): its increment {@code h·Σ_j (r_j/z_j) leakᵀ(hQ − z_j)^{-1}p} comes
 * from the same solves, and since {@code 1ᵀQ = −leakᵀ} it equals the mass that p lost, up to
 * rounding (about {@link #ROUNDING_GAIN}·ε per step), which the caller measures and removes. (The increment form {@code p + Σ_j (r_j/z_j)(hQ − z_j)^{-1}hQp} would
 * round less for small steps, but the product hQp carries an absolute rounding of ε·h·Λ that
 * the solves do not damp in the slow directions: 10⁻¹⁰ of mass for a long step.)
 *
 * <p>The local error is estimated by step doubling: {@code R(h)p − R(h/2)²p}, taken whole as the
 * error of the two half steps that are kept (whose own error is about 2⁹ times smaller while
 * the step is in the asymptotic range): a conservative estimate. The exact flow e^{tQ} contracts
 * in L1 (Q is a sub-generator), so these local errors add up to a bound of the global one.
 */
final class RadauStep {
    /** Real pole z₀ and residue r₀ of the (4,5) Padé approximant (mpmath, 50 digits). */
    private static final double Z0 = 6.2867047517292766452, R0 = -273.34328946592193689;
    /** The complex poles with Im z > 0 and their residues; the conjugates complete the sum. */
    private static final double[] ZR = {5.7009532986717894192, 3.6556943254635722582};
    private static final double[] ZI = {3.2102656003085498884, 6.543736899360077294};
    private static final double[] RR = {149.99844659754692662, -15.82680186458595818};
    private static final double[] RI = {68.042279522022687079, -24.125645782244380718};
    /**
     * Σ|r_j/z_j| over the five poles (about 106): the terms of the sum are this many times p, so
     * a step's rounding is about this many ε in L1.
     */
    static final double ROUNDING_GAIN = Math.abs(R0 / Z0) + 2 * (Math.hypot(RR[0], RI[0]) / Math.hypot(ZR[0], ZI[0])
            + Math.hypot(RR[1], RI[1]) / Math.hypot(ZR[1], ZI[1]));

    /**
     * The rounding a step-doubling difference carries, in L1 for unit mass, for a step of h·Λ
     * (Λ the largest exit rate where the probability is, {@link BandOperator#occupiedMaxExit}):
     * measured on birth–death windows held at their stationary law, where the exact difference
     * is 0, at 1–2·{@code ROUNDING_GAIN}·ε for h·Λ ≲ 10, growing to about 10 times that at
     * h·Λ = 4·10⁴ (rounding that excites stiff directions, which R(h) and R(h/2)² damp
     * differently). This is {@code ROUNDING_GAIN·ε·(4 + √(hΛ)/4)}, above all of these.
     * Below it an estimate says nothing about the step, so no tolerance is set below twice this.
     */
    static double noise(double hLambda) {
        return ROUNDING_GAIN * Math.ulp(1.0) * (4 + Math.sqrt(hLambda) / 4);
    }

    /** Residues r₀, Re r₁, Im r₁, Re r₂, Im r₂ and the same for r_j/z_j, for {@link TridiagonalRadau}. */
    private static final double[] RESIDUES = {R0, RR[0], RI[0], RR[1], RI[1]};
    private static final double[] WEIGHTS = weights();

    private static double[] weights() {
        double[] w = new double[5];
        w[0] = R0 / Z0;
        for (int k = 0; k < 2; k++) {
            double den = ZR[k] * ZR[k] + ZI[k] * ZI[k];   // r/z = r·z̄/|z|²
            w[1 + 2 * k] = (RR[k] * ZR[k] + RI[k] * ZI[k]) / den;
            w[2 + 2 * k] = (RI[k] * ZR[k] - RR[k] * ZI[k]) / den;
        }
        return w;
    }

    /** The three factorizations of a step size (real pole, two complex poles), fused when the band is tridiagonal. */
    private static final class Factors {
        final ShiftedBandLu[] lu = {new ShiftedBandLu(), new ShiftedBandLu(), new ShiftedBandLu()};
        final TridiagonalRadau tri = new TridiagonalRadau();
        BandOperator op;
        double h = Double.NaN;

        void prepare(BandOperator q, double step, CancellationToken cancel) {
            if (op == q && h == step) return;
            if (TridiagonalRadau.applies(q)) {
                tri.factor(q, step, Z0, ZR[0], ZI[0], ZR[1], ZI[1]);
            } else {
                lu[0].factor(q, step, Z0, 0, cancel);
                for (int k = 0; k < 2; k++) lu[k + 1].factor(q, step, ZR[k], ZI[k], cancel);
            }
            op = q;
            h = step;
        }
    }

    private final CancellationToken cancel;
    private final Factors whole = new Factors(), half = new Factors();
    private double[] xr = new double[0], xi = new double[0], mid = new double[0];
    private long solves, factorizations;
    private double sunk;

    RadauStep(CancellationToken cancel) {
        this.cancel = cancel;
    }

    long solves() { return solves; }

    long factorizations() { return factorizations; }

    /** The probability the last step's result sent to the sink (two half steps). */
    double sunk() { return sunk; }

    /**
     * On the window of {@code q}: {@code big = R(h)p}, {@code out = R(h/2)²p} (the result), and
     * returns {@code ‖big − out‖₁}, the local error estimate. Allocates only when the window grew.
     */
    double step(BandOperator q, double[] p, double h, double[] big, double[] out) {
        int n = q.n;
        if (xr.length < n) {
            xr = new double[n];
            xi = new double[n];
            mid = new double[n];
        }
        prepare(whole, q, h);
        prepare(half, q, h / 2);
        apply(whole, q, p, big);
        sunk = apply(half, q, p, mid);
        sunk += apply(half, q, mid, out);
        double est = 0;
        for (int i = 0; i < n; i++) est += Math.abs(big[i] - out[i]);
        return est;
    }

    private void prepare(Factors f, BandOperator q, double h) {
        if (f.op == q && f.h == h) return;
        f.prepare(q, h, cancel);
        factorizations += 3;
    }

    /**
     * {@code out = R(hQ)p = −Σ_j r_j (z_j − hQ)^{-1} p} with the factors of f; returns the sink's
     * increment {@code −h·Σ_j (r_j/z_j) leakᵀ(z_j − hQ)^{-1}p}.
     */
    private double apply(Factors f, BandOperator q, double[] p, double[] out) {
        solves += 3;
        if (TridiagonalRadau.applies(q)) return f.tri.apply(p, out, q.leak, RESIDUES, WEIGHTS);
        int n = q.n;
        double[] leak = q.leak;
        f.lu[0].solve(p, xr, xi);
        double l0 = 0;
        for (int i = 0; i < n; i++) {
            out[i] = -R0 * xr[i];
            l0 += leak[i] * xr[i];
        }
        double sunk = -WEIGHTS[0] * l0;
        for (int k = 0; k < 2; k++) {
            f.lu[k + 1].solve(p, xr, xi);
            double rr = 2 * RR[k], ri = 2 * RI[k], lr = 0, li = 0;
            for (int i = 0; i < n; i++) {
                out[i] -= rr * xr[i] - ri * xi[i];
                lr += leak[i] * xr[i];
                li += leak[i] * xi[i];
            }
            sunk -= 2 * (WEIGHTS[1 + 2 * k] * lr - WEIGHTS[2 + 2 * k] * li);
        }
        return f.h * sunk;
    }
}
