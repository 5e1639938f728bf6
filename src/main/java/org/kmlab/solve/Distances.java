package org.kmlab.solve;

import org.apache.commons.math3.special.Erf;

/**
 * Distances between two probability densities that may live on different grids (a CME lattice, an
 * FP grid, an SSA histogram, an LNA Gaussian), and the cell averages of a Gaussian on a grid.
 *
 * <p>Both densities are read as piecewise constant: cell {@code i} of a {@link Density1D} covers
 * {@code [x(i) − dx/2, x(i) + dx/2]} and holds mass {@code p[i]·dx}. {@code other} is rebinned onto
 * {@code reference}'s cells by exact overlap integration (each of its cells spreads its mass over
 * the reference cells in proportion to the length, or area in 2-D, they share), so rebinning
 * conserves mass; what lies outside the reference grid is kept aside as "outside mass".
 *
 * <ul>
 *   <li><b>L1</b> (total variation ×2) of the two measures as given, not renormalised:
 *       {@code Σ|p − q|·dx + (mass of other outside the reference grid)}. Two probability
 *       densities with disjoint supports are at 2, identical ones at 0. Mass missing from both
 *       (e.g. a truncated lattice) is not counted; mass missing from one is, through |p − q|.
 *       The resolution is the reference grid's: differences inside one reference cell are not seen.</li>
 *   <li><b>Hellinger</b> of the two densities each normalised by its own total mass (the other's
 *       counting its outside part): {@code H = sqrt(max(0, 1 − Σ sqrt(p q)·dx / sqrt(M_p M_q)))},
 *       in [0, 1]; 1 for disjoint supports. A density of zero mass is at distance 1 from anything.</li>
 * </ul>
 *
 * <p>Units are x units (x = n/Ω) throughout. Static helpers; no state.
 */
public final class Distances {
    private Distances() {}

    // ---------------------------------------------------------------- 1-D

    /** L1 distance ∫|p − q| dx, with {@code other} rebinned onto {@code reference}'s cells (see class doc). */
    public static double l1(Density1D reference, Density1D other) {
        double[] q = rebin(other, reference);
        double dx = reference.dx();
        double inside = 0, sum = 0;
        for (int i = 0; i < q.length; i++) {
            sum += Math.abs(reference.density(i) - q[i]);
            inside += q[i];
        }
        double outside = Math.max(0, other.mass() - inside * dx);
        return sum * dx + outside;
    }

    /** Hellinger distance of the two mass-normalised densities, other rebinned onto reference (see class doc). */
    public static double hellinger(Density1D reference, Density1D other) {
        double[] q = rebin(other, reference);
        double bc = 0;
        for (int i = 0; i < q.length; i++) bc += Math.sqrt(Math.max(0, reference.density(i)) * Math.max(0, q[i]));
        return hellingerFromAffinity(bc * reference.dx(), reference.mass(), other.mass());
    }

    /**
     * The densities of {@code source} averaged over {@code target}'s cells, by exact overlap of the
     * piecewise-constant cells; mass outside target's grid is dropped (so
     * {@code Σ result·target.dx = source.mass − outside mass}).
     */
    public static double[] rebin(Density1D source, Density1D target) {
        Overlap ov = Overlap.of(source.x0(), source.dx(), source.size(), target.x0(), target.dx(), target.size());
        double[] mass = new double[target.size()];
        for (int j = 0; j < source.size(); j++) {
            double q = source.density(j);
            if (q == 0) continue;
            for (int k = 0; k < ov.length[j].length; k++) mass[ov.first[j] + k] += q * ov.length[j][k];
        }
        for (int i = 0; i < mass.length; i++) mass[i] /= target.dx();
        return mass;
    }

    /**
     * The Gaussian N(mean, variance) on {@code grid}'s cells: each value is the exact cell average
     * {@code (Φ(b) − Φ(a))/dx} from erf differences, so the result's mass is the Gaussian probability
     * of the grid's span. Variance 0 is a point mass: density 1/dx in the cell holding the mean
     * (nothing if the mean is off the grid).
     */
    public static Density1D gaussianOn(Density1D grid, double mean, double variance) {
        return new Density1D(grid.x0(), grid.dx(), gaussianCells(grid.x0(), grid.dx(), grid.size(), mean, variance));
    }

    /** Cell averages of N(mean, variance) on n cells centred at x0 + i·dx. */
    static double[] gaussianCells(double x0, double dx, int n, double mean, double variance) {
        if (!(variance >= 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("need a finite mean and variance ≥ 0, got " + mean + ", " + variance);
        }
        double[] p = new double[n];
        if (variance == 0) {
            long i = Math.round((mean - x0) / dx);
            if (i >= 0 && i < n) p[(int) i] = 1 / dx;
            return p;
        }
        double scale = 1 / Math.sqrt(2 * variance);
        for (int i = 0; i < n; i++) {
            double a = (x0 + (i - 0.5) * dx - mean) * scale;
            double b = (x0 + (i + 0.5) * dx - mean) * scale;
            p[i] = 0.5 * Erf.erf(a, b) / dx;   // erf(a, b) = erf(b) − erf(a), accurate in the tails
        }
        return p;
    }

    // ---------------------------------------------------------------- 2-D

    /** L1 distance in 2-D, other rebinned onto reference's cells; same conventions as the 1-D one. */
    public static double l1(Density2D reference, Density2D other) {
        double[] q = rebin(other, reference);
        double[] p = reference.p();
        double area = reference.dx() * reference.dy();
        double inside = 0, sum = 0;
        for (int i = 0; i < q.length; i++) {
            sum += Math.abs(p[i] - q[i]);
            inside += q[i];
        }
        double outside = Math.max(0, other.mass() - inside * area);
        return sum * area + outside;
    }

    /** Hellinger distance in 2-D of the two mass-normalised densities. */
    public static double hellinger(Density2D reference, Density2D other) {
        double[] q = rebin(other, reference);
        double[] p = reference.p();
        double bc = 0;
        for (int i = 0; i < q.length; i++) bc += Math.sqrt(Math.max(0, p[i]) * Math.max(0, q[i]));
        return hellingerFromAffinity(bc * reference.dx() * reference.dy(), reference.mass(), other.mass());
    }

    /** 2-D rebinning by exact overlap areas (the product of the x and y overlaps); row-major by y like Density2D. */
    public static double[] rebin(Density2D source, Density2D target) {
        Overlap ox = Overlap.of(source.x0(), source.dx(), source.nx(), target.x0(), target.dx(), target.nx());
        Overlap oy = Overlap.of(source.y0(), source.dy(), source.ny(), target.y0(), target.dy(), target.ny());
        double[] src = source.p();
        double[] mass = new double[target.nx() * target.ny()];
        int tnx = target.nx();
        for (int jy = 0; jy < source.ny(); jy++) {
            double[] ly = oy.length[jy];
            if (ly.length == 0) continue;
            for (int jx = 0; jx < source.nx(); jx++) {
                double q = src[jy * source.nx() + jx];
                double[] lx = ox.length[jx];
                if (q == 0 || lx.length == 0) continue;
                for (int ky = 0; ky < ly.length; ky++) {
                    int row = (oy.first[jy] + ky) * tnx + ox.first[jx];
                    double qy = q * ly[ky];
                    for (int kx = 0; kx < lx.length; kx++) mass[row + kx] += qy * lx[kx];
                }
            }
        }
        double area = target.dx() * target.dy();
        for (int i = 0; i < mass.length; i++) mass[i] /= area;
        return mass;
    }

    /**
     * The bivariate Gaussian N(mean, cov) on {@code grid}'s cells. Each cell value is the density
     * averaged by a 4×4 Gauss–Legendre rule over the cell (exact for polynomials of degree 7 per
     * axis), which matches the exact cell average closely while the cells are smaller than about
     * one standard deviation; for coarser cells prefer the 1-D marginals. With zero covariance
     * (independent axes, including a point mass such as the LNA at t = 0) the cell averages are
     * exact: the product of the 1-D ones. A singular covariance with correlated axes (all mass on
     * a slanted line) is smoothed by adding each
     * axis's within-cell uniform variance dx²/12, dy²/12 to the diagonal, so the result is still a
     * density that puts (almost) all its mass in the cells the degenerate law charges.
     */
    public static Density2D gaussianOn(Density2D grid, double[] mean, double[][] cov) {
        double sxx = cov[0][0], syy = cov[1][1], sxy = 0.5 * (cov[0][1] + cov[1][0]);
        if (!(sxx >= 0 && syy >= 0) || !Double.isFinite(sxy) || !Double.isFinite(mean[0]) || !Double.isFinite(mean[1])) {
            throw new IllegalArgumentException("need a finite mean and a covariance with non-negative variances");
        }
        int nx = grid.nx(), ny = grid.ny();
        if (sxy == 0) {   // independent axes: exact cell averages, also for zero variances (point masses)
            double[] px = gaussianCells(grid.x0(), grid.dx(), nx, mean[0], sxx);
            double[] py = gaussianCells(grid.y0(), grid.dy(), ny, mean[1], syy);
            double[] p = new double[nx * ny];
            for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) p[j * nx + i] = px[i] * py[j];
            return new Density2D(grid.x0(), grid.dx(), nx, grid.y0(), grid.dy(), ny, p);
        }
        double det = sxx * syy - sxy * sxy;
        if (!(det > 1e-12 * sxx * syy) || det <= 0) {
            sxx += grid.dx() * grid.dx() / 12;
            syy += grid.dy() * grid.dy() / 12;
            det = sxx * syy - sxy * sxy;
        }
        double ixx = syy / det, iyy = sxx / det, ixy = -sxy / det;
        double norm = 1 / (2 * Math.PI * Math.sqrt(det));
        double[] p = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double sum = 0;
                for (int a = 0; a < GL_NODES.length; a++) {
                    double u = grid.x(i) + 0.5 * grid.dx() * GL_NODES[a] - mean[0];
                    for (int b = 0; b < GL_NODES.length; b++) {
                        double v = grid.y(j) + 0.5 * grid.dy() * GL_NODES[b] - mean[1];
                        double q = ixx * u * u + 2 * ixy * u * v + iyy * v * v;
                        sum += GL_WEIGHTS[a] * GL_WEIGHTS[b] * Math.exp(-0.5 * q);
                    }
                }
                p[j * nx + i] = 0.25 * sum * norm;   // weights sum to 2 per axis
            }
        }
        return new Density2D(grid.x0(), grid.dx(), nx, grid.y0(), grid.dy(), ny, p);
    }

    private static final double[] GL_NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GL_WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

    // ---------------------------------------------------------------- shared

    private static double hellingerFromAffinity(double affinity, double massP, double massQ) {
        if (!(massP > 0) || !(massQ > 0)) return 1;
        double h2 = 1 - affinity / Math.sqrt(massP * massQ);
        return Math.sqrt(Math.min(1, Math.max(0, h2)));
    }

    /** Per source cell j: the first target cell it touches and the overlap length with each target cell from there. */
    private static final class Overlap {
        final int[] first;
        final double[][] length;

        private Overlap(int n) {
            first = new int[n];
            length = new double[n][];
        }

        static Overlap of(double sx0, double sdx, int sn, double tx0, double tdx, int tn) {
            Overlap ov = new Overlap(sn);
            double edge0 = tx0 - 0.5 * tdx;
            for (int j = 0; j < sn; j++) {
                double lo = sx0 + (j - 0.5) * sdx, hi = lo + sdx;
                int iLo = (int) Math.max(0, Math.floor((lo - edge0) / tdx));
                int iHi = (int) Math.min(tn - 1, Math.floor((hi - edge0) / tdx));
                if (iHi < iLo) {
                    ov.length[j] = new double[0];
                    continue;
                }
                ov.first[j] = iLo;
                double[] len = new double[iHi - iLo + 1];
                for (int i = iLo; i <= iHi; i++) {
                    double a = Math.max(lo, edge0 + i * tdx), b = Math.min(hi, edge0 + (i + 1) * tdx);
                    len[i - iLo] = Math.max(0, b - a);
                }
                ov.length[j] = len;
            }
            return ov;
        }
    }
}
