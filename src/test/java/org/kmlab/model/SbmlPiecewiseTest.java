package org.kmlab.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A piecewise of numbers in a kinetic law (how SbmlExport writes step): its value at every count
 * is the first piece that holds, else the otherwise; a piecewise of formulas, or without an
 * otherwise, is refused by name.
 */
class SbmlPiecewiseTest {
    private static final String MATH = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">";
    private static final String K = "<listOfParameters><parameter id=\"k\" value=\"1.5\" constant=\"true\"/></listOfParameters>";

    private static Model law(String piecewise) {
        return new SbmlSource().read(SbmlImportTest.model(K, "<apply><times/><ci>k</ci><ci>X</ci>" + piecewise + "</apply>", ""), "m").model();
    }

    private static double at(Model m, int x) {
        Propensities p = m.propensities();
        double[] env = p.newEnvironment();
        env[0] = x;
        return p.propensity(0, env);
    }

    private static String relation(String op, String a, String b) { return "<apply><" + op + "/>" + a + b + "</apply>"; }

    @Test
    void theFirstPieceThatHoldsGivesTheValue() {
        String x = "<ci>X</ci>";
        // 4 where X < 3; 2 where 3 ≤ X ≤ 5 and X ≠ 4, or X == 7; 0.5 otherwise
        String pw = "<piecewise><piece><cn>4</cn>" + relation("lt", x, "<cn>3</cn>") + "</piece>"
                + "<piece><cn>2</cn><apply><or/><apply><and/>" + relation("geq", x, "<cn>3</cn>") + relation("leq", x, "<cn>5</cn>")
                + relation("neq", x, "<cn>4</cn>") + "</apply>" + relation("eq", x, "<cn>7</cn>") + "</apply></piece>"
                + "<otherwise><cn>0.5</cn></otherwise></piecewise>";
        Model m = law(pw);
        for (int n = 0; n <= 10; n++) {
            double factor = n < 3 ? 4 : (n >= 3 && n <= 5 && n != 4) || n == 7 ? 2 : 0.5;
            assertEquals(1.5 * n * factor, at(m, n), 1e-12, "X = " + n);
        }
    }

    @Test
    void formulasAsValuesAndAMissingOtherwiseAreRefused() {
        String x = "<ci>X</ci>";
        ModelException formula = assertThrows(ModelException.class,
                () -> law("<piecewise><piece><ci>k</ci>" + relation("gt", x, "<cn>1</cn>") + "</piece><otherwise><cn>0</cn></otherwise></piecewise>"));
        assertTrue(formula.getMessage().contains("reaction 'R': kinetic law: the MathML 'piecewise' is not supported unless its values are numbers"), formula.getMessage());
        ModelException open = assertThrows(ModelException.class,
                () -> law("<piecewise><piece><cn>1</cn>" + relation("gt", x, "<cn>1</cn>") + "</piece></piecewise>"));
        assertTrue(open.getMessage().contains("a 'piecewise' without 'otherwise' is not supported"), open.getMessage());
    }

    @Test
    void stepIsWrittenAsAPiecewiseAndReadBack() {
        Model typed = ModelText.parse("k = 2; Omega = 1; X = 3\nX -> 0 @ prop: k*X*step(5 - X)", "m").model();
        String xml = SbmlExport.write(typed);
        assertTrue(xml.contains("<piecewise>"), xml);
        Model back = new SbmlSource().read(xml, "m").model();
        for (int n = 0; n <= 8; n++) assertEquals(n < 5 ? 2.0 * n : 0, at(back, n), 1e-12, "X = " + n);
    }

    @Test
    void aFunctionSbmlHasNoMathForIsNamedNotThrownAsABug() {
        Model m = ModelText.parse("k = 2; Omega = 1; X = 3\nX -> 0 @ prop: k*exp(lgamma(X + 1))", "m").model();
        ModelException e = assertThrows(ModelException.class, () -> SbmlExport.write(m));
        assertEquals("the function 'lgamma' has no counterpart in SBML's MathML; the model cannot be written as SBML", e.getMessage());
    }
}
