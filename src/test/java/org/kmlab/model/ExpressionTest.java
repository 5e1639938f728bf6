package org.kmlab.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExpressionTest {
    private final Environment env = new Environment(List.of("X", "Y"), List.of("k1", "theta"));

    private double eval(String text, double x, double y, double k1, double theta, double omega) {
        double[] e = new double[env.size()];
        e[0] = x; e[1] = y; e[2] = k1; e[3] = theta; e[env.omegaSlot()] = omega; e[env.hSlot()] = 1 / omega;
        return Expression.parse(text, env).eval(e);
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals(7, eval("1 + 2 * 3", 0, 0, 0, 0, 1));
        assertEquals(9, eval("(1 + 2) * 3", 0, 0, 0, 0, 1));
        assertEquals(512, eval("2^3^2", 0, 0, 0, 0, 1));       // right-associative
        assertEquals(-4, eval("-2^2", 0, 0, 0, 0, 1));         // ^ before unary minus
        assertEquals(0.25, eval("1/2/2", 0, 0, 0, 0, 1));
        assertEquals(2.5e-3, eval("2.5e-3", 0, 0, 0, 0, 1));
    }

    @Test
    void namesAndFunctions() {
        assertEquals(3 * 4 + 5, eval("X*Y + k1", 3, 4, 5, 0, 1));
        assertEquals(0.25, eval("h^2", 0, 0, 0, 0, 2));
        assertEquals(10, eval("Omega", 0, 0, 0, 0, 10));
        assertEquals(2, eval("max(0, -theta*X)", -2, 0, 0, 1, 1));
        assertEquals(0, eval("max(0, -theta*X)", 2, 0, 0, 1, 1));
        assertEquals(1, eval("min(1, abs(-3))", 0, 0, 0, 0, 1));
        assertEquals(Math.exp(1) + Math.log(2) + Math.sqrt(9), eval("exp(1) + log(2) + sqrt(9)", 0, 0, 0, 0, 1), 1e-15);
    }

    @Test
    void stepIsAWallAndLgammaIsLogFactorial() {
        // step(Omega - X): a walker may step right while X < Ω, not at the wall X = Ω
        assertEquals(1, eval("step(Omega - X)", 9, 0, 0, 0, 10));
        assertEquals(0, eval("step(Omega - X)", 10, 0, 0, 0, 10));
        assertEquals(0, eval("step(Omega - X)", 11, 0, 0, 0, 10));
        assertTrue(Double.isNaN(eval("step(0/0)", 0, 0, 0, 0, 1)));
        assertEquals(Math.log(120), eval("lgamma(X + 1)", 5, 0, 0, 0, 1), 1e-12);   // log 5!
        assertEquals(0.5 * Math.log(Math.PI), eval("lgamma(0.5)", 0, 0, 0, 0, 1), 1e-12);
        assertTrue(Double.isNaN(eval("lgamma(-1)", 0, 0, 0, 0, 1)));
        assertTrue(Latex.of(Formula.parse("step(Omega - X)")).startsWith("\\Theta\\left("));
    }

    @Test
    void ouPropensityFromDesign() {
        // W+(x) = D/(2h²) + max(0,−θx)/h at x = X·h
        double omega = 10, h = 0.1, theta = 2, x = -0.5;
        double expected = 1 / (2 * h * h) + Math.max(0, -theta * x) / h;
        Environment ou = new Environment(List.of("X"), List.of("D", "theta"));
        double[] e = new double[ou.size()];
        e[0] = x / h; e[1] = 1; e[2] = theta; e[ou.omegaSlot()] = omega; e[ou.hSlot()] = h;
        assertEquals(expected, Expression.parse("D/(2*h^2) + max(0, -theta*X*h)/h", ou).eval(e), 1e-12);
    }

    @Test
    void constantsAreFolded() {
        Expression e = Expression.parse("2 * (3 + 4)", env);
        assertTrue(e instanceof Expression.Const);
        assertFalse(Expression.parse("2 * k1", env) instanceof Expression.Const);
    }

    @Test
    void errorsNameWhatAndWhere() {
        FormulaException e = assertThrows(FormulaException.class, () -> Expression.parse("k1 * Z", env));
        assertTrue(e.getMessage().contains("unknown name 'Z'"), e.getMessage());
        assertTrue(assertThrows(FormulaException.class, () -> Expression.parse("k1 +", env)).getMessage().contains("ends too early"));
        assertTrue(assertThrows(FormulaException.class, () -> Expression.parse("(k1", env)).getMessage().contains("expected ')'"));
        assertTrue(assertThrows(FormulaException.class, () -> Expression.parse("sin(k1)", env)).getMessage().contains("unknown function 'sin'"));
        assertTrue(assertThrows(FormulaException.class, () -> Expression.parse("k1 k1", env)).getMessage().contains("unexpected"));
        assertTrue(assertThrows(FormulaException.class, () -> Expression.parse(" ", env)).getMessage().contains("empty"));
    }

    @Test
    void usesReportsSlots() {
        Expression e = Expression.parse("k1 * X", env);
        assertTrue(e.uses(0));
        assertFalse(e.uses(1));
    }

    /** The parts of a trigger that read time, as the SSA bisects them: below and/or/not, nothing else. */
    @Test
    void conditionsOnTimeAreTheComparisonsBelowTheLogic() {
        Environment timed = env.withTime();
        int time = timed.timeSlot();
        List<Expression> pulse = Expression.parse("time >= 5 && time < 5.001 || X > 3", timed).conditionsOn(time);
        assertEquals(2, pulse.size());
        double[] e = new double[timed.size()];
        e[time] = 5;
        assertEquals(1.0, pulse.get(0).eval(e));
        assertEquals(1.0, pulse.get(1).eval(e));
        e[time] = 5.001;
        assertEquals(0.0, pulse.get(1).eval(e), "the second part is time < 5.001");
        assertEquals(1, Expression.parse("!(time > 2) && Y == 0", timed).conditionsOn(time).size());
        Expression number = Expression.parse("time - 5", timed);
        assertSame(number, number.conditionsOn(time).get(0), "a number read as a condition is its own part");
        assertTrue(Expression.parse("X > 3", timed).conditionsOn(time).isEmpty());
    }
}
