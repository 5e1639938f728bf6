package org.kmlab.ui;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kmlab.model.Preset;
import org.kmlab.run.ModelLibrary;

import java.util.function.Consumer;

/**
 * The lesson on show and its current step. Going to a step applies it: the step's preset with its
 * own defaults, then the step's values and solvers, the panes and pane options it names (through
 * {@code showStep}), and a fresh run that plays ({@code play}).
 */
public final class LessonViewModel {
    private final SessionViewModel session;
    private final ModelLibrary library;
    private final Consumer<Lesson.Step> showStep;
    private final Runnable play;
    private final SimpleObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty index = new SimpleIntegerProperty(-1);

    public LessonViewModel(SessionViewModel session, ModelLibrary library, Consumer<Lesson.Step> showStep, Runnable play) {
        this.session = session;
        this.library = library;
        this.showStep = showStep;
        this.play = play;
    }

    /** The lesson open, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() { return lesson; }
    /** The step on show, from 0 (−1 with no lesson). */
    public ReadOnlyIntegerProperty indexProperty() { return index; }
    public Lesson lesson() { return lesson.get(); }
    public int index() { return index.get(); }

    public Lesson.Step step() {
        Lesson l = lesson.get();
        return l == null || index.get() < 0 ? null : l.steps().get(index.get());
    }

    public boolean hasNext() { return lesson.get() != null && index.get() < lesson.get().steps().size() - 1; }
    public boolean hasPrevious() { return lesson.get() != null && index.get() > 0; }

    /** Opens a lesson at its first step. */
    public void open(Lesson l) {
        index.set(-1);   // a listener on the lesson sees no stale step
        lesson.set(l);
        go(0);
    }

    public void next() { if (hasNext()) go(index.get() + 1); }
    public void previous() { if (hasPrevious()) go(index.get() - 1); }
    /** The step on show again, from its own values (after the class played with the sliders). */
    public void again() { if (lesson.get() != null) go(index.get()); }

    public void close() {
        index.set(-1);
        lesson.set(null);
        showStep.accept(null);
    }

    private void go(int k) {
        Lesson.Step s = lesson.get().steps().get(k);
        Preset p = library.load(s.preset());   // checked when the lesson was read; a file deleted since is a ModelException
        session.select(p);
        s.values().forEach((name, v) -> {
            String problem = session.set(name, v);
            if (!problem.isEmpty()) session.setNotice("⚠ lesson line " + s.line() + ": " + name + " " + problem);
        });
        if (s.solvers() != null) {
            for (String id : session.service().registry().ids()) session.setSolverEnabled(id, s.solvers().contains(id));
        }
        index.set(k);
        showStep.accept(s);
        play.run();
    }
}
