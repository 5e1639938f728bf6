package org.kmlab.ui;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.kmlab.model.Model;
import org.kmlab.model.ModelText;
import org.kmlab.model.Preset;

/**
 * The model as text ({@link ModelText}): what the user types is read a moment after they stop;
 * each problem is listed with its line; a text that reads as a model becomes the model on show,
 * and while the text has problems the last valid model keeps running. Choosing another preset
 * writes its text here.
 */
public final class ModelEditorViewModel {
    static final Duration READ_DELAY = Duration.millis(350);
    static final String ID = "edited";

    private final SessionViewModel session;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<ModelText.Problem> problems = FXCollections.observableArrayList();
    private final SimpleStringProperty state = new SimpleStringProperty("");
    private final PauseTransition pause = new PauseTransition(READ_DELAY);
    private boolean applying;

    public ModelEditorViewModel(SessionViewModel session) {
        this.session = session;
        pause.setOnFinished(e -> read());
        session.presetProperty().addListener((o, a, p) -> { if (!applying && p != null) show(p.model()); });
        if (session.model() != null) show(session.model());
    }

    /** The text in the editor; setting it (typing) schedules a reading. */
    public StringProperty textProperty() { return text; }

    public ObservableList<ModelText.Problem> problems() { return problems; }

    /** "The model on show", "2 problems: the last valid model keeps running", … */
    public ReadOnlyStringProperty stateProperty() { return state; }

    /** Called as the user types. */
    public void edited(String newText) {
        text.set(newText);
        pause.playFromStart();
    }

    /** Reads the text now (also what a pause in typing triggers). */
    public void read() {
        pause.stop();
        ModelText.Result r = ModelText.read(text.get(), ID);
        problems.setAll(r.problems());
        if (!r.ok()) {
            state.set(r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems") + ": the last valid model keeps running");
            return;
        }
        Model m = r.preset().model();
        if (m.equals(session.model())) {
            state.set("The model on show");
            return;
        }
        applying = true;
        try {
            session.select(new Preset(ID, m, session.settings()));
        } finally {
            applying = false;
        }
        state.set("The model on show (read from the text)");
    }

    private void show(Model m) {
        pause.stop();
        text.set(ModelText.write(m));
        problems.clear();
        state.set("The model on show");
    }
}
