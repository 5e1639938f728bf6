package org.kmlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The states a trajectory stops in: a union of half-lines {@code SPECIES OP INTEGER} with OP one
 * of {@code <=, >=, <, >} (a preset's {@code "absorbing": ["X <= 0"]}, a model text's
 * {@code absorbing: X <= 0}). Solvers freeze a trajectory on entry and record its first-passage
 * time. Each condition is kept as an inclusive bound on one species' count ({@code X < 3} as
 * {@code n ≤ 2}), so {@link #contains} is a few comparisons and allocates nothing. Immutable;
 * {@link #bind} checks the species against a model and resolves their indices.
 */
public final class AbsorbingSet {
    public static final AbsorbingSet NONE = new AbsorbingSet(List.of(), new int[0], new boolean[0], new long[0]);
    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*(<=|>=|<|>)\\s*([+-]?\\d+)\\s*");

    private final List<String> entries;
    private final int[] species;      // index per condition, −1 until bound
    private final boolean[] below;    // true: n ≤ limit; false: n ≥ limit
    private final long[] limit;
    private final String[] names;

    private AbsorbingSet(List<String> entries, int[] species, boolean[] below, long[] limit) {
        this.entries = List.copyOf(entries);
        this.species = species;
        this.below = below;
        this.limit = limit;
        this.names = new String[entries.size()];
        for (int c = 0; c < names.length; c++) {
            Matcher m = ENTRY.matcher(entries.get(c));
            names[c] = m.matches() ? m.group(1) : "";
        }
    }

    /**
     * Reads the entries; a bad one is refused with its place and why, e.g.
     * {@code absorbing[1]: 'X = 0': expected SPECIES OP INTEGER …}.
     *
     * @param where the key the entries came from ("absorbing")
     */
    public static AbsorbingSet parse(List<String> entries, String where) {
        int n = entries.size();
        int[] species = new int[n];
        boolean[] below = new boolean[n];
        long[] limit = new long[n];
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            String text = entries.get(c) == null ? "" : entries.get(c).trim();
            String path = where + "[" + c + "]";
            Matcher m = ENTRY.matcher(text);
            if (!m.matches()) {
                String why = text.matches(".*(<=|>=|<|>)\\s*[+-]?\\d*\\.\\d*.*|.*(<=|>=|<|>)\\s*[+-]?\\d+[eE].*")
                        ? "the bound must be a whole number (a count)"
                        : "expected SPECIES OP INTEGER with OP one of <=, >=, <, >, e.g. 'X <= 0'";
                throw new ModelException(path + ": '" + text + "': " + why);
            }
            long bound;
            try {
                bound = Long.parseLong(m.group(3).replace("+", ""));
            } catch (NumberFormatException e) {
                throw new ModelException(path + ": '" + text + "': the bound is too large");
            }
            String op = m.group(2);
            below[c] = op.startsWith("<");
            limit[c] = switch (op) {
                case "<" -> bound - 1;
                case ">" -> bound + 1;
                default -> bound;
            };
            species[c] = -1;
            texts.add(m.group(1) + " " + op + " " + bound);
        }
        return n == 0 ? NONE : new AbsorbingSet(texts, species, below, limit);
    }

    /**
     * This set with its species resolved against the model's; an unknown species, or a
     * condition a count can never meet ({@code X < 0} for an unsigned X), is an error naming it.
     */
    AbsorbingSet bind(List<Species> modelSpecies) {
        if (isEmpty()) return this;
        int[] idx = new int[species.length];
        for (int c = 0; c < idx.length; c++) {
            idx[c] = -1;
            for (int s = 0; s < modelSpecies.size(); s++) if (modelSpecies.get(s).name().equals(names[c])) idx[c] = s;
            String path = "absorbing[" + c + "]: '" + entries.get(c) + "'";
            if (idx[c] < 0) {
                throw new ModelException(path + ": unknown species '" + names[c] + "' (the model has "
                        + String.join(", ", modelSpecies.stream().map(Species::name).toList()) + ")");
            }
            if (below[c] && limit[c] < 0 && !modelSpecies.get(idx[c]).signed()) {
                throw new ModelException(path + ": never reached, " + names[c] + " is a count ≥ 0");
            }
        }
        return new AbsorbingSet(entries, idx, below, limit);
    }

    public boolean isEmpty() { return entries.isEmpty(); }

    /** The entries as written back, e.g. {@code ["X <= 0"]}. */
    public List<String> entries() { return entries; }

    /** Number of conditions (the set is their union). */
    public int size() { return entries.size(); }

    /** Species index of condition c (after {@link #bind}). */
    public int species(int c) { return species[c]; }

    /** True when condition c is {@code n ≤ limit(c)}, false when it is {@code n ≥ limit(c)}. */
    public boolean below(int c) { return below[c]; }

    /** The inclusive bound of condition c. */
    public long limit(int c) { return limit[c]; }

    /** True when the counts {@code n} (by species index) lie in the set. Allocates nothing. */
    public boolean contains(double[] n) {
        for (int c = 0; c < limit.length; c++) {
            double v = n[species[c]];
            if (below[c] ? v <= limit[c] : v >= limit[c]) return true;
        }
        return false;
    }

    /** {@link #contains(double[])} for integer counts. */
    public boolean contains(long[] n) {
        for (int c = 0; c < limit.length; c++) {
            long v = n[species[c]];
            if (below[c] ? v <= limit[c] : v >= limit[c]) return true;
        }
        return false;
    }

    @Override public boolean equals(Object o) { return o instanceof AbsorbingSet a && a.entries.equals(entries); }

    @Override public int hashCode() { return entries.hashCode(); }

    @Override public String toString() { return String.join(" or ", entries); }
}
