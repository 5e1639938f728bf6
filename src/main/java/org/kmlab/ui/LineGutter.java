package org.kmlab.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kmlab.model.ModelText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Line numbers beside the model text, each line with a problem marked "⚠ 4" in the error colour
 * with the reason as its tooltip, so a mistake is seen on its line as one types. The numbers
 * follow the text area's scrolling: each is placed at its line of the area's own text node.
 */
final class LineGutter extends Region {
    static final String PROBLEM = "gutter-problem";

    private final TextArea area;
    private final ObservableList<ModelText.Problem> problems;
    private final List<Label> labels = new ArrayList<>();   // reused across layouts, one per line on show

    LineGutter(TextArea area, ObservableList<ModelText.Problem> problems) {
        this.area = area;
        this.problems = problems;
        getStyleClass().add("gutter");
        setMinWidth(48);
        setPrefWidth(48);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        area.textProperty().addListener((o, a, b) -> requestLayout());
        area.scrollTopProperty().addListener((o, a, b) -> requestLayout());
        area.heightProperty().addListener((o, a, b) -> requestLayout());
        problems.addListener((ListChangeListener<ModelText.Problem>) c -> requestLayout());
    }

    /** The label of line {@code line} (1-based) as last laid out, or null when it is not on show. */
    Label label(int line) {
        for (Label l : labels) if (l.isVisible() && l.getUserData() instanceof Integer n && n == line) return l;
        return null;
    }

    @Override protected void layoutChildren() {
        for (Label l : labels) l.setVisible(false);
        Node node = area.lookup(".text");
        if (!(node instanceof Text text)) return;   // no skin yet: laid out again once there is
        Bounds b = sceneToLocal(text.localToScene(text.getBoundsInLocal()));
        int lines = 1;
        String s = area.getText();
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') lines++;
        double lineHeight = b.getHeight() / lines;
        Map<Integer, String> why = new HashMap<>();
        for (ModelText.Problem p : problems) why.merge(p.line(), p.message(), (x, y) -> x + "\n" + y);
        int used = 0;
        for (int line = 1; line <= lines; line++) {
            double y = b.getMinY() + (line - 1) * lineHeight;
            if (y + lineHeight < 0 || y > getHeight()) continue;
            Label l = labelAt(used++);
            String reason = why.get(line);
            l.setText(reason == null ? Integer.toString(line) : "⚠ " + line);
            l.getStyleClass().remove(PROBLEM);
            if (reason != null) l.getStyleClass().add(PROBLEM);
            l.setTooltip(reason == null ? null : new Tooltip("line " + line + ": " + reason));
            l.setFont(text.getFont());   // the text's own font, so the numbers sit on its lines
            l.setUserData(line);
            l.setVisible(true);
            l.resizeRelocate(0, y, getWidth() - 4, lineHeight);
        }
    }

    private Label labelAt(int i) {
        while (labels.size() <= i) {
            Label l = new Label();
            l.setMaxWidth(Double.MAX_VALUE);
            l.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            l.getStyleClass().add("gutter-number");
            labels.add(l);
            getChildren().add(l);
        }
        return labels.get(i);
    }
}
