package org.kmlab.model;

import java.util.List;

/** Parses an equation such as {@code "2 X + Y -> Z"} ({@code 0} or {@code ∅} is nothing). */
final class Stoichiometry {
    final int[] reactants;
    final int[] products;

    private Stoichiometry(int[] reactants, int[] products) {
        this.reactants = reactants;
        this.products = products;
    }

    static Stoichiometry parse(String equation, List<String> species, String path) {
        if (equation == null) throw new ModelException(path + ": missing");
        String[] sides = equation.split("->", -1);
        if (sides.length != 2) throw new ModelException(path + ": expected 'reactants -> products', got '" + equation + "'");
        return new Stoichiometry(side(sides[0], species, path, equation), side(sides[1], species, path, equation));
    }

    private static int[] side(String text, List<String> species, String path, String equation) {
        int[] counts = new int[species.size()];
        String t = text.strip();
        if (t.equals("0") || t.equals("∅")) return counts;
        if (t.isEmpty()) throw new ModelException(path + ": empty side in '" + equation + "' (write 0 for nothing)");
        for (String term : t.split("\\+")) {
            String s = term.strip();
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            int coefficient = i == 0 ? 1 : Integer.parseInt(s.substring(0, i));
            String name = s.substring(i).strip();
            if (name.isEmpty() && coefficient == 0) continue;
            int idx = species.indexOf(name);
            if (idx < 0) throw new ModelException(path + ": unknown species '" + name + "' in '" + equation + "'");
            counts[idx] += coefficient;
        }
        return counts;
    }
}
