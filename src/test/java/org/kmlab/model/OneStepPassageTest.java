package org.kmlab.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Gardiner's closed sum against first-passage times worked out by hand. */
class OneStepPassageTest {
    private static Model birthDeath(double lambda, double mu, long x0, String set) {
        return ModelBuilder.named("bd").species("X", x0).parameter("k1", lambda).parameter("k2", mu)
                .massAction("birth", java.util.Map.of(), java.util.Map.of("X", 1), Formula.parse("k1"))
                .massAction("death", java.util.Map.of("X", 1), java.util.Map.of(), Formula.parse("k2"))
                .absorbing(AbsorbingSet.parse(java.util.List.of(set), "absorbing")).build();
    }

    /** From 0 to X ≥ 2: T₀ = 1/λ + T₁ and T₁ = 1/(λ + μ) + μ/(λ + μ)·T₀ give T₀ = (2λ + μ)/λ². */
    @Test void upwardPassageOverTwoStates() {
        double lambda = 3, mu = 1.7;
        assertEquals((2 * lambda + mu) / (lambda * lambda), OneStepPassage.meanTime(birthDeath(lambda, mu, 0, "X >= 2")), 1e-14);
    }

    /** Pure death from n: a sum of exponential waits, T = Σ_{k=1}^{n} 1/(μk). */
    @Test void pureDeathToExtinction() {
        double t = 0;
        for (int k = 1; k <= 7; k++) t += 1 / (0.5 * k);
        assertEquals(t, OneStepPassage.meanTime(birthDeath(0, 0.5, 7, "X <= 0")), 1e-13);
    }

    /**
     * Birth–death with immigration, absorbed at 0 from 1: T₁ = Σ_{m≥1} π(m)/(π(1)·w⁻(1)) with π the
     * Poisson law of mean λ/μ, i.e. (e^{λ/μ} − 1)/λ (the sum of the tail).
     */
    @Test void extinctionAgainstImmigrationUsesTheWholeTail() {
        double lambda = 4, mu = 1, a = lambda / mu;
        assertEquals((Math.exp(a) - 1) / lambda, OneStepPassage.meanTime(birthDeath(lambda, mu, 1, "X <= 0")), 1e-12 * Math.exp(a));
    }

    @Test void startingInTheSetTakesNoTimeAndOtherModelsAreNamed() {
        assertEquals(0, OneStepPassage.meanTime(birthDeath(1, 1, 5, "X >= 5")));
        assertEquals("the model has no absorbing set", OneStepPassage.unsupportedReason(TestPresets.model("birth-death")));
        assertEquals("the absorbing set lies on both sides of the start: the closed sum here is for one side",
                OneStepPassage.unsupportedReason(birthDeath(1, 1, 5, "X <= 0").withAbsorbing(AbsorbingSet.parse(java.util.List.of("X <= 0", "X >= 9"), "absorbing"))));
    }
}
