package org.kmlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.kmlab.run.km.Kernel;
import org.kmlab.run.km.KmSettings;

import java.util.Locale;

/**
 * The estimator's controls under the Kramers–Moyal pane: binned or a kernel (Epanechnikov,
 * Gaussian), the kernel's bandwidth (blank: Silverman's rule), Δt (blank: the default for the
 * model, or the series' sampling step) and the Δt → 0 correction; and the line that says why a
 * time series could not be opened. Binds to a {@link KmViewModel}; computes nothing.
 */
final class KmControls extends FlowPane {
    static final String BINNED = "binned", EPANECHNIKOV = "kernel (Epanechnikov)", GAUSSIAN = "kernel (Gaussian)";
    private final KmViewModel model;
    private final ChoiceBox<String> estimator = new ChoiceBox<>();
    private final TextField bandwidth = field("km-bandwidth", "Silverman");
    private final TextField dt = field("km-dt", "auto");
    private final CheckBox correction = new CheckBox("Δt → 0 correction");
    private final Label message = new Label();

    KmControls(KmViewModel model) {
        super(10, 2);
        this.model = model;
        getStyleClass().add("km-controls");
        setAlignment(Pos.CENTER_LEFT);
        estimator.getItems().addAll(BINNED, EPANECHNIKOV, GAUSSIAN);
        estimator.setValue(BINNED);
        estimator.setId("km-estimator");
        estimator.setTooltip(new Tooltip("binned: a mean per bin with its standard error (bars); kernel: a Nadaraya–Watson "
                + "local average (a curve with a ±1 SE band): a wider bandwidth lowers the noise and raises the bias"));
        bandwidth.setTooltip(new Tooltip("the kernel's bandwidth in x units; blank for Silverman's rule of thumb"));
        dt.setTooltip(new Tooltip("the time step of the increments; blank for a fiftieth of the drift's time (a run) or the "
                + "sampling step (a series). A new Δt restarts the run."));
        correction.setId("km-correction");
        correction.setTooltip(new Tooltip("extrapolate every coefficient to Δt → 0 through Δt, 2Δt, 3Δt, 4Δt (a weighted "
                + "straight line): removes the first-order finite-Δt bias, at the price of larger errors"));
        message.setId("km-message");
        message.getStyleClass().add("km-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty().map(m -> m.isEmpty() ? "" : "⚠ " + m));

        estimator.valueProperty().addListener((o, a, b) -> apply());
        bandwidth.setOnAction(e -> apply());
        bandwidth.focusedProperty().addListener((o, a, focused) -> { if (!focused) apply(); });
        dt.setOnAction(e -> apply());
        dt.focusedProperty().addListener((o, a, focused) -> { if (!focused) apply(); });
        correction.selectedProperty().addListener((o, a, b) -> apply());
        bandwidth.disableProperty().bind(estimator.valueProperty().isEqualTo(BINNED));

        getChildren().addAll(estimator, labelled("h", bandwidth), labelled("Δt", dt), correction, message);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(6);
        return f;
    }

    private static HBox labelled(String text, TextField f) {
        HBox box = new HBox(4, new Label(text), f);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The settings the controls show, or the reason one field is refused (the others still apply). */
    private void apply() {
        KmSettings s = model.settingsProperty().get();
        String v = estimator.getValue();
        s = s.withKernel(BINNED.equals(v) ? null : GAUSSIAN.equals(v) ? Kernel.GAUSSIAN : Kernel.EPANECHNIKOV);
        s = s.withCorrection(correction.isSelected());
        double h = parse(bandwidth), step = parse(dt);
        mark(bandwidth, h);
        mark(dt, step);
        if (!Double.isInfinite(h)) s = s.withBandwidth(h);
        if (!Double.isInfinite(step)) s = s.withDt(step);
        model.settingsProperty().set(s);
    }

    /** NaN for blank (the default), the number if it is one > 0, else +∞ (refused). */
    private static double parse(TextField f) {
        String t = f.getText() == null ? "" : f.getText().strip();
        if (t.isEmpty()) return Double.NaN;
        try {
            double v = Double.parseDouble(t.replace(',', '.'));
            return v > 0 && v < Double.POSITIVE_INFINITY ? v : Double.POSITIVE_INFINITY;
        } catch (NumberFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static void mark(TextField f, double v) {
        boolean bad = Double.isInfinite(v);
        f.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), bad);
        Object help = f.getProperties().computeIfAbsent("help", k -> f.getTooltip());
        f.setTooltip(bad ? new Tooltip(String.format(Locale.ROOT, "'%s' is not a number > 0; blank for the default", f.getText().strip())) : (Tooltip) help);
    }
}
