package org.kmlab.solve.fp;

/**
 * Conservative, positive transport of a 1-D piecewise-parabolic density: the kernel of the 2-D
 * solver's drift sweeps (a semi-Lagrangian step) and of its grid changes (a remap).
 *
 * <p>Cell averages ρ_j on unit cells [j, j+1] are reconstructed as parabolas (the piecewise
 * parabolic method of Colella &amp; Woodward 1984: fourth-order face values
 * {@code (7(ρ_{j−1}+ρ_j) − (ρ_{j−2}+ρ_{j+1}))/12}, mirror images of the line beyond its ends),
 * held in Bernstein form {@code b₀(1−s)² + 2b₁s(1−s) + b₂s²} with {@code b₀, b₂} the face values and
 * {@code b₁ = 3ρ − b₀ − b₂}, so the parabola's average is ρ. Where a coefficient is negative the
 * parabola is pulled towards its average just enough to make all three non-negative (the scaling
 * limiter of Zhang &amp; Shu 2010, here on Bernstein coefficients): it leaves smooth positive data
 * untouched, so peaks are not clipped as a monotonicity limiter would.
 *
 * <p>A target cell k receives the integral of the reconstruction over a source interval
 * [D_k, D_{k+1}] (positions in source cells): for transport, D_k is the departure point of face k
 * traced back along the velocity (conservative semi-Lagrangian form, as in Lin &amp; Rood 1996 and
 * Zerroukat et al. 2002), so any Courant number is allowed as long as faces do not cross; for a
 * remap, D_k is the target face in source units. Integrals over parts of a cell are sums of
 * products of non-negative numbers (de Casteljau / blossom forms of the Bernstein polynomial),
 * so every target value is ≥ 0 in floating point, not only in exact arithmetic. Mass is
 * conserved up to rounding because the intervals tile the source line.
 *
 * <p>Buffers are grown on demand and reused: no allocation once warm. Not thread-safe.
 */
final class ParabolicTransport {
    private double[] b0 = new double[0], b1 = b0, b2 = b0, whole = b0, face = b0, departure = b0;

    private void ensure(int n) {
        if (b0.length >= n + 2) return;
        int m = Math.max(n + 2, 2 * b0.length);
        b0 = new double[m]; b1 = new double[m]; b2 = new double[m];
        whole = new double[m]; face = new double[m]; departure = new double[m];
    }

    /** ρ at index i of a line of n cells, mirrored at both ends (i in [−2, n+1]). */
    private static double mirrored(double[] rho, int from, int stride, int n, int i) {
        if (i < 0) i = -1 - i;
        if (i >= n) i = 2 * n - 1 - i;
        if (i < 0) i = 0;                 // lines of one or two cells
        return rho[from + i * stride];
    }

    /** The fourth-order face value from the two cells beside the face (a, b) and the next two out (c, d). */
    private static double face(double a, double b, double c, double d) {
        double inner = a + b, outer = c + d;
        return (7 * inner - outer) * (1.0 / 12);
    }

    private static double edgeFace(double[] rho, int from, int stride, int n, int k) {
        return face(mirrored(rho, from, stride, n, k - 1), mirrored(rho, from, stride, n, k),
                mirrored(rho, from, stride, n, k - 2), mirrored(rho, from, stride, n, k + 1));
    }

    /**
     * Fills the Bernstein coefficients of the n cells {@code rho[from + j·stride]} (non-negative
     * averages in, non-negative coefficients out).
     */
    private void reconstruct(double[] rho, int from, int stride, int n) {
        ensure(n);
        double[] f = face;
        if (n >= 4) {
            for (int k = 2, c = from + stride; k <= n - 2; k++, c += stride) {
                f[k] = (7 * (rho[c] + rho[c + stride]) - (rho[c - stride] + rho[c + 2 * stride])) * (1.0 / 12);
            }
            // the mirrored neighbours of the end faces written out (edgeFace's operands, in its order)
            double r0 = rho[from], r1 = rho[from + stride], r2 = rho[from + 2 * stride];
            int last = from + (n - 1) * stride;
            double s0 = rho[last], s1 = rho[last - stride], s2 = rho[last - 2 * stride];
            f[0] = face(r0, r0, r1, r1);
            f[1] = face(r0, r1, r0, r2);
            f[n - 1] = face(s1, s0, s2, s0);
            f[n] = face(s0, s0, s1, s1);
        } else {
            for (int k = 0; k <= n; k++) f[k] = edgeFace(rho, from, stride, n, k);
        }
        for (int j = 0, c = from; j < n; j++, c += stride) {
            double avg = rho[c], l = f[j], r = f[j + 1], m = 3 * avg - l - r;
            if (l < 0 || m < 0 || r < 0) {        // pull towards the average until the least is 0
                double least = Math.min(l, Math.min(m, r)), theta = avg / (avg - least);
                l = Math.max(0, avg + theta * (l - avg));
                m = Math.max(0, avg + theta * (m - avg));
                r = Math.max(0, avg + theta * (r - avg));
            }
            b0[j] = l;
            b1[j] = m;
            b2[j] = r;
            whole[j] = avg;
        }
    }

    /** ∫ of cell j's parabola over [s1, s2] ⊂ [0, 1], in units of (density × cell): the blossom form. */
    private double piece(int j, double s1, double s2) {
        double u1 = 1 - s1, u2 = 1 - s2, p = b0[j], q = b1[j], r = b2[j];
        double c0 = p * u1 * u1 + 2 * q * u1 * s1 + r * s1 * s1;
        double c1 = p * u1 * u2 + q * (u1 * s2 + s1 * u2) + r * s1 * s2;
        double c2 = p * u2 * u2 + 2 * q * u2 * s2 + r * s2 * s2;
        return (s2 - s1) * (c0 + c1 + c2) * (1.0 / 3);
    }

    /**
     * {@code target[to + k·stride] = scale · ∫ over [D_k, D_{k+1}]} (source cells, non-decreasing,
     * inside [0, n]) for k &lt; targets: a merge of the departure points with the source cells.
     * The target may be the source itself (the reconstruction holds everything needed). A cell
     * first cut at e is split by one de Casteljau step into [0, e] and [e, 1] (a few
     * multiplications); a cell cut twice (strong compression) uses the blossom form.
     */
    private void integrate(int n, int targets, double[] target, int to, int stride, double scale) {
        double[] d = departure;
        double s = d[0];
        int j = Math.min((int) s, n - 1);
        s -= j;
        double tail = Double.NaN;             // ∫ over [s, 1] of cell j when already known
        for (int k = 0, c = to; k < targets; k++, c += stride) {
            double b = d[k + 1], sum = 0;
            while (b >= j + 1 && j < n - 1) {     // the rest of cell j belongs to target k
                if (s == 0) sum += whole[j];
                else if (s < 1) sum += tail == tail ? tail : piece(j, s, 1);
                j++;
                s = 0;
                tail = Double.NaN;
            }
            double e = b - j < 1 ? b - j : 1;
            if (e > s) {
                if (s == 0 && e < 1) {            // first cut of cell j
                    double u = 1 - e, p = b0[j], q = b1[j], r = b2[j];
                    double left = p * u + q * e, right = q * u + r * e, at = left * u + right * e;
                    sum += e * (p + left + at) * (1.0 / 3);
                    tail = u * (at + right + r) * (1.0 / 3);
                } else if (s == 0) {
                    sum += whole[j];
                } else if (e == 1 && tail == tail) {
                    sum += tail;
                } else {
                    sum += piece(j, s, e);
                    tail = Double.NaN;
                }
                s = e;
            }
            target[c] = sum * scale;
        }
    }

    /**
     * Moves the densities {@code rho[from + j·stride]}, j &lt; n (cells of unit length), along the
     * velocity {@code w[0..n]} given at the faces in cells per unit time, over {@code tau}. The end
     * faces do not move (zero flux: w[0] and w[n] are ignored). Departure points are traced back
     * with the midpoint rule, the velocity at the midpoint from the face velocities' central
     * slope (second order); the caller keeps {@code tau·|w_{k+1} − w_k|} below 1 so that faces do
     * not cross (they are kept ordered regardless, which only matters for a step too long anyway).
     */
    void advect(double[] rho, int from, int stride, int n, double[] w, double tau) {
        reconstruct(rho, from, stride, n);
        double[] d = departure;
        d[0] = 0;
        d[n] = n;
        double half = 0.5 * tau;
        for (int k = 1; k < n; k++) {
            // midpoint rule: d = k − τ·w(k − τw/2), with w(k − δ) ≈ w_k − δ·(w_{k+1} − w_{k−1})/2
            double wk = w[k], slope = 0.5 * (w[k + 1] - w[k - 1]);
            double x = k - tau * (wk - half * wk * slope);
            // not Math.max/min: their NaN and −0 handling costs a long dependency chain through d[k − 1] (same values here)
            double prev = d[k - 1];
            d[k] = x < prev ? prev : x > n ? n : x;
        }
        integrate(n, n, rho, from, stride, 1);
    }

    /**
     * Remaps the densities of {@code n} source cells of size {@code hs} starting at {@code s0}
     * onto {@code m} target cells of size {@code ht} starting at {@code t0} (same units), writing
     * densities to {@code target[to + k·targetStride]}. Source mass beyond the target's ends is put
     * into the end cells (conservation first); returns that mass (density × length units).
     */
    double remap(double[] source, int from, int stride, int n, double s0, double hs,
                 double[] target, int to, int targetStride, int m, double t0, double ht) {
        ensure(Math.max(n, m));
        reconstruct(source, from, stride, n);
        double outside = 0;
        for (int k = 0; k <= m; k++) departure[k] = Math.min(n, Math.max(0, (t0 + k * ht - s0) / hs));
        double first = departure[0], last = departure[m];
        departure[0] = 0;
        departure[m] = n;
        integrate(n, m, target, to, targetStride, hs / ht);
        if (first > 0) outside += integral(0, first);
        if (last < n) outside += integral(last, n);
        return outside * hs;
    }

    /** ∫ of the reconstruction over [a, b] in source cells (after {@link #reconstruct}). */
    private double integral(double a, double b) {
        double sum = 0;
        for (int j = (int) a; j < b; j++) {
            double lo = Math.max(a, j), hi = Math.min(b, j + 1);
            if (hi > lo) sum += piece(j, lo - j, hi - j);
        }
        return sum;
    }
}
