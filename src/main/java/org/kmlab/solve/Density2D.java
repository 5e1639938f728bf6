package org.kmlab.solve;

/**
 * A probability density on a uniform 2-D grid in x units, row-major by y:
 * {@code p[j·nx + i]} is the density at {@code (x0 + i·dx, y0 + j·dy)}; {@code Σ p·dx·dy} is the
 * probability on the grid.
 */
public record Density2D(double x0, double dx, int nx, double y0, double dy, int ny, double[] p) {
    public Density2D {
        if (p.length != nx * ny) throw new IllegalArgumentException("p has " + p.length + " values, expected " + nx + "×" + ny);
        p = p.clone();
    }

    @Override public double[] p() { return p.clone(); }

    public double x(int i) { return x0 + i * dx; }

    public double y(int j) { return y0 + j * dy; }

    public double density(int i, int j) { return p[j * nx + i]; }

    public double mass() {
        double m = 0;
        for (double v : p) m += v;
        return m * dx * dy;
    }

    /** Marginal density of x (axis 0) or y (axis 1). */
    public Density1D marginal(int axis) {
        if (axis == 0) {
            double[] q = new double[nx];
            for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) q[i] += p[j * nx + i] * dy;
            return new Density1D(x0, dx, q);
        }
        double[] q = new double[ny];
        for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) q[j] += p[j * nx + i] * dx;
        return new Density1D(y0, dy, q);
    }
}
