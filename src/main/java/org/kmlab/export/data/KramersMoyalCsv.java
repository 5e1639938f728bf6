package org.kmlab.export.data;

import org.kmlab.model.LatticeWalls;
import org.kmlab.model.Model;
import org.kmlab.run.ModelCurves;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the model's Kramers–Moyal coefficients as CSV, as the KM pane draws them: drift
 * A = M₁, diffusion B = M₂ (Fokker–Planck form ∂P/∂t = −∂(AP) + ½∂²(BP)), and M₃/3!, M₄/4!, all
 * in x = n/Ω units per unit time (Kramers 1940, Moyal 1949; van Kampen, Stochastic Processes in
 * Physics and Chemistry, ch. VIII).
 * <ul>
 *   <li>1 species: {@code x,A,B,M3/3!,M4/4!};</li>
 *   <li>2 or more: {@code species,x,A,B,M3/3!,M4/4!}, along each species' axis with the other
 *       species held at the given point (the chart's panels).</li>
 * </ul>
 */
public final class KramersMoyalCsv {
    /** Points per species, as in the chart. */
    public static final int POINTS = 200;

    private KramersMoyalCsv() {}

    /**
     * @param ranges {@code ranges[s] = {lo, hi}}, the x range along species s (x units)
     * @param walls  the lattice walls of a one-species model: the curves stop there, as in the pane
     * @param at     the point the other species are held at (x units)
     */
    public static void write(Model model, List<String> speciesNames, double[][] ranges, LatticeWalls walls, double[] at, Writer out) throws IOException {
        int d = speciesNames.size();
        out.write(d == 1 ? "x,A,B,M3/3!,M4/4!\n" : "species,x,A,B,M3/3!,M4/4!\n");
        StringBuilder row = new StringBuilder(96);
        for (int s = 0; s < d; s++) {
            double[][] c = ModelCurves.kramersMoyal(model, walls, s, at, ranges[s][0], ranges[s][1], POINTS, 4);
            for (int i = 0; i < POINTS; i++) {
                row.setLength(0);
                if (d > 1) row.append(speciesNames.get(s)).append(',');
                row.append(Decimal.of(c[0][i])).append(',').append(Decimal.of(c[1][i])).append(',').append(Decimal.of(2 * c[2][i]))   // row 2 is M₂/2!, B is M₂
                        .append(',').append(Decimal.of(c[3][i])).append(',').append(Decimal.of(c[4][i])).append('\n');
                out.append(row);
            }
        }
    }
}
