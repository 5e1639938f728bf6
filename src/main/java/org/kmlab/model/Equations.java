package org.kmlab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's equations as LaTeX, for the editor to show: its master equation in the counts, and
 * its Fokker–Planck equation with the drift A(x) = Σ ν a/Ω and diffusion B(x) = Σ ν νᵀ a/Ω²
 * written out in x = n/Ω (DESIGN.md's convention: mass action a = Ω k Π (n)_s / Ω^s, so
 * a/Ω = k Π_i Π_{j<s_i} (x_i − j/Ω)).
 */
public final class Equations {
    private Equations() {}

    /** {@code \frac{\partial P(X, t)}{\partial t} = …}: every reaction's gain and loss. */
    public static String masterEquation(Model m) {
        StringBuilder sb = new StringBuilder("\\frac{\\partial P(" + counts(m, new int[m.speciesCount()]) + ", t)}{\\partial t} = ");
        for (int r = 0; r < m.reactionCount(); r++) {
            int[] back = m.jump(r);
            for (int s = 0; s < back.length; s++) back[s] = -back[s];
            if (r > 0) sb.append(" \\\\ \\quad + ");
            sb.append("\\left[").append(propensity(m, r, back)).append("\\, P(").append(counts(m, back)).append(", t) - ")
                    .append(propensity(m, r, new int[back.length])).append("\\, P(").append(counts(m, new int[back.length])).append(", t)\\right]");
        }
        return sb.toString();
    }

    /** The Fokker–Planck equation in its general form for this many species. */
    public static String fokkerPlanck(Model m) {
        if (m.speciesCount() == 1) {
            return "\\frac{\\partial P(x, t)}{\\partial t} = -\\frac{\\partial}{\\partial x}\\left[A(x) P\\right] + \\frac{1}{2}\\frac{\\partial^{2}}{\\partial x^{2}}\\left[B(x) P\\right]";
        }
        return "\\frac{\\partial P(\\mathbf{x}, t)}{\\partial t} = -\\sum_i \\frac{\\partial}{\\partial x_i}\\left[A_i P\\right] + \\frac{1}{2}\\sum_{i,j}\\frac{\\partial^{2}}{\\partial x_i \\partial x_j}\\left[B_{ij} P\\right]";
    }

    /** {@code A(x) = …} (one species) or {@code A_X(x) = …} for each species. */
    public static List<String> drift(Model m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.speciesCount(); i++) {
            List<String> terms = new ArrayList<>();
            List<Integer> factors = new ArrayList<>();
            for (int r = 0; r < m.reactionCount(); r++) {
                int nu = m.jump(r)[i];
                if (nu == 0) continue;
                terms.add(perOmega(m, r));
                factors.add(nu);
            }
            out.add("A" + sub(m, i, -1) + "(" + xs(m) + ") = " + sum(terms, factors));
        }
        return out;
    }

    /** {@code B(x) = …} (one species) or the entries B_XX, B_XY, … (upper triangle). */
    public static List<String> diffusion(Model m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.speciesCount(); i++) {
            for (int j = i; j < m.speciesCount(); j++) {
                List<String> terms = new ArrayList<>();
                List<Integer> factors = new ArrayList<>();
                for (int r = 0; r < m.reactionCount(); r++) {
                    int nu = m.jump(r)[i] * m.jump(r)[j];
                    if (nu == 0) continue;
                    terms.add(perOmega(m, r));
                    factors.add(nu);
                }
                // no reaction moves both: the entry is 0 (not 1/Ω times an empty sum)
                String value = terms.isEmpty() ? "0" : "\\frac{1}{\\Omega}\\left(" + sum(terms, factors) + "\\right)";
                out.add("B" + sub(m, i, j) + "(" + xs(m) + ") = " + value);
            }
        }
        return out;
    }

    private static String sub(Model m, int i, int j) {
        if (m.speciesCount() == 1) return "";
        String a = m.species().get(i).name();
        return "_{" + a + (j < 0 ? "" : m.species().get(j).name()) + "}";
    }

    private static String xs(Model m) { return m.speciesCount() == 1 ? "x" : "\\mathbf{x}"; }

    /** How species s is written in x units: x (one species) or x_X. */
    private static String x(Model m, int s) {
        return m.speciesCount() == 1 ? "x" : "x_{" + m.species().get(s).name() + "}";
    }

    /** The counts with shifts, e.g. "X - 1, Y + 1". */
    private static String counts(Model m, int[] shift) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < shift.length; s++) parts.add(shifted(Latex.name(m.species().get(s).name()), shift[s]));
        return String.join(", ", parts);
    }

    private static String shifted(String name, int by) {
        return by == 0 ? name : name + (by > 0 ? " + " : " - ") + Math.abs(by);
    }

    /** a_r at the counts shifted by {@code shift}, in the counts. */
    private static String propensity(Model m, int r, int[] shift) {
        Reaction rx = m.reactions().get(r);
        if (!rx.isMassAction()) {
            Map<String, String> as = new HashMap<>();
            for (int s = 0; s < shift.length; s++) {
                if (shift[s] != 0) as.put(m.species().get(s).name(), "\\left(" + shifted(Latex.name(m.species().get(s).name()), shift[s]) + "\\right)");
            }
            return "\\left[" + Latex.of(rx.propensity(), as) + "\\right]";
        }
        int[] st = m.reactants(r);
        int order = 0;
        StringBuilder factors = new StringBuilder();
        for (int s = 0; s < st.length; s++) {
            for (int j = 0; j < st[s]; j++) {
                int offset = shift[s] - j;
                String f = shifted(Latex.name(m.species().get(s).name()), offset);
                factors.append(offset == 0 ? f : "\\left(" + f + "\\right)");
            }
            order += st[s];
        }
        String k = rate(rx);
        if (order == 0) return k + "\\,\\Omega";
        String body = k + "\\," + factors;
        return order == 1 ? body : "\\frac{" + body + "}{\\Omega" + (order == 2 ? "" : "^{" + (order - 1) + "}") + "}";
    }

    /** a_r/Ω in x = n/Ω. */
    private static String perOmega(Model m, int r) {
        Reaction rx = m.reactions().get(r);
        if (!rx.isMassAction()) {
            Map<String, String> as = new HashMap<>();
            for (int s = 0; s < m.speciesCount(); s++) as.put(m.species().get(s).name(), "\\Omega " + x(m, s));
            return "\\frac{1}{\\Omega}\\left[" + Latex.of(rx.propensity(), as) + "\\right]";
        }
        int[] st = m.reactants(r);
        StringBuilder factors = new StringBuilder();
        for (int s = 0; s < st.length; s++) {
            for (int j = 0; j < st[s]; j++) factors.append(j == 0 ? x(m, s) : "\\left(" + x(m, s) + " - " + (j == 1 ? "" : j) + "\\frac{1}{\\Omega}\\right)");
        }
        String k = rate(rx);
        return factors.length() == 0 ? k : k + "\\," + factors;
    }

    private static String rate(Reaction rx) {
        String k = Latex.of(rx.rate());
        return rx.rate().names().size() <= 1 && !k.contains("+") && !k.contains("-") ? k : "\\left(" + k + "\\right)";
    }

    /** ν₁ t₁ + ν₂ t₂ …, with the signs folded in. */
    private static String sum(List<String> terms, List<Integer> factors) {
        if (terms.isEmpty()) return "0";
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < terms.size(); k++) {
            int f = factors.get(k);
            String sign = f < 0 ? " - " : " + ";
            if (k == 0) sign = f < 0 ? "-" : "";
            String coefficient = Math.abs(f) == 1 ? "" : Math.abs(f) + "\\,";
            sb.append(sign).append(coefficient).append(terms.get(k));
        }
        return sb.toString();
    }
}
