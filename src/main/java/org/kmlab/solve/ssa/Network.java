package org.kmlab.solve.ssa;

import org.kmlab.model.Model;
import org.kmlab.model.Propensities;

import java.util.ArrayList;
import java.util.List;

/**
 * A model compiled for the {@link DirectMethodStepper}'s event loop, once per run and shared by
 * its workers (immutable): each reaction's propensity kind and constant, its jump as a sparse list
 * of (species, Δn, checks), and the dependency graph (which propensities to recompute after it
 * fires: those reading a species whose count it changes; Cao, Li &amp; Petzold 2004).
 */
final class Network {
    /** From this many reactions on, the reaction is chosen from a tree of partial sums. */
    static final int LINEAR_MAX = 16;

    /** Mass action of order ≤ 2 (an inline kernel), of higher order, a formula (checked). */
    static final int KERNEL = 0, GENERAL = 1, FORMULA = 2;
    static final int CHECK_BOUND = 1, CHECK_SIGN = 2, CHECKS = CHECK_BOUND | CHECK_SIGN;
    /** Flag of the last change of a reaction (its list ends there: see the stepper). */
    static final int LAST = 4;

    final Propensities propensities;
    final int species, reactions;
    final String[] speciesNames;
    /** Species that may go below zero (lattice coordinates). */
    final boolean[] signed;
    final int[] kind;
    final double[] constant;
    final int[] first, second;
    final double[] offset;
    /** The environment slot after the model's own and {@code time}, holding 1.0 (see the stepper's kernel). */
    final int one;
    /** The model's events compiled, or null when it has none (the stepper then runs its plain loop). */
    final EventProgram events;
    /**
     * Each reaction's jump: entries changeFirst[r], changeFirst[r] + 1, … up to the one flagged
     * {@link #LAST}, each a species, its Δn and its checks. Every reaction has at least one entry
     * (one that changes nothing adds 0 to the slot {@link #one}).
     */
    final int[] changeFirst, changeSpecies, changeCheck;
    final double[] changeDelta;
    /** The reactions whose propensity reads a species r changes, in increasing order (the dependency graph). */
    final int[][] dependentLists;
    /** The same lists flattened for the event loop (see {@link #flatten}). */
    final int[] dependentFirst, dependents;
    final boolean tree;
    /** Leaves of the partial-sum tree: the smallest power of two ≥ R. */
    final int leaves;
    /**
     * Per reaction r, the inner tree nodes to recompute after its dependents' leaves changed: the
     * union of their ancestors, each once, in decreasing index order (a child before its parent,
     * since node k's children are 2k and 2k + 1), flattened as {@link #flatten} says. Neighbouring
     * dependents share most ancestors, so this is far fewer additions than one root path per
     * dependent. Empty when linear.
     */
    final int[] refreshFirst, refreshNodes;
    /**
     * Whether the stepper may run its one-species loop: one species, every propensity a kernel, the
     * linear search, no events. Then each reaction's Δn and whether it checks the bound.
     */
    final boolean oneSpecies;
    final double[] oneSpeciesDelta;
    final boolean[] oneSpeciesCheck;

    Network(Model model) {
        this(model, model.reactionCount() >= LINEAR_MAX);
    }

    /** @param tree choose reactions from the partial-sum tree whatever R is (tests compare both ways) */
    Network(Model model, boolean tree) {
        this.propensities = model.propensities();
        this.species = model.speciesCount();
        this.reactions = model.reactionCount();
        this.speciesNames = new String[species];
        signed = new boolean[species];
        for (int s = 0; s < species; s++) {
            speciesNames[s] = model.species().get(s).name();
            signed[s] = model.species().get(s).signed();
        }
        kind = new int[reactions];
        constant = new double[reactions];
        first = new int[reactions];
        second = new int[reactions];
        offset = new double[reactions];
        one = model.environment().timeSlot() + 1;
        events = EventProgram.of(model, propensities);
        boolean[][] reads = new boolean[reactions][species];
        for (int r = 0; r < reactions; r++) {
            int[] reactants = model.reactants(r);
            for (int s = 0; s < species; s++) reads[r][s] = propensities.reads(r, s);
            constant[r] = propensities.massActionConstant(r);
            kind[r] = propensities.isMassAction(r) ? massActionKind(reactants, r) : FORMULA;
        }

        List<int[]> changes = new ArrayList<>();
        changeFirst = new int[reactions];
        for (int r = 0; r < reactions; r++) {
            changeFirst[r] = changes.size();
            for (int s = 0; s < species; s++) {
                int nu = propensities.jump(r, s);
                if (nu == 0) continue;
                int check = 0;
                if (nu > 0 || signed[s]) check |= CHECK_BOUND;            // only a growing |n| can pass the bound
                if (nu < 0 && !signed[s] && kind[r] == FORMULA) check |= CHECK_SIGN;
                changes.add(new int[] {s, nu, check});
            }
            if (changes.size() == changeFirst[r]) changes.add(new int[] {one, 0, 0});   // X → X: adds 0 to the slot holding 1
            changes.get(changes.size() - 1)[2] |= LAST;
        }
        changeSpecies = new int[changes.size()];
        changeDelta = new double[changes.size()];
        changeCheck = new int[changes.size()];
        for (int c = 0; c < changes.size(); c++) {
            changeSpecies[c] = changes.get(c)[0];
            changeDelta[c] = changes.get(c)[1];
            changeCheck[c] = changes.get(c)[2];
        }

        dependentLists = new int[reactions][];
        for (int r = 0; r < reactions; r++) {
            List<Integer> deps = new ArrayList<>();
            for (int q = 0; q < reactions; q++) {
                boolean affected = false;
                for (int s = 0; s < species; s++) affected |= reads[q][s] && propensities.jump(r, s) != 0;
                if (affected) deps.add(q);
            }
            dependentLists[r] = deps.stream().mapToInt(Integer::intValue).toArray();
        }
        dependentFirst = new int[reactions];
        dependents = flatten(dependentLists, dependentFirst);

        this.tree = tree;
        int l = 1;
        while (l < reactions) l <<= 1;
        this.leaves = l;

        int[][] refresh = new int[reactions][];
        for (int r = 0; r < reactions; r++) {
            java.util.TreeSet<Integer> ancestors = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
            if (tree) {
                for (int q : dependentLists[r]) for (int k = (l + q) >> 1; k >= 1; k >>= 1) ancestors.add(k);
            }
            refresh[r] = ancestors.stream().mapToInt(Integer::intValue).toArray();
        }
        refreshFirst = new int[reactions];
        refreshNodes = flatten(refresh, refreshFirst);

        boolean kernels = true;
        for (int r = 0; r < reactions; r++) kernels &= kind[r] == KERNEL;
        oneSpecies = species == 1 && kernels && !tree && events == null;
        oneSpeciesDelta = new double[reactions];
        oneSpeciesCheck = new boolean[reactions];
        for (int r = 0; r < reactions && species == 1; r++) {
            oneSpeciesDelta[r] = propensities.jump(r, 0);
            oneSpeciesCheck[r] = oneSpeciesDelta[r] != 0 && (changeCheck[changeFirst[r]] & CHECK_BOUND) != 0;
        }
    }

    /**
     * One array of all lists, each entry v·2 + (1 if it ends its list); {@code first[r]} is where
     * list r starts, −1 when it is empty.
     */
    private static int[] flatten(int[][] lists, int[] first) {
        int total = 0;
        for (int[] list : lists) total += list.length;
        int[] flat = new int[total];
        int at = 0;
        for (int r = 0; r < lists.length; r++) {
            first[r] = lists[r].length == 0 ? -1 : at;
            for (int i = 0; i < lists[r].length; i++) flat[at++] = lists[r][i] << 1 | (i == lists[r].length - 1 ? 1 : 0);
        }
        return flat;
    }

    /**
     * The kernel c·u·v of a mass-action reaction: u and v are (1, 1) for ∅ → …, (n, 1) for X → …,
     * (n_a, n_b) for X_a + X_b → … with a &lt; b (the species order Propensities multiplies in), and
     * (n, n − 1) for 2X → …; GENERAL beyond order 2.
     */
    private int massActionKind(int[] reactants, int r) {
        int order = 0, a = -1, b = -1;
        for (int s = 0; s < reactants.length; s++) {
            if (reactants[s] == 0) continue;
            order += reactants[s];
            if (a < 0) a = s; else b = s;
        }
        first[r] = one;
        second[r] = one;
        if (order == 1) {
            first[r] = a;
        } else if (order == 2 && b >= 0) {
            first[r] = a;
            second[r] = b;
        } else if (order == 2) {
            first[r] = a;
            second[r] = a;
            offset[r] = 1;
        } else if (order > 2) {
            return GENERAL;
        }
        return KERNEL;
    }
}
