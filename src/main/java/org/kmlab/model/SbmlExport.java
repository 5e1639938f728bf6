package org.kmlab.model;

import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLWriter;
import org.sbml.jsbml.SpeciesReference;

import javax.xml.stream.XMLStreamException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Model} as SBML Level 3 Version 2 whose kinetic laws are kmlab's propensities in
 * molecules per unit time, so that {@link SbmlImport} reads it back to the same propensities.
 *
 * <p>Species are amounts ({@code hasOnlySubstanceUnits="true"}) in one compartment of size 1;
 * the system size is a constant parameter {@code Omega} and {@code h} a parameter with the
 * assignment rule {@code h = 1/Omega}. A mass-action reaction's law is written out with the
 * Ω convention of DESIGN.md, {@code k·Ω^(1−order)·Π (n)(n−1)…}; a propensity formula as it is
 * ({@code min}/{@code max} are MathML of Level 3 Version 2). A signed species (a lattice
 * coordinate) carries a kmlab annotation, which other tools ignore. Events are written with their
 * trigger (initialValue, persistent), useValuesFromTriggerTime and assignments; parameters that
 * an event sets are not constant.
 */
public final class SbmlExport {
    private SbmlExport() {}

    /** The model as SBML text. */
    public static String write(Model model) {
        SBMLDocument doc = new SBMLDocument(3, 2);
        Set<String> ids = new HashSet<>();
        for (Species s : model.species()) ids.add(s.name());
        for (Parameter p : model.parameters()) ids.add(p.name());
        ids.add(Environment.OMEGA);
        ids.add(Environment.H);
        org.sbml.jsbml.Model m = doc.createModel(unique(sid(model.name()), ids));
        m.setName(model.name());
        String cell = unique("cell", ids);
        Compartment c = m.createCompartment(cell);
        c.setSize(1);
        c.setSpatialDimensions(3);
        c.setConstant(true);

        for (Species s : model.species()) {
            org.sbml.jsbml.Species sp = m.createSpecies(s.name(), c);
            sp.setInitialAmount(s.initial());
            sp.setHasOnlySubstanceUnits(true);
            sp.setBoundaryCondition(false);
            sp.setConstant(false);
            if (s.signed()) {
                try {
                    sp.getAnnotation().appendNonRDFAnnotation("<kmlab:species xmlns:kmlab=\"" + SbmlImport.KMLAB_NS + "\" signed=\"true\"/>");
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        Set<String> assigned = new HashSet<>();
        for (Event e : model.events()) for (Event.Assignment a : e.assignments()) assigned.add(a.variable());
        for (Parameter p : model.parameters()) {
            org.sbml.jsbml.Parameter q = m.createParameter(p.name());
            q.setValue(p.value());
            q.setConstant(!assigned.contains(p.name()));
        }
        org.sbml.jsbml.Parameter omega = m.createParameter(Environment.OMEGA);
        omega.setValue(model.size());
        omega.setConstant(true);
        org.sbml.jsbml.Parameter h = m.createParameter(Environment.H);
        h.setValue(1.0 / model.size());
        h.setConstant(false);
        AssignmentRule rule = m.createAssignmentRule();
        rule.setVariable(Environment.H);
        rule.setMath(math(Formula.apply("/", Formula.number(1), Formula.name(Environment.OMEGA))));
        // an observable is a species no reaction changes, set by the rule Σ c·n (SbmlImport reads it back as one)
        for (Observable o : model.observables()) {
            if (ids.contains(o.name())) continue;   // a clash cannot happen in a valid model; keep the file valid regardless
            ids.add(o.name());
            org.sbml.jsbml.Species sp = m.createSpecies(o.name(), c);
            sp.setInitialAmount(Observable.value(o.weights(model), toDoubles(model.initialCounts())));
            sp.setHasOnlySubstanceUnits(true);
            sp.setBoundaryCondition(false);
            sp.setConstant(false);
            Formula sum = null;
            for (Map.Entry<String, Integer> e : o.coefficients().entrySet()) {
                Formula term = Formula.apply("*", Formula.number(e.getValue()), Formula.name(e.getKey()));
                sum = sum == null ? term : Formula.apply("+", sum, term);
            }
            AssignmentRule observed = m.createAssignmentRule();
            observed.setVariable(o.name());
            observed.setMath(math(sum));
        }

        for (int r = 0; r < model.reactionCount(); r++) {
            Reaction rx = model.reactions().get(r);
            org.sbml.jsbml.Reaction x = m.createReaction(unique("r" + (r + 1), ids));
            x.setName(rx.name());
            x.setReversible(false);
            if (doc.getLevel() == 3 && doc.getVersion() == 1) x.setFast(false);
            addSide(x, rx.reactants(), true);
            addSide(x, rx.products(), false);
            KineticLaw law = x.createKineticLaw();
            law.setMath(math(propensity(model, r)));
        }
        for (Event e : model.events()) {
            org.sbml.jsbml.Event x = m.createEvent(unique(sid(e.id()), ids));
            x.setUseValuesFromTriggerTime(e.useValuesFromTriggerTime());
            org.sbml.jsbml.Trigger trigger = x.createTrigger(e.initialValue(), e.persistent());
            trigger.setMath(math(e.trigger()));
            for (Event.Assignment a : e.assignments()) x.createEventAssignment(a.variable(), math(a.value()));
        }
        try {
            return new SBMLWriter().writeSBMLToString(doc);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing SBML: " + e.getMessage(), e);
        }
    }

    private static double[] toDoubles(long[] counts) {
        double[] x = new double[counts.length];
        for (int i = 0; i < x.length; i++) x[i] = counts[i];
        return x;
    }

    private static void addSide(org.sbml.jsbml.Reaction x, Map<String, Integer> side, boolean reactants) {
        for (Map.Entry<String, Integer> e : side.entrySet()) {
            if (e.getValue() == 0) continue;
            SpeciesReference ref = reactants ? x.createReactant(x.getModel().getSpecies(e.getKey())) : x.createProduct(x.getModel().getSpecies(e.getKey()));
            ref.setStoichiometry(e.getValue());
            ref.setConstant(true);
        }
    }

    /**
     * Reaction r's whole propensity as a formula of counts, parameters, {@code Omega} and
     * {@code h}: its own for a propensity reaction, {@code k·Ω^(1−order)·Π_i (n_i)(n_i−1)…(n_i−s_i+1)}
     * for mass action (DESIGN.md).
     */
    static Formula propensity(Model model, int r) {
        Reaction rx = model.reactions().get(r);
        if (!rx.isMassAction()) return rx.propensity();
        int[] s = model.reactants(r);
        int order = 0;
        for (int v : s) order += v;
        Formula f = rx.rate();
        if (order != 1) f = Formula.apply("*", f, order == 0 ? Formula.name(Environment.OMEGA)
                : Formula.apply("^", Formula.name(Environment.OMEGA), Formula.number(1 - order)));
        for (int i = 0; i < s.length; i++) {
            Formula n = Formula.name(model.species().get(i).name());
            for (int j = 0; j < s[i]; j++) f = Formula.apply("*", f, j == 0 ? n : Formula.apply("-", n, Formula.number(j)));
        }
        return f;
    }

    /** A formula as a MathML tree. */
    static ASTNode math(Formula f) {
        Formula.Node n = f.tree();
        if (n.isNumber()) {
            double v = n.value();
            return v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? new ASTNode((int) v) : new ASTNode(v);
        }
        if (n.isName()) {
            if (n.name().equals(Environment.TIME)) {
                ASTNode t = new ASTNode(ASTNode.Type.NAME_TIME);
                t.setName("time");
                return t;
            }
            return new ASTNode(n.name());
        }
        List<Formula.Node> args = n.args();
        if (n.name().equals("step")) {
            // step(x) = 1 where x > 0, else 0: a piecewise of numbers, which SbmlImport reads back as step
            ASTNode gt = new ASTNode(ASTNode.Type.RELATIONAL_GT);
            gt.addChild(math(args.get(0).f()));
            gt.addChild(new ASTNode(0));
            ASTNode piecewise = new ASTNode(ASTNode.Type.FUNCTION_PIECEWISE);
            piecewise.addChild(new ASTNode(1));
            piecewise.addChild(gt);
            piecewise.addChild(new ASTNode(0));
            return piecewise;
        }
        ASTNode.Type type = switch (n.name()) {
            case "+" -> ASTNode.Type.PLUS;
            case "-", "neg" -> ASTNode.Type.MINUS;
            case "*" -> ASTNode.Type.TIMES;
            case "/" -> ASTNode.Type.DIVIDE;
            case "^" -> ASTNode.Type.POWER;
            case "min" -> ASTNode.Type.FUNCTION_MIN;
            case "max" -> ASTNode.Type.FUNCTION_MAX;
            case "abs" -> ASTNode.Type.FUNCTION_ABS;
            case "exp" -> ASTNode.Type.FUNCTION_EXP;
            case "log" -> ASTNode.Type.FUNCTION_LN;
            case "sqrt" -> ASTNode.Type.FUNCTION_ROOT;
            case "<" -> ASTNode.Type.RELATIONAL_LT;
            case "<=" -> ASTNode.Type.RELATIONAL_LEQ;
            case ">" -> ASTNode.Type.RELATIONAL_GT;
            case ">=" -> ASTNode.Type.RELATIONAL_GEQ;
            case "==" -> ASTNode.Type.RELATIONAL_EQ;
            case "!=" -> ASTNode.Type.RELATIONAL_NEQ;
            case "&&" -> ASTNode.Type.LOGICAL_AND;
            case "||" -> ASTNode.Type.LOGICAL_OR;
            case "!" -> ASTNode.Type.LOGICAL_NOT;
            default -> throw new ModelException("the function '" + n.name() + "' has no counterpart in SBML's MathML; the model cannot be written as SBML");
        };
        ASTNode node = new ASTNode(type);
        for (Formula.Node a : args) node.addChild(math(a.f()));
        return node;
    }

    /** A name usable as an SBML id (letters, digits, _; not starting with a digit). */
    static String sid(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_' ? "m_" + s : s;
    }

    private static String unique(String base, Set<String> ids) {
        String n = base;
        while (ids.contains(n)) n = n + "_";
        ids.add(n);
        return n;
    }
}
