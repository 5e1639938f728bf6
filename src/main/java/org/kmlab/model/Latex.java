package org.kmlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Formulas as LaTeX, for the model's equations on screen: names with subscripts
 * ({@code k1} → {@code k_{1}}), Greek letters for their names, {@code \frac} for quotients,
 * {@code \cdot}-free products, and a substitution of names (a species X by {@code (X - 1)} or by
 * {@code \Omega x}).
 */
public final class Latex {
    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("alpha", "\\alpha"), Map.entry("beta", "\\beta"),
            Map.entry("gamma", "\\gamma"), Map.entry("delta", "\\delta"), Map.entry("epsilon", "\\epsilon"), Map.entry("kappa", "\\kappa"),
            Map.entry("lambda", "\\lambda"), Map.entry("mu", "\\mu"), Map.entry("nu", "\\nu"), Map.entry("rho", "\\rho"),
            Map.entry("sigma", "\\sigma"), Map.entry("tau", "\\tau"), Map.entry("theta", "\\theta"), Map.entry("omega", "\\omega"),
            Map.entry("Omega", "\\Omega"), Map.entry("Delta", "\\Delta"));

    private Latex() {}

    /** A name as LaTeX: Greek letters spelled out become symbols, trailing digits a subscript. */
    public static String name(String n) {
        String g = GREEK.get(n);
        if (g != null) return g;
        int i = n.length();
        while (i > 1 && Character.isDigit(n.charAt(i - 1))) i--;
        String base = n.substring(0, i), digits = n.substring(i);
        String b = GREEK.getOrDefault(base, base.length() > 1 ? "\\mathrm{" + base.replace("_", "\\_") + "}" : base);
        return digits.isEmpty() ? b : b + "_{" + digits + "}";
    }

    /** The formula as LaTeX, each name replaced by its entry in {@code names} (as LaTeX) or written with {@link #name}. */
    public static String of(Formula f, Map<String, String> names) {
        return new Printer(names).print(f.tree());
    }

    public static String of(Formula f) { return of(f, Map.of()); }

    private record Printer(Map<String, String> names) {
        String print(Formula.Node n) { return node(n).text; }

        private record Out(String text, int precedence) {}

        private Out node(Formula.Node n) {
            if (n.isNumber()) {
                String t = Names.format(n.value());
                return new Out(t, n.value() < 0 ? 3 : 5);
            }
            if (n.isName()) {
                String t = names.containsKey(n.name()) ? names.get(n.name()) : name(n.name());
                return new Out(t, names.containsKey(n.name()) ? 4 : 5);
            }
            String op = n.name();
            List<Out> a = new ArrayList<>();
            for (Formula.Node c : n.args()) a.add(node(c));
            return switch (op) {
                case "+" -> new Out(a.get(0).text + " + " + wrap(a.get(1), 1, true), 1);
                case "-" -> new Out(a.get(0).text + " - " + wrap(a.get(1), 1, true), 1);
                case "*" -> new Out(wrap(a.get(0), 2, false) + (needsDot(a.get(0), a.get(1)) ? " \\cdot " : "\\,") + wrap(a.get(1), 2, true), 2);
                case "/" -> new Out("\\frac{" + a.get(0).text + "}{" + a.get(1).text + "}", 5);
                case "^" -> new Out(wrap(a.get(0), 4, true) + "^{" + a.get(1).text + "}", 4);
                case "neg" -> new Out("-" + wrap(a.get(0), 3, false), 3);
                case "sqrt" -> new Out("\\sqrt{" + a.get(0).text + "}", 5);
                case "exp", "log" -> new Out("\\" + op + "\\left(" + a.get(0).text + "\\right)", 5);
                case "abs" -> new Out("\\left|" + a.get(0).text + "\\right|", 5);
                default -> new Out("\\" + op + "\\left(" + a.get(0).text + ", " + a.get(1).text + "\\right)", 5);
            };
        }

        /** Numbers side by side need a dot (2·3); anything else reads as a product (2x, k_1 X). */
        private static boolean needsDot(Out left, Out right) {
            return Character.isDigit(right.text.isEmpty() ? 'x' : right.text.charAt(0));
        }

        private static String wrap(Out o, int outer, boolean strict) {
            boolean paren = strict ? o.precedence <= outer && o.precedence < 5 : o.precedence < outer;
            return paren ? "\\left(" + o.text + "\\right)" : o.text;
        }
    }
}
