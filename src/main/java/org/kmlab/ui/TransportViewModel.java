package org.kmlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.kmlab.run.Run;

/**
 * Playback of a run's recorded output times: which index is on show, whether it advances (play)
 * and how fast. At speed 1× the whole run plays in {@value #SECONDS_AT_1X} s of wall time; play
 * never passes the live edge of a run still going, so it follows the solvers. The scrubber sets the
 * index directly (during or after a run).
 */
public final class TransportViewModel {
    static final double SECONDS_AT_1X = 10;

    private final SessionViewModel session;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final IntegerProperty lastIndex = new SimpleIntegerProperty(0);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private double position;       // fractional index while playing
    private long lastTick = -1;

    public TransportViewModel(SessionViewModel session) {
        this.session = session;
        session.runProperty().addListener((o, a, b) -> { position = 0; index.set(0); });
    }

    public ReadOnlyBooleanProperty playingProperty() { return playing; }
    /** The output-time index on show. */
    public ReadOnlyIntegerProperty indexProperty() { return index; }
    /** The last index of the run's time grid (the scrubber's maximum). */
    public ReadOnlyIntegerProperty lastIndexProperty() { return lastIndex; }
    public DoubleProperty speedProperty() { return speed; }
    public boolean isPlaying() { return playing.get(); }
    public int index() { return index.get(); }

    /** Play: starts a run if the values changed since the last one (or none exists), then advances. */
    public void play() {
        if (session.isRunStale()) session.start();
        else if (index.get() >= lastIndex.get() && session.run().isFinished()) { position = 0; index.set(0); }
        lastTick = -1;
        playing.set(true);
    }

    public void pause() { playing.set(false); }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    /** One output time forward (pauses). Starts a run first if there is none. */
    public void step() {
        pause();
        if (session.run() == null) { session.start(); return; }
        scrubTo(index.get() + 1);
    }

    /** Stops the run and returns to t = 0. */
    public void reset() {
        pause();
        session.reset();
        position = 0;
        index.set(0);
    }

    /** Shows index k (clamped to what has been recorded). */
    public void scrubTo(int k) {
        Run r = session.run();
        int edge = r == null ? 0 : Math.max(0, r.liveEdge());
        int clamped = Math.max(0, Math.min(k, edge));
        position = clamped;
        index.set(clamped);
    }

    /** Called once per frame: advances the index while playing. */
    void tick(long nanos) {
        Run r = session.run();
        if (r == null) { lastTick = nanos; return; }
        int last = r.recording().timeCount() - 1;
        if (lastIndex.get() != last) lastIndex.set(last);
        if (!playing.get()) { lastTick = nanos; return; }
        double dt = lastTick < 0 ? 0 : (nanos - lastTick) * 1e-9;
        lastTick = nanos;
        int edge = r.liveEdge();
        position += dt * speed.get() * last / SECONDS_AT_1X;
        if (position > edge) position = Math.max(0, edge);
        index.set((int) Math.floor(position));
        if (r.isFinished() && index.get() >= Math.min(last, Math.max(0, edge))) playing.set(false);
    }
}
