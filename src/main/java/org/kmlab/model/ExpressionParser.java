package org.kmlab.model;

import org.kmlab.model.Expression.Binary;
import org.kmlab.model.Expression.Const;
import org.kmlab.model.Expression.Fn;
import org.kmlab.model.Expression.Op;
import org.kmlab.model.Expression.Unary;

/**
 * Recursive-descent parser for the formula language:
 * {@code + - * / ^ ( )}, unary minus, numbers, names, and {@code min max abs exp log sqrt}.
 * {@code ^} binds tighter than unary minus and is right-associative, as in mathematics.
 * Constant sub-trees are folded at compile time.
 */
final class ExpressionParser {
    private final String text;
    private final Environment env;
    private int pos;

    ExpressionParser(String text, Environment env) {
        this.text = text;
        this.env = env;
    }

    Expression parse() {
        if (text.isBlank()) throw error("empty formula");
        Expression e = sum();
        skipSpace();
        if (pos < text.length()) throw error("unexpected '" + text.charAt(pos) + "'");
        return e;
    }

    private Expression sum() {
        Expression e = product();
        while (true) {
            if (accept('+')) e = fold(new Binary(Op.ADD, e, product()));
            else if (accept('-')) e = fold(new Binary(Op.SUB, e, product()));
            else return e;
        }
    }

    private Expression product() {
        Expression e = unary();
        while (true) {
            if (accept('*')) e = fold(new Binary(Op.MUL, e, unary()));
            else if (accept('/')) e = fold(new Binary(Op.DIV, e, unary()));
            else return e;
        }
    }

    private Expression unary() {
        if (accept('-')) return fold(new Unary(Fn.NEG, unary()));
        if (accept('+')) return unary();
        return power();
    }

    private Expression power() {
        Expression base = atom();
        if (accept('^')) return fold(new Binary(Op.POW, base, unary()));
        return base;
    }

    private Expression atom() {
        skipSpace();
        if (pos >= text.length()) throw error("formula ends too early");
        char c = text.charAt(pos);
        if (accept('(')) {
            Expression e = sum();
            expect(')');
            return e;
        }
        if (Character.isDigit(c) || c == '.') return number();
        if (Character.isLetter(c) || c == '_') return nameOrCall();
        throw error("unexpected '" + c + "'");
    }

    private Expression number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        try {
            return new Const(Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad number '" + literal + "'");
        }
    }

    private Expression nameOrCall() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        String name = text.substring(start, pos);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
            return call(name, start);
        }
        int slot = env.slotOf(name);
        if (slot < 0) {
            pos = start;
            throw error("unknown name '" + name + "'");
        }
        return Expression.variable(slot);
    }

    private Expression call(String name, int start) {
        expect('(');
        Expression a = sum();
        switch (name) {
            case "min":
            case "max": {
                expect(',');
                Expression b = sum();
                expect(')');
                return fold(new Binary(name.equals("min") ? Op.MIN : Op.MAX, a, b));
            }
            case "abs": expect(')'); return fold(new Unary(Fn.ABS, a));
            case "exp": expect(')'); return fold(new Unary(Fn.EXP, a));
            case "log": expect(')'); return fold(new Unary(Fn.LOG, a));
            case "sqrt": expect(')'); return fold(new Unary(Fn.SQRT, a));
            default:
                pos = start;
                throw error("unknown function '" + name + "'");
        }
    }

    /** Replaces a node whose inputs are all constants by its value. */
    private static Expression fold(Expression e) {
        if (e instanceof Binary) {
            Binary b = (Binary) e;
            if (b.a instanceof Const && b.b instanceof Const) return new Const(e.eval(new double[0]));
        } else if (e instanceof Unary && ((Unary) e).a instanceof Const) {
            return new Const(e.eval(new double[0]));
        }
        return e;
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) throw error("expected '" + c + "'");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private FormulaException error(String what) {
        return new FormulaException(what + " at position " + (pos + 1) + " in '" + text + "'");
    }
}
