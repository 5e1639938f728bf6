package org.kmlab.ui;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kmlab.run.Ghost;
import org.kmlab.run.Run;

/**
 * Compare: "Pin as ghost" keeps a copy of the run on show (finished, paused or still going: what it
 * has so far); the panes then draw it, dimmed, under every later run of the same species names,
 * labelled with what differs from the values now set ({@link #ghostProperty}, relabelled whenever
 * the model, values or settings change). "Clear ghost" drops it.
 */
public final class GhostViewModel {
    private final SessionViewModel session;
    private Ghost pinned;
    private final ReadOnlyObjectWrapper<Ghost> shown = new ReadOnlyObjectWrapper<>();

    public GhostViewModel(SessionViewModel session) {
        this.session = session;
        session.modelProperty().addListener(o -> relabel());
        session.settingsProperty().addListener(o -> relabel());
    }

    /** The pinned ghost labelled against the current values, or null when none is pinned. */
    public ReadOnlyObjectProperty<Ghost> ghostProperty() { return shown.getReadOnlyProperty(); }

    /** True while there is a run to pin. */
    public BooleanBinding canPin() { return session.runProperty().isNotNull(); }

    /** True while a ghost is pinned. */
    public BooleanBinding canClear() { return shown.isNotNull(); }

    /** Pins the run on show as the ghost (replacing one pinned before); nothing when there is no run. */
    public void pin() {
        Run run = session.run();
        if (run == null) return;
        pinned = Ghost.pin(run);
        relabel();
        session.setNotice("Pinned this run as a ghost: change values or the model to compare (Run ▸ Clear ghost to drop it)");
    }

    public void clear() {
        pinned = null;
        relabel();
    }

    private void relabel() {
        shown.set(pinned == null || session.model() == null ? pinned : pinned.against(session.model(), session.settings()));
    }
}
