package org.kmlab.model;

/**
 * The propensities a_r(n) of a model at fixed parameter values, evaluated without allocation.
 * Callers own an environment ({@link #newEnvironment()}) and write the counts into its first
 * {@link #speciesCount()} slots; one environment per thread.
 *
 * <p>Mass action is computed from a pre-multiplied constant c_r = k_r·Ω^(1−order) times the
 * falling factorials. For non-integer counts (the continuous x of Fokker–Planck) the same product
 * is used and a negative product is clamped to zero, so A and B never see a negative rate.
 */
public final class Propensities {
    private final Model model;
    private final int species;
    private final int[][] reactants;
    private final int[][] jumps;
    private final Expression[] formulas;
    private final double[] massActionConstant;   // NaN for formula propensities
    private final double[] template;
    private final int[] order;

    Propensities(Model model, int[][] reactants, int[][] jumps, Expression[] formulas) {
        this.model = model;
        this.species = model.speciesCount();
        this.reactants = reactants;
        this.jumps = jumps;
        this.formulas = formulas;
        this.template = model.baseEnvironment();
        this.massActionConstant = new double[formulas.length];
        this.order = new int[formulas.length];
        for (int r = 0; r < formulas.length; r++) {
            for (int s : reactants[r]) order[r] += s;
            if (model.reactions().get(r).isMassAction()) {
                massActionConstant[r] = massActionConstant(r, template);
            } else {
                massActionConstant[r] = Double.NaN;
            }
        }
    }

    public Model model() { return model; }

    public int size() { return formulas.length; }

    public int speciesCount() { return species; }

    /** Jump of species s in reaction r. */
    public int jump(int r, int s) { return jumps[r][s]; }

    /** A new environment with parameters filled in; counts start at the model's initial state. */
    public double[] newEnvironment() {
        double[] env = template.clone();
        for (int i = 0; i < species; i++) env[i] = model.species().get(i).initial();
        return env;
    }

    /** a_r at the counts held in {@code env[0..S-1]}. May be negative or NaN for a bad formula: see {@link #checked}. */
    public double propensity(int r, double[] env) {
        double c = massActionConstant[r];
        if (c != c) return formulas[r].eval(env);
        return massAction(r, c, env);
    }

    /**
     * c_r = k_r·Ω^(1−order) with the rate k_r read from {@code env}'s parameter slots: what an
     * event that changes a parameter makes the SSA recompute (bit for bit {@link #massActionConstant(int)}
     * when the parameters are the model's).
     */
    public double massActionConstant(int r, double[] env) {
        return formulas[r].eval(env) * Math.pow(model.size(), 1 - order[r]);
    }

    /** A mass-action reaction's a_r with the constant c (see {@link #massActionConstant(int, double[])}). */
    public double massAction(int r, double c, double[] env) {
        int[] s = reactants[r];
        double a = c;
        for (int i = 0; i < species; i++) {
            double n = env[i];
            for (int j = 0; j < s[i]; j++) {
                double f = n - j;
                if (f <= 0) return 0.0;
                a *= f;
            }
        }
        return a;
    }

    /** True when reaction r's formula (its rate for mass action) reads environment slot {@code slot}. */
    public boolean readsSlot(int r, int slot) { return formulas[r].uses(slot); }

    /** True when reaction r's propensity is mass action (never negative, never NaN). */
    public boolean isMassAction(int r) { return massActionConstant[r] == massActionConstant[r]; }

    /**
     * The constant c_r = k_r·Ω^(1−order) that {@link #propensity} multiplies the falling factorials
     * by (so a solver's own kernel can give the same bits); NaN for a formula propensity.
     */
    public double massActionConstant(int r) { return massActionConstant[r]; }

    /**
     * True when a_r depends on species s: a reactant of a mass-action reaction, a count a formula
     * reads. The SSA's dependency graph recomputes a_r only after events that change such a species.
     */
    public boolean reads(int r, int s) {
        return isMassAction(r) ? reactants[r][s] > 0 : formulas[r].uses(s);
    }

    /**
     * Throws a user-facing {@link ModelException} when {@code a} (the value of reaction r at the
     * state in env) is negative or not finite; returns it otherwise.
     */
    public double checked(int r, double a, double[] env) {
        if (a >= 0 && a < Double.POSITIVE_INFINITY) return a;
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < species; i++) {
            if (i > 0) state.append(", ");
            state.append(model.species().get(i).name()).append(" = ").append(Names.format(env[i]));
        }
        throw new ModelException("reaction '" + model.reactions().get(r).name() + "': propensity "
                + (Double.isNaN(a) ? "is NaN" : "is " + Names.format(a)) + " at " + state);
    }
}
