package org.kmlab.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A formula as a tree of names, numbers and operations, not yet tied to a model: what a preset's
 * text parses into ({@link #parse}) and what an importer builds directly ({@link #number},
 * {@link #name}, {@link #apply}) without printing text to parse it again. {@link #compile}
 * resolves the names against a model's {@link Environment} into an allocation-free
 * {@link Expression}; {@link #text()} is the formula as written (or, when built, as printed with
 * the fewest parentheses). Two formulas are equal when their text is.
 *
 * <p>Operations: {@code + - * / ^} (binary), {@code neg} (unary minus), and the functions
 * {@code min max abs exp log sqrt}, {@code step} (the Heaviside step: 1 for an argument &gt; 0, else 0;
 * a reflecting wall, e.g. {@code step(Omega - X)} lets a walker step right only while X &lt; Ω) and
 * {@code lgamma} (log Γ: binomial and Poisson laws in exact references, log n! = lgamma(n + 1)).
 *
 * <p>Conditions, for event triggers ({@link Event}): the relations {@code < <= > >= == !=}
 * (non-associative, binding looser than sums) and {@code !} (not), {@code &&} (and), {@code ||}
 * (or), loosest of all; a condition's value is 1 (true) or 0 (false), and a number is true when
 * it is neither 0 nor NaN. {@link #isCondition()} tells them apart; a propensity may not be one.
 */
public final class Formula {
    /** The relations, as written and as operation names. */
    static final Set<String> RELATIONS = Set.of("<", "<=", ">", ">=", "==", "!=");
    /** The logical operations: {@code "&&"}, {@code "||"} (two arguments) and {@code "!"} (one). */
    static final Set<String> LOGIC = Set.of("&&", "||", "!");

    /** The functions a formula may call, with their number of arguments. */
    static final java.util.Map<String, Integer> FUNCTIONS = java.util.Map.of("min", 2, "max", 2, "abs", 1, "exp", 1, "log", 1, "sqrt", 1, "step", 1, "lgamma", 1);

    private enum Kind { NUMBER, NAME, APPLY }

    private final Kind kind;
    private final double value;
    private final String name;      // a variable's name, or the operation
    private final List<Formula> args;
    private final String text;

    private Formula(Kind kind, double value, String name, List<Formula> args, String text) {
        this.kind = kind;
        this.value = value;
        this.name = name;
        this.args = args;
        this.text = text != null ? text : print(this);
    }

    /**
     * Parses a formula's text; names are not checked here but when it is compiled against a model.
     *
     * @throws FormulaException the text does not parse (the message says what and where)
     */
    public static Formula parse(String text) {
        Formula f = new FormulaParser(text).parse();
        return new Formula(f.kind, f.value, f.name, f.args, text.strip());
    }

    public static Formula number(double v) {
        if (Double.isNaN(v)) throw new IllegalArgumentException("a formula's number must not be NaN");
        return new Formula(Kind.NUMBER, v, null, List.of(), null);
    }

    public static Formula name(String n) {
        if (!Names.isIdentifier(n)) throw new IllegalArgumentException("not a name: '" + n + "'");
        return new Formula(Kind.NAME, 0, n, List.of(), null);
    }

    /**
     * An operation on formulas: {@code "+", "-", "*", "/", "^"} with two arguments, {@code "neg"}
     * with one, or a function of {@link #FUNCTIONS}.
     */
    public static Formula apply(String op, Formula... args) {
        int arity = switch (op) {
            case "+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=", "&&", "||" -> 2;
            case "neg", "!" -> 1;
            default -> {
                Integer n = FUNCTIONS.get(op);
                if (n == null) throw new FormulaException("unknown function '" + op + "'");
                yield n;
            }
        };
        if (args.length != arity) throw new FormulaException(op + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + args.length);
        return new Formula(Kind.APPLY, 0, op, List.of(args), null);
    }

    /** The formula as written, or printed. */
    public String text() { return text; }

    /** True when its outermost operation is a relation or a logical one: a true/false value. */
    public boolean isCondition() { return kind == Kind.APPLY && (RELATIONS.contains(name) || LOGIC.contains(name)); }

    /** True when a relation or logical operation occurs anywhere in it. */
    public boolean hasCondition() {
        if (isCondition()) return true;
        for (Formula a : args) if (a.hasCondition()) return true;
        return false;
    }

    /** A read-only view of the tree, for printers in other notations ({@link Latex}). */
    Node tree() { return new Node(this); }

    /** One node of a formula's tree: a number, a name, or an operation on its arguments. */
    record Node(Formula f) {
        boolean isNumber() { return f.kind == Kind.NUMBER; }
        boolean isName() { return f.kind == Kind.NAME; }
        double value() { return f.value; }
        /** The name, or the operation ("+", "neg", "max", …). */
        String name() { return f.name; }
        List<Node> args() { return f.args.stream().map(Node::new).toList(); }
    }

    /**
     * The formula for people: {@code ·} for {@code *}, superscript powers, a true minus sign,
     * Greek letters for their names ({@code theta} → θ, {@code Omega} → Ω), e.g.
     * {@code D/(2·h²) + max(0, −θ·X·h)/h}.
     */
    public String pretty() {
        return switch (kind) {
            case NUMBER -> Names.format(value).replace('-', '−');
            case NAME -> GREEK.getOrDefault(name, name);
            default -> prettyApply();
        };
    }

    private static final java.util.Map<String, String> GREEK = java.util.Map.ofEntries(
            java.util.Map.entry("alpha", "α"), java.util.Map.entry("beta", "β"), java.util.Map.entry("gamma", "γ"), java.util.Map.entry("delta", "δ"),
            java.util.Map.entry("epsilon", "ε"), java.util.Map.entry("kappa", "κ"), java.util.Map.entry("lambda", "λ"), java.util.Map.entry("mu", "μ"),
            java.util.Map.entry("nu", "ν"), java.util.Map.entry("rho", "ρ"), java.util.Map.entry("sigma", "σ"), java.util.Map.entry("tau", "τ"),
            java.util.Map.entry("theta", "θ"), java.util.Map.entry("omega", "ω"), java.util.Map.entry("Omega", "Ω"), java.util.Map.entry("Delta", "Δ"));
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private String prettyApply() {
        if (name.equals("neg")) return "−" + prettyWrap(args.get(0), 3, false);
        if (name.equals("!")) return "¬" + prettyWrap(args.get(0), 0, true);
        if (FUNCTIONS.containsKey(name)) {
            List<String> parts = new ArrayList<>();
            for (Formula a : args) parts.add(a.pretty());
            return name + "(" + String.join(", ", parts) + ")";
        }
        int p = precedence();
        Formula exponent = args.get(1);
        if (name.equals("^") && exponent.kind == Kind.NUMBER && exponent.value == Math.rint(exponent.value) && exponent.value >= 2 && exponent.value <= 9) {
            return prettyWrap(args.get(0), p, true) + SUPERSCRIPTS.charAt((int) exponent.value);
        }
        String op = switch (name) {
            case "*" -> "·";
            case "-" -> " − ";
            case "+" -> " + ";
            case "<=" -> " ≤ ";
            case ">=" -> " ≥ ";
            case "==" -> " = ";
            case "!=" -> " ≠ ";
            case "<", ">" -> " " + name + " ";
            case "&&" -> " ∧ ";
            case "||" -> " ∨ ";
            default -> name;
        };
        if (p == 0) return prettyWrap(args.get(0), p, true) + op + prettyWrap(args.get(1), p, true);
        return prettyWrap(args.get(0), p, name.equals("^")) + op + prettyWrap(args.get(1), p, !name.equals("^"));
    }

    private static String prettyWrap(Formula a, int outer, boolean strict) {
        int inner = a.precedence();
        boolean paren = strict ? inner <= outer : inner < outer;
        return paren ? "(" + a.pretty() + ")" : a.pretty();
    }

    /** The names it reads (species, parameters, Omega, h), in order of appearance. */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        collect(out);
        return out;
    }

    private void collect(Set<String> out) {
        if (kind == Kind.NAME) out.add(name);
        for (Formula a : args) a.collect(out);
    }

    /**
     * The formula for the slots of {@code env}, constants folded.
     *
     * @throws FormulaException a name the environment does not know
     */
    public Expression compile(Environment env) {
        Expression e = compileNode(env);
        return e.withSource(text);
    }

    private Expression compileNode(Environment env) {
        switch (kind) {
            case NUMBER:
                return Expression.constant(value);
            case NAME: {
                int slot = env.slotOf(name);
                if (slot < 0) throw new FormulaException("unknown name '" + name + "' in '" + text + "'");
                return Expression.variable(slot);
            }
            default: {
                List<Expression> in = new ArrayList<>();
                for (Formula a : args) in.add(a.compileNode(env));
                return Expression.fold(switch (name) {
                    case "+" -> new Expression.Binary(Expression.Op.ADD, in.get(0), in.get(1));
                    case "-" -> new Expression.Binary(Expression.Op.SUB, in.get(0), in.get(1));
                    case "*" -> new Expression.Binary(Expression.Op.MUL, in.get(0), in.get(1));
                    case "/" -> new Expression.Binary(Expression.Op.DIV, in.get(0), in.get(1));
                    case "^" -> new Expression.Binary(Expression.Op.POW, in.get(0), in.get(1));
                    case "min" -> new Expression.Binary(Expression.Op.MIN, in.get(0), in.get(1));
                    case "max" -> new Expression.Binary(Expression.Op.MAX, in.get(0), in.get(1));
                    case "neg" -> new Expression.Unary(Expression.Fn.NEG, in.get(0));
                    case "<" -> new Expression.Binary(Expression.Op.LT, in.get(0), in.get(1));
                    case "<=" -> new Expression.Binary(Expression.Op.LE, in.get(0), in.get(1));
                    case ">" -> new Expression.Binary(Expression.Op.GT, in.get(0), in.get(1));
                    case ">=" -> new Expression.Binary(Expression.Op.GE, in.get(0), in.get(1));
                    case "==" -> new Expression.Binary(Expression.Op.EQ, in.get(0), in.get(1));
                    case "!=" -> new Expression.Binary(Expression.Op.NE, in.get(0), in.get(1));
                    case "&&" -> new Expression.Binary(Expression.Op.AND, in.get(0), in.get(1));
                    case "||" -> new Expression.Binary(Expression.Op.OR, in.get(0), in.get(1));
                    case "!" -> new Expression.Unary(Expression.Fn.NOT, in.get(0));
                    case "abs" -> new Expression.Unary(Expression.Fn.ABS, in.get(0));
                    case "exp" -> new Expression.Unary(Expression.Fn.EXP, in.get(0));
                    case "log" -> new Expression.Unary(Expression.Fn.LOG, in.get(0));
                    case "sqrt" -> new Expression.Unary(Expression.Fn.SQRT, in.get(0));
                    case "step" -> new Expression.Unary(Expression.Fn.STEP, in.get(0));
                    case "lgamma" -> new Expression.Unary(Expression.Fn.LGAMMA, in.get(0));
                    default -> throw new FormulaException("unknown function '" + name + "'");
                });
            }
        }
    }

    /** Binding strength for printing: or −3, and −2, not −1, relations 0, sums 1, products 2, unary minus 3, powers 4, atoms 5. */
    private int precedence() {
        if (kind != Kind.APPLY) return kind == Kind.NUMBER && value < 0 ? 3 : 5;
        return switch (name) {
            case "||" -> -3;
            case "&&" -> -2;
            case "!" -> -1;
            case "<", "<=", ">", ">=", "==", "!=" -> 0;
            case "+", "-" -> 1;
            case "*", "/" -> 2;
            case "neg" -> 3;
            case "^" -> 4;
            default -> 5;
        };
    }

    private static String print(Formula f) {
        switch (f.kind) {
            case NUMBER:
                return Names.format(f.value);
            case NAME:
                return f.name;
            default:
                break;
        }
        String op = f.name;
        if (op.equals("neg")) return "-" + wrap(f.args.get(0), 3, false);
        if (op.equals("!")) return "!" + wrap(f.args.get(0), 0, true);   // !(X > 5), never the puzzling !X > 5
        if (FUNCTIONS.containsKey(op)) {
            List<String> parts = new ArrayList<>();
            for (Formula a : f.args) parts.add(a.text);
            return op + "(" + String.join(", ", parts) + ")";
        }
        int p = f.precedence();
        if (p == 0) return wrap(f.args.get(0), p, true) + " " + op + " " + wrap(f.args.get(1), p, true);   // relations do not chain
        boolean power = op.equals("^");
        // left-associative + - * /: the right operand needs parentheses at equal strength; ^ is right-associative
        String left = wrap(f.args.get(0), p, power);
        String right = wrap(f.args.get(1), p, !power);
        String spaced = p == 1 || p < 0 ? " " + op + " " : op;
        return left + spaced + right;
    }

    private static String wrap(Formula a, int outer, boolean strict) {
        int inner = a.precedence();
        boolean paren = strict ? inner <= outer : inner < outer;
        return paren ? "(" + a.text + ")" : a.text;
    }

    @Override public boolean equals(Object o) { return o instanceof Formula f && f.text.equals(text); }

    @Override public int hashCode() { return text.hashCode(); }

    @Override public String toString() { return text; }

    /** Recursive descent over {@code + - * / ^ ( )}, unary minus, numbers, names and calls. */
    private static final class FormulaParser {
        private final String text;
        private int pos;

        FormulaParser(String text) { this.text = Objects.requireNonNull(text); }

        Formula parse() {
            if (text.isBlank()) throw error("empty formula");
            Formula e = or();
            skipSpace();
            if (pos < text.length()) throw error("unexpected '" + text.charAt(pos) + "'");
            return e;
        }

        private Formula or() {
            Formula e = and();
            while (accept("||")) e = apply("||", e, and());
            return e;
        }

        private Formula and() {
            Formula e = not();
            while (accept("&&")) e = apply("&&", e, not());
            return e;
        }

        private Formula not() {
            skipSpace();
            if (pos + 1 >= text.length() || text.charAt(pos + 1) != '=') {
                if (accept('!')) return apply("!", not());
            }
            return relation();
        }

        /** {@code a op b} with one relation at most: {@code a < b < c} is refused, as it means nothing here. */
        private Formula relation() {
            Formula e = sum();
            for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
                if (accept(op)) {
                    e = apply(op, e, sum());
                    for (String again : List.of("<", ">", "==", "!=")) {
                        skipSpace();
                        if (text.startsWith(again, pos)) throw error("relations do not chain; use && between them");
                    }
                    return e;
                }
            }
            return e;
        }

        private Formula sum() {
            Formula e = product();
            while (true) {
                if (accept('+')) e = apply("+", e, product());
                else if (accept('-')) e = apply("-", e, product());
                else return e;
            }
        }

        private Formula product() {
            Formula e = unary();
            while (true) {
                if (accept('*')) e = apply("*", e, unary());
                else if (accept('/')) e = apply("/", e, unary());
                else return e;
            }
        }

        /** ^ binds tighter than unary minus and is right-associative, as in mathematics. */
        private Formula unary() {
            if (accept('-')) return apply("neg", unary());
            if (accept('+')) return unary();
            Formula base = atom();
            if (accept('^')) return apply("^", base, unary());
            return base;
        }

        private Formula atom() {
            skipSpace();
            if (pos >= text.length()) throw error("formula ends too early");
            char c = text.charAt(pos);
            if (accept('(')) {
                Formula e = or();
                expect(')');
                return e;
            }
            if (Character.isDigit(c) || c == '.') return numberLiteral();
            if (Character.isLetter(c) || c == '_') return nameOrCall();
            throw error("unexpected '" + c + "'");
        }

        private Formula numberLiteral() {
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
                return number(Double.parseDouble(literal));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("bad number '" + literal + "'");
            }
        }

        private Formula nameOrCall() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            String n = text.substring(start, pos);
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '(') return name(n);
            Integer arity = FUNCTIONS.get(n);
            if (arity == null) {
                pos = start;
                throw error("unknown function '" + n + "'");
            }
            expect('(');
            Formula[] in = new Formula[arity];
            for (int i = 0; i < arity; i++) {
                if (i > 0) expect(',');
                in[i] = sum();
            }
            expect(')');
            return apply(n, in);
        }

        private boolean accept(char c) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean accept(String op) {
            skipSpace();
            if (text.startsWith(op, pos)) {
                pos += op.length();
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
}
