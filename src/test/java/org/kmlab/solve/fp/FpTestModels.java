package org.kmlab.solve.fp;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.solve.Density1D;

import java.nio.file.Path;

/** Presets and exact reference densities shared by the Fokker–Planck tests. */
final class FpTestModels {
    private FpTestModels() {}

    static Model preset(String id) {
        return PresetIO.read(Path.of("presets", id + ".json")).model();
    }

    /** L1 distance Σ|p_i − p̄_i|·dx between a density and the cell averages of N(mean, var). */
    static double l1ToGaussian(Density1D d, double mean, double var) {
        double sd = Math.sqrt(2 * var), sum = 0, dx = d.dx();
        for (int i = 0; i < d.size(); i++) {
            double a = d.x(i) - 0.5 * dx, b = d.x(i) + 0.5 * dx;
            double cellMass = 0.5 * Erf.erf((a - mean) / sd, (b - mean) / sd);
            sum += Math.abs(d.density(i) * dx - cellMass);
        }
        // probability of the Gaussian outside the grid counts as error too
        double lo = d.x(0) - 0.5 * dx, hi = d.x(d.size() - 1) + 0.5 * dx;
        sum += 0.5 * Erf.erfc((hi - mean) / sd) + 0.5 * Erf.erfc((mean - lo) / sd);
        return sum;
    }

    /** Σ_n |P_FP(n) − Poisson(n; λ)| with P_FP(n) the FP probability on the lattice cell [n − ½, n + ½]/Ω. */
    static double l1ToPoisson(Density1D d, double omega, double lambda) {
        double h = 1 / omega, dx = d.dx();
        double lo = d.x(0) - 0.5 * dx, hi = d.x(d.size() - 1) + 0.5 * dx;
        long nMax = (long) Math.ceil(hi * omega + 0.5);
        double sum = 0, poissonSeen = 0;
        int i = 0;
        for (long n = 0; n <= nMax; n++) {
            double a = Math.max(lo, (n - 0.5) * h), b = (n + 0.5) * h, fp = 0;
            while (i < d.size() && lo + (i + 1) * dx <= a) i++;
            for (int j = i; j < d.size() && lo + j * dx < b; j++) {
                double overlap = Math.min(b, lo + (j + 1) * dx) - Math.max(a, lo + j * dx);
                if (overlap > 0) fp += overlap * d.density(j);
            }
            double pois = Math.exp(n * Math.log(lambda) - lambda - Gamma.logGamma(n + 1.0));
            poissonSeen += pois;
            sum += Math.abs(fp - pois);
        }
        return sum + Math.max(0, 1 - poissonSeen);
    }
}
