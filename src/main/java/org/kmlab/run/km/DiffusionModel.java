package org.kmlab.run.km;

import org.kmlab.model.Formula;
import org.kmlab.model.Model;
import org.kmlab.model.ModelBuilder;

import java.util.Map;

/**
 * A model whose Kramers–Moyal drift and diffusion are given tables (estimates), so the project's
 * own solvers can run it: a walker on a lattice of spacing h = 1/Ω that steps right at
 * B/(2h²) + max(0, A)/h and left at B/(2h²) + max(0, −A)/h, the seed's Ornstein–Uhlenbeck
 * construction with A and B in place of −θx and D. Its coefficients are A exactly and B + h|A|;
 * h is chosen so that h|A| ≤ 10⁻³·B over the table (and ≤ 10⁻³ of its span), so the Fokker–Planck
 * solver sees the estimated B to 0.1 %.
 *
 * <p>The formula language has no tables, but a straight-line interpolant is a sum of clamped
 * ramps, f(x) = y₀ + Σᵢ sᵢ·min(max(x − xᵢ, 0), xᵢ₊₁ − xᵢ), which it writes with {@code min} and
 * {@code max}: constant beyond the ends, as {@link DiffusionCoefficients} is. So no new node was
 * needed, and the model prints and reads back like any other.
 */
public final class DiffusionModel {
    private DiffusionModel() {}

    /**
     * @param x0     the initial state, x units
     * @param signed whether the variable may go below 0 (a count may not: x = 0 is then a wall)
     */
    public static Model of(DiffusionCoefficients c, double x0, boolean signed) {
        double ratio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) if (c.a(i) != 0) ratio = Math.min(ratio, c.b(i) / Math.abs(c.a(i)));
        double h = Math.min(1e-3 * ratio, 1e-3 * (c.last() - c.first()));
        double omega = 1 / h;
        Formula x = Formula.apply("*", Formula.name("X"), Formula.name("h"));
        Formula a = interpolant(c, x, true), b = interpolant(c, x, false);
        Formula hop = Formula.apply("/", b, Formula.apply("*", Formula.number(2), Formula.apply("^", Formula.name("h"), Formula.number(2))));
        Formula right = Formula.apply("+", hop, Formula.apply("/", Formula.apply("max", Formula.number(0), a), Formula.name("h")));
        Formula left = Formula.apply("+", hop, Formula.apply("/", Formula.apply("max", Formula.number(0), Formula.apply("neg", a)), Formula.name("h")));
        long n0 = Math.round(x0 * omega);
        ModelBuilder m = ModelBuilder.named("Fokker–Planck from data")
                .description("A diffusion with the drift and diffusion estimated from data, as a fine lattice walk.")
                .omega(omega, omega, omega);
        m = signed ? m.signedSpecies("X", n0) : m.species("X", Math.max(0, n0));
        return m.propensity("step right", Map.of(), Map.of("X", 1), right)
                .propensity("step left", Map.of("X", 1), Map.of(), left)
                .build();
    }

    /** The straight-line interpolant of A (or B) through the table, constant beyond its ends, as a formula of {@code x}. */
    static Formula interpolant(DiffusionCoefficients c, Formula x, boolean drift) {
        Formula f = Formula.number(drift ? c.a(0) : c.b(0));
        for (int i = 0; i + 1 < c.size(); i++) {
            double width = c.x(i + 1) - c.x(i);
            double dy = drift ? c.a(i + 1) - c.a(i) : c.b(i + 1) - c.b(i);
            if (dy == 0) continue;
            Formula ramp = Formula.apply("min", Formula.apply("max", Formula.apply("-", x, Formula.number(c.x(i))), Formula.number(0)), Formula.number(width));
            f = Formula.apply("+", f, Formula.apply("*", Formula.number(dy / width), ramp));
        }
        return f;
    }
}
