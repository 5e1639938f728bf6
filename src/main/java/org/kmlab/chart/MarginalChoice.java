package org.kmlab.chart;

import org.kmlab.model.Model;
import org.kmlab.model.Observable;
import org.kmlab.model.Species;

import java.util.ArrayList;
import java.util.List;

/**
 * Which quantity the distribution pane shows: all of them side by side (the default), or one
 * species or one of the preset's {@linkplain Observable observables} alone, by name. Handed to the
 * panes through {@link Frame#analysis(Class)} like {@link CloudAxes}; the window's chooser under
 * the pane and {@code kmlab export --marginal NAME} make one.
 *
 * @param name a species' or an observable's name; empty for all
 */
public record MarginalChoice(String name) {
    public static final MarginalChoice ALL = new MarginalChoice("");

    public MarginalChoice {
        name = name == null ? "" : name.trim();
    }

    public boolean all() { return name.isEmpty(); }

    /**
     * The quantities a marginal pane of m draws, in order: its species, then its observables
     * (index d + k is observable k, as in {@link org.kmlab.solve.Snapshot#marginal(int)}).
     */
    public static List<String> quantities(Model m) {
        List<String> out = new ArrayList<>(m.species().stream().map(Species::name).toList());
        for (Observable o : m.observables()) out.add(o.name());
        return out;
    }

    /** The quantities as a chooser lists them: a species by its name, an observable as written, e.g. "S = S_T − C". */
    public static List<String> labels(Model m) {
        List<String> out = new ArrayList<>(m.species().stream().map(Species::name).toList());
        for (Observable o : m.observables()) out.add(o.label());
        return out;
    }

    /** Which of m's quantities are drawn (every one for {@link #ALL} or a name m lacks). */
    boolean[] shown(Model m) {
        List<String> q = quantities(m);
        boolean[] out = new boolean[q.size()];
        int i = q.indexOf(name);
        if (i < 0) java.util.Arrays.fill(out, true);
        else out[i] = true;
        return out;
    }

    /** This choice for m, or an error naming what m has (for the CLI). */
    public MarginalChoice checkedFor(Model m) {
        if (all() || quantities(m).contains(name)) return this;
        throw new IllegalArgumentException("unknown species or observable '" + name + "': the model has " + String.join(", ", quantities(m)));
    }
}
