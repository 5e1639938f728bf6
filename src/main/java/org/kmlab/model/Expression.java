package org.kmlab.model;

/**
 * A compiled {@link Formula} of counts, parameters, {@code Omega} and {@code h}, evaluated against an
 * environment array whose slots were fixed at compile time (see {@link Environment}). Evaluation
 * walks a tree of final nodes and allocates nothing, so it is safe inside the SSA's event loop.
 */
public abstract class Expression {

    /** Value of the formula for the variables in {@code env}. */
    public abstract double eval(double[] env);

    /** True when the formula reads the given environment slot. */
    public abstract boolean uses(int slot);

    /** The source text this expression was compiled from (for messages and round trips). */
    public String source() { return source; }

    private String source = "";

    Expression withSource(String text) { this.source = text; return this; }

    /**
     * The parts of this condition that read {@code slot}, as seen by the logical operators: the
     * largest subexpressions reading it below and, or and not (a comparison such as
     * {@code time >= 5}, or a number read as a condition). While the other slots stay fixed, the
     * condition's truth can change only where the truth of one of these does; the SSA uses this to
     * find the exact moment a time trigger turns true.
     */
    public java.util.List<Expression> conditionsOn(int slot) {
        java.util.List<Expression> parts = new java.util.ArrayList<>();
        collectConditions(this, slot, parts);
        return parts;
    }

    private static void collectConditions(Expression e, int slot, java.util.List<Expression> parts) {
        if (!e.uses(slot)) return;
        if (e instanceof Binary b && (b.op == Op.AND || b.op == Op.OR)) {
            collectConditions(b.a, slot, parts);
            collectConditions(b.b, slot, parts);
        } else if (e instanceof Unary u && u.fn == Fn.NOT) {
            collectConditions(u.a, slot, parts);
        } else {
            parts.add(e);
        }
    }

    /** Parses {@code text}, resolving names through {@code environment} (see {@link Formula}). */
    public static Expression parse(String text, Environment environment) {
        return Formula.parse(text).compile(environment);
    }

    /** Replaces a node whose inputs are all constants by its value. */
    static Expression fold(Expression e) {
        if (e instanceof Binary b && b.a instanceof Const && b.b instanceof Const) return new Const(e.eval(new double[0]));
        if (e instanceof Unary u && u.a instanceof Const) return new Const(e.eval(new double[0]));
        return e;
    }

    static Expression constant(double value) { return new Const(value); }

    static Expression variable(int slot) { return new Var(slot); }

    static final class Const extends Expression {
        final double value;
        Const(double value) { this.value = value; }
        @Override public double eval(double[] env) { return value; }
        @Override public boolean uses(int slot) { return false; }
    }

    static final class Var extends Expression {
        final int slot;
        Var(int slot) { this.slot = slot; }
        @Override public double eval(double[] env) { return env[slot]; }
        @Override public boolean uses(int s) { return s == slot; }
    }

    enum Op { ADD, SUB, MUL, DIV, POW, MIN, MAX, LT, LE, GT, GE, EQ, NE, AND, OR }

    /** A number read as a condition: true unless 0 or NaN. */
    public static boolean isTrue(double v) { return v != 0 && v == v; }

    private static double truth(boolean b) { return b ? 1.0 : 0.0; }

    static final class Binary extends Expression {
        final Op op; final Expression a; final Expression b;
        Binary(Op op, Expression a, Expression b) { this.op = op; this.a = a; this.b = b; }
        @Override public double eval(double[] env) {
            double x = a.eval(env), y = b.eval(env);
            switch (op) {
                case ADD: return x + y;
                case SUB: return x - y;
                case MUL: return x * y;
                case DIV: return x / y;
                case POW: return pow(x, y);
                case MIN: return Math.min(x, y);
                case MAX: return Math.max(x, y);
                case LT: return truth(x < y);
                case LE: return truth(x <= y);
                case GT: return truth(x > y);
                case GE: return truth(x >= y);
                case EQ: return truth(x == y);
                case NE: return truth(x != y);
                case AND: return truth(isTrue(x) && isTrue(y));
                default:  return truth(isTrue(x) || isTrue(y));
            }
        }
        @Override public boolean uses(int slot) { return a.uses(slot) || b.uses(slot); }

        /** Integer powers (the common case, h^2) by multiplication: exact and fast. */
        private static double pow(double x, double y) {
            if (y == 2) return x * x;
            if (y == 3) return x * x * x;
            if (y == 1) return x;
            return Math.pow(x, y);
        }
    }

    enum Fn { NEG, ABS, EXP, LOG, SQRT, STEP, LGAMMA, NOT }

    static final class Unary extends Expression {
        final Fn fn; final Expression a;
        Unary(Fn fn, Expression a) { this.fn = fn; this.a = a; }
        @Override public double eval(double[] env) {
            double x = a.eval(env);
            switch (fn) {
                case NEG: return -x;
                case ABS: return Math.abs(x);
                case EXP: return Math.exp(x);
                case LOG: return Math.log(x);
                case STEP: return x > 0 ? 1 : x <= 0 ? 0 : Double.NaN;
                case LGAMMA: return x > 0 ? org.apache.commons.math3.special.Gamma.logGamma(x) : Double.NaN;
                case NOT: return truth(!isTrue(x));
                default:  return Math.sqrt(x);
            }
        }
        @Override public boolean uses(int slot) { return a.uses(slot); }
    }
}
