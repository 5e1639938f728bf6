package org.kmlab.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an equation such as {@code "2 X + Y -> Z"} ({@code 0} or {@code ∅} is nothing) into coefficients by species name. */
final class Stoichiometry {
    private Stoichiometry() {}

    /** The two sides of an equation. */
    static String[] split(String equation) {
        if (equation == null) throw new ModelException("missing equation");
        String[] sides = equation.split("->|→", -1);
        if (sides.length != 2) throw new ModelException("expected 'reactants -> products', got '" + equation + "'");
        return sides;
    }

    /** One side: species name → coefficient (a species written twice adds up). */
    static Map<String, Integer> side(String text, String equation) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String t = text.strip();
        if (t.equals("0") || t.equals("∅")) return counts;
        if (t.isEmpty()) throw new ModelException("empty side in '" + equation + "' (write 0 for nothing)");
        for (String term : t.split("\\+")) {
            String s = term.strip();
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            int coefficient;
            try {
                coefficient = i == 0 ? 1 : Integer.parseInt(s.substring(0, i));
            } catch (NumberFormatException e) {
                throw new ModelException("coefficient too large in '" + equation + "'");
            }
            String name = s.substring(i).strip();
            if (name.isEmpty() && coefficient == 0) continue;
            if (!Names.isIdentifier(name)) throw new ModelException("'" + s + "' is not a species in '" + equation + "'");
            counts.merge(name, coefficient, Integer::sum);
        }
        return counts;
    }
}
