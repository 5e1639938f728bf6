package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.model.Species;
import org.kmlab.solve.Snapshot;

import java.util.Objects;

/**
 * A run pinned for comparison: an immutable copy of its recording, the model and settings it ran
 * with, and a short label saying what differs from the run on show ("ghost: Ω = 10", see
 * {@link GhostLabel}). The panes draw its curves, dimmed, on every species of the same name. It
 * survives changing values, solvers and models; a pane with no species of its names shows nothing of it.
 */
public record Ghost(Model model, RunSettings settings, Recording recording, String label) {
    public Ghost {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(label, "label");
    }

    /** A ghost of what a run (finished, paused or still going) has recorded so far, labelled "ghost" until compared. */
    public static Ghost pin(Run run) {
        return new Ghost(run.request().model(), run.request().settings(), run.recording().frozenCopy(), GhostLabel.PREFIX);
    }

    /** A ghost of a finished recording (the command line's second run), labelled "ghost" until compared. */
    public static Ghost of(Model model, RunSettings settings, Recording recording) {
        return new Ghost(model, settings, recording, GhostLabel.PREFIX);
    }

    /** This ghost labelled with what differs from the current model and settings (settings may be null: not compared). */
    public Ghost against(Model current, RunSettings currentSettings) {
        return new Ghost(model, settings, recording, GhostLabel.between(model, settings, current, currentSettings));
    }

    /** The index of the ghost's species with this name, or −1. */
    public int speciesIndex(String name) {
        for (int s = 0; s < model.speciesCount(); s++) if (model.species().get(s).name().equals(name)) return s;
        return -1;
    }

    /** Whether the ghost has a species of any of these names. */
    public boolean sharesSpecies(Model other) {
        for (Species s : other.species()) if (speciesIndex(s.name()) >= 0) return true;
        return false;
    }

    /**
     * The ghost's output index for time t of the run on show: the recorded time nearest to t, or
     * the solver's last recorded one if the ghost ended (or was paused) earlier; −1 when the solver has none.
     */
    public int indexAt(String solver, double t) {
        int last = recording.highestIndex(solver);
        if (last < 0) return -1;
        int k = recording.indexOf(t);
        return Math.min(k, last);
    }

    /** The solver's snapshot at {@link #indexAt}, or the latest before it (solvers that skip indices); null when none. */
    public Snapshot at(String solver, double t) {
        int k = indexAt(solver, t);
        return k < 0 ? null : recording.atOrBefore(solver, k);
    }
}
