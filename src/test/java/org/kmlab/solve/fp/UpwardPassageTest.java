package org.kmlab.solve.fp;

import org.junit.jupiter.api.Test;
import org.kmlab.model.AbsorbingSet;
import org.kmlab.model.Formula;
import org.kmlab.model.KramersTime;
import org.kmlab.model.Model;
import org.kmlab.model.ModelBuilder;
import org.kmlab.model.TestPresets;
import org.kmlab.solve.SolverException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Fokker–Planck mean first-passage time up to a boundary above the start, with x = 0
 * reflecting ({@link BackwardQuadrature#meanTimeUpFromCell}), against closed forms.
 */
class UpwardPassageTest {
    /** Steps up and down at the same constant rate λΩ: A = 0, B = 2λ/Ω everywhere, B(0) &gt; 0 (x = 0 reflects). */
    private static Model flatWalk(double omega, long n0, long top) {
        return ModelBuilder.named("walk").species("X", n0).parameter("lam", 1.5).omega(omega, 1, 1000)
                .propensity("up", Map.of(), Map.of("X", 1), Formula.parse("lam*Omega"))
                .propensity("down", Map.of("X", 1), Map.of(), Formula.parse("lam*Omega"))
                .absorbing(AbsorbingSet.parse(List.of("X >= " + top), "absorbing")).build();
    }

    /**
     * A = 0, B constant: T(x₀) = (c² − x₀²)/B from the point x₀; averaged over the initial cell
     * [x₀ − h/2, x₀ + h/2] the mean of x₀² gains h²/12.
     */
    @Test void flatWalkTakesTheDiffusionTimeOverTheSquares() {
        double omega = 10, b = 2 * 1.5 / omega, x0 = 0.7, c = 3, h = 1 / omega;
        Model m = flatWalk(omega, 7, 30);
        double expected = (c * c - x0 * x0 - h * h / 12) / b;
        assertEquals(expected, ChangCooperFokkerPlanck1D.meanFirstPassage(m), 1e-8 * expected);
        assertEquals(expected, new FokkerPlanckSolver().meanFirstPassage(m).orElseThrow(), 1e-8 * expected);
    }

    /** The same walk into the wall x = 0 cannot be had (B(0) &gt; 0: the wall reflects); the reason is given. */
    @Test void aReflectingWallBelowIsNoAbsorbingBoundary() {
        Model m = flatWalk(10, 7, 30).withAbsorbing(AbsorbingSet.parse(List.of("X <= 0"), "absorbing"));
        SolverException e = assertThrows(SolverException.class, () -> ChangCooperFokkerPlanck1D.meanFirstPassage(m));
        assertTrue(e.getMessage().contains("reflects"), e.getMessage());
    }

    /**
     * Schlögl, from the left well x = 1 into the right one (x ≥ 6) at Ω = 200: Laplace's method on
     * the same integral is Kramers' formula with the Fokker–Planck exponent, so the two agree to
     * O(1/Ω) in the prefactor while T itself is e^{19.5}.
     */
    @Test void schloglSwitchingIsKramersFormulaAtLargeOmega() {
        double omega = 200;
        Model m = TestPresets.model("schlogl").with("Omega", omega).with("X0", omega)
                .withAbsorbing(AbsorbingSet.parse(List.of("X >= " + (long) (6 * omega)), "absorbing"));
        double t = ChangCooperFokkerPlanck1D.meanFirstPassage(m), kramers = new KramersTime(m, 1, 3).fokkerPlanckTime();
        System.out.printf("Schlögl Ω = %.0f: FP quadrature T = %.6g, Kramers %.6g, ratio %.4f%n", omega, t, kramers, t / kramers);
        assertTrue(t > 1e8, "exponentially long: " + t);
        assertEquals(1, t / kramers, 0.05);
    }
}
