package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The equations the editor shows, written out from the model. */
class EquationsTest {
    @Test void birthDeathHasTheTextbookDriftDiffusionAndMasterEquation() {
        Model m = TestPresets.model("birth-death");
        assertEquals(List.of("A(x) = k_{1} - k_{2}\\,x"), Equations.drift(m));
        assertEquals(List.of("B(x) = \\frac{1}{\\Omega}\\left(k_{1} + k_{2}\\,x\\right)"), Equations.diffusion(m));
        String me = Equations.masterEquation(m);
        assertTrue(me.startsWith("\\frac{\\partial P(X, t)}{\\partial t} = \\left[k_{1}\\,\\Omega\\, P(X - 1, t) - k_{1}\\,\\Omega\\, P(X, t)\\right]"), me);
        assertTrue(me.contains("k_{2}\\,\\left(X + 1\\right)\\, P(X + 1, t) - k_{2}\\,X\\, P(X, t)"), me);
    }

    @Test void predatorPreyHasCoupledNoiseAndTheFallingFactorial() {
        Model m = TestPresets.model("predator-prey");
        List<String> b = Equations.diffusion(m);
        assertEquals(3, b.size(), "B_XX, B_XY, B_YY");
        assertTrue(b.get(1).startsWith("B_{XY}(\\mathbf{x}) = \\frac{1}{\\Omega}\\left(-c\\,x_{X}x_{Y}"), b.get(1));
        assertTrue(Equations.drift(m).get(0).contains("b\\,x_{X}\\left(x_{X} - \\frac{1}{\\Omega}\\right)"), Equations.drift(m).get(0));
    }

    @Test void aPropensityFormulaIsWrittenInXWithGreekLetters() {
        Model ou = TestPresets.model("ornstein-uhlenbeck");
        String a = Equations.drift(ou).get(0);
        assertTrue(a.contains("\\theta") && a.contains("\\Omega x"), a);
    }
}
