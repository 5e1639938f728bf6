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
    static final int CHECK_BOUND = 1, CHECK_SIGN = 2;

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
    final int[] changeStart, changeSpecies, changeCheck;
    final double[] changeDelta;
    final int[] dependentStart, dependents;
    final boolean tree;
    /** Leaves of the partial-sum tree: the smallest power of two ≥ R. */
    final int leaves;

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
        changeStart = new int[reactions + 1];
        for (int r = 0; r < reactions; r++) {
            changeStart[r] = changes.size();
            for (int s = 0; s < species; s++) {
                int nu = propensities.jump(r, s);
                if (nu == 0) continue;
                int check = 0;
                if (nu > 0 || signed[s]) check |= CHECK_BOUND;            // only a growing |n| can pass the bound
                if (nu < 0 && !signed[s] && kind[r] == FORMULA) check |= CHECK_SIGN;
                changes.add(new int[] {s, nu, check});
            }
        }
        changeStart[reactions] = changes.size();
        changeSpecies = new int[changes.size()];
        changeDelta = new double[changes.size()];
        changeCheck = new int[changes.size()];
        for (int c = 0; c < changes.size(); c++) {
            changeSpecies[c] = changes.get(c)[0];
            changeDelta[c] = changes.get(c)[1];
            changeCheck[c] = changes.get(c)[2];
        }

        List<Integer> deps = new ArrayList<>();
        dependentStart = new int[reactions + 1];
        for (int r = 0; r < reactions; r++) {
            dependentStart[r] = deps.size();
            for (int q = 0; q < reactions; q++) {
                boolean affected = false;
                for (int c = changeStart[r]; c < changeStart[r + 1]; c++) affected |= reads[q][changeSpecies[c]];
                if (affected) deps.add(q);
            }
        }
        dependentStart[reactions] = deps.size();
        dependents = deps.stream().mapToInt(Integer::intValue).toArray();

        this.tree = tree;
        int l = 1;
        while (l < reactions) l <<= 1;
        this.leaves = l;
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
