package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kmlab.model.Model;
import org.kmlab.solve.Problem;
import org.kmlab.solve.ssa.GillespieStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Run ▸ Explain one trajectory…: one member of the SSA ensemble, a draw at a time. Shows the
 * propensities stacked into a₀ with the marker at r₂·a₀, the numbers of the draw with their
 * formulas, the state before and after, and what happened at an output time; Step, Run to next
 * output time (on the worker, stoppable) and Back to ensemble. It only binds to an
 * {@link ExplainViewModel}: every number comes from the simulator's own draw.
 *
 * <p>Honest about the waiting time: the simulator draws E ~ Exp(1) with a ziggurat, not −ln of a
 * uniform, so the panel shows E and r₁ = e^(−E), the uniform the textbook formula would need.
 */
final class ExplainView {
    private final Stage stage = new Stage();
    private final ExplainViewModel vm = new ExplainViewModel();
    private final Model model;
    private final Problem problem;
    private final List<String> reactionNames = new ArrayList<>();
    private final PropensityBar bar = new PropensityBar();
    private final GridPane reactions = new GridPane();
    private final Label a0 = value("explain-a0"), exponential = value("explain-e"), r1 = value("explain-r1"), tau = value("explain-tau"),
            r2 = value("explain-r2"), target = value("explain-target"), reaction = value("explain-reaction"),
            state = value("explain-state"), time = value("explain-time");
    private final Label draws = note(""), tauFormula = note(""), targetNote = note("");
    private final Label outcome = new Label(), where = new Label(), message = new Label();
    private final Button step = new Button("Step"), run = new Button("Run to next output time"), stop = new Button("Stop"),
            back = new Button("Back to ensemble");
    private final Spinner<Integer> member;

    /**
     * @param problem the ensemble's problem (its seed, output times, population bound)
     * @param backTo  told the output time index the trajectory reached, when the user goes back
     */
    ExplainView(Window owner, Theme theme, Problem problem, int first, IntConsumer backTo) {
        this.problem = problem;
        this.model = problem.model();
        for (int r = 0; r < model.reactionCount(); r++) reactionNames.add(model.reactions().get(r).name());

        member = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, problem.trajectories() - 1, first));
        member.setEditable(true);
        member.setId("explain-member");
        member.setPrefWidth(110);
        member.setTooltip(new Tooltip("Which trajectory of the ensemble (0 to " + (problem.trajectories() - 1)
                + "): member i draws from its own random stream, derived from the seed and i. Changing it starts again at t = 0."));
        member.valueProperty().addListener((o, a, i) -> { if (i != null) vm.open(problem, i); });

        Label title = new Label("Gillespie's direct method, one event at a time");
        title.getStyleClass().add("section-title");
        Label of = new Label(String.format(Locale.ROOT, "of %,d in the ensemble · seed %d · %s", problem.trajectories(), problem.seed(), model.name()));
        Label trajectoryLabel = new Label("Trajectory");
        for (Label l : new Label[] {trajectoryLabel, of}) l.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, trajectoryLabel, member, of);
        header.setAlignment(Pos.CENTER_LEFT);
        Label own = note("The numbers are the simulator's own: this member's random stream, the same draws in the same order as the ensemble run.");

        Label barTitle = new Label("Propensities aᵣ(n) at the state before the event, stacked: their sum is a₀");
        barTitle.getStyleClass().add("explain-heading");
        barTitle.setWrapText(true);
        Tooltip.install(bar, new Tooltip("Each reaction's propensity as a segment, in model order; the bar's length is a₀. "
                + "The marker sits at r₂·a₀: the segment under it is the reaction that fires."));
        reactions.getStyleClass().add("explain-reactions");
        reactions.setHgap(12);

        GridPane numbers = new GridPane();
        numbers.getStyleClass().add("explain-numbers");
        numbers.setHgap(14);
        numbers.setVgap(4);
        int row = 0;
        row(numbers, row++, "a₀ = Σ aᵣ", a0, note("total propensity: the rate at which anything happens"));
        row(numbers, row++, "E ~ Exp(1)", exponential, draws);
        row(numbers, row++, "r₁ = e^(−E)", r1, note("the uniform for which −ln r₁ is this E (the textbook draw)"));
        row(numbers, row++, "τ = −ln(r₁) / a₀", tau, tauFormula);
        row(numbers, row++, "r₂", r2, note("uniform in [0, 1), the next number of the same stream"));
        row(numbers, row++, "r₂·a₀", target, targetNote);
        row(numbers, row++, "reaction", reaction, note(""));
        row(numbers, row++, "state n", state, note("before → after"));
        row(numbers, row++, "time t", time, note("before → after"));

        outcome.setWrapText(true);
        outcome.setId("explain-outcome");
        outcome.getStyleClass().add("explain-outcome");
        where.setId("explain-where");
        where.setWrapText(true);
        message.setId("explain-message");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);

        step.setId("explain-step");
        step.setDefaultButton(true);
        step.setTooltip(new Tooltip("Draw the next event: E (so τ), then r₂ (so the reaction), and fire it"));
        run.setId("explain-run");
        run.setTooltip(new Tooltip("Draw events until the next output time, where the ensemble records this trajectory (can be many events)"));
        stop.setId("explain-stop");
        stop.setTooltip(new Tooltip("Stop running to the output time; the trajectory stays where it got to"));
        back.setId("explain-back");
        back.setCancelButton(true);
        back.setTooltip(new Tooltip("Close this panel and show the ensemble at the last output time this trajectory reached"));
        step.setOnAction(e -> vm.step());
        run.setOnAction(e -> vm.runToNextOutput());
        stop.setOnAction(e -> vm.cancel());
        back.setOnAction(e -> {
            ExplainViewModel.Position p = vm.positionProperty().get();
            stage.close();
            if (p != null) backTo.accept(Math.max(0, p.reachedOutput()));
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, step, run, stop, gap, back);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox right = new VBox(10, reactions, outcome, where, message);   // two columns: short enough for a projector in classroom mode
        right.setPrefWidth(0);                          // as wide as the table (its minimum); the numbers take the rest
        reactions.setMinWidth(Region.USE_PREF_SIZE);
        numbers.setPrefWidth(0);
        HBox.setHgrow(numbers, Priority.ALWAYS);
        HBox columns = new HBox(24, numbers, right);
        VBox content = new VBox(10, title, header, own, barTitle, bar, columns);
        content.setPadding(new Insets(14, 14, 4, 14));
        content.getStyleClass().addAll("side", "explain");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        buttons.setPadding(new Insets(8, 14, 12, 14));
        buttons.getStyleClass().addAll("side", "explain");
        scroll.getStyleClass().add("explain-scroll");   // transparent: one surface with the buttons below
        BorderPane root = new BorderPane(scroll, null, null, buttons, null);   // the buttons stay in view on a small screen
        root.getStyleClass().add("side");

        vm.stepProperty().addListener((o, a, s) -> show(s));
        vm.positionProperty().addListener((o, a, p) -> showPosition(p));
        vm.busyProperty().addListener((o, a, b) -> enable());
        vm.messageProperty().addListener((o, a, m) -> message.setText(m));
        show(null);
        enable();

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle("Explain one trajectory — kmlab");
        stage.setOnHidden(e -> vm.close());
        root.applyCss();
        scroll.applyCss();   // makes the scroll pane's skin, which puts the content in the scene
        content.applyCss();
        double em = where.getFont().getSize();   // the theme's type size: classroom mode gets a larger panel
        stage.setWidth(Math.min(screen.getWidth() * 0.92, 72 * em));
        stage.setHeight(Math.min(screen.getHeight() * 0.92, content.prefHeight(stage.getWidth()) + buttons.prefHeight(-1) + 9 * em));   // room for the notes to wrap once a draw is shown
        stage.setOnShown(e -> step.requestFocus());   // Enter steps (Step is the default button), not the trajectory field
        vm.open(problem, first);
    }

    ExplainViewModel viewModel() { return vm; }

    Stage stage() { return stage; }

    void show() {
        stage.show();
        stage.toFront();
    }

    void applyTheme(Theme theme) { theme.applyTo(stage.getScene()); }

    void close() { stage.close(); }

    private void enable() {
        boolean busy = vm.busyProperty().get();
        ExplainViewModel.Position p = vm.positionProperty().get();
        boolean done = p != null && p.finished();
        step.setDisable(busy || done);
        run.setDisable(busy || done);
        stop.setDisable(!busy);
        member.setDisable(busy);
    }

    private void showPosition(ExplainViewModel.Position p) {
        enable();
        if (p == null) return;
        String next = p.finished() ? "the last output time t = " + num(problem.tEnd()) + " is reached: go back to the ensemble"
                : "next output time t" + sub(p.nextOutput()) + " = " + num(p.nextOutputTime());
        where.setText(String.format(Locale.ROOT, "Now: t = %s, %s  ·  %s  ·  %,d reaction%s fired", num(p.time()), counts(p.counts()), next,
                p.events(), p.events() == 1 ? "" : "s"));
        if (vm.stepProperty().get() == null) outcome.setText("Press Step to draw the first event from " + counts(p.counts()) + " at t = " + num(p.time()) + ".");
    }

    private void show(GillespieStep s) {
        bar.show(s, reactionNames);
        showReactions(s);
        if (s == null) {
            for (Label l : new Label[] {a0, exponential, r1, tau, r2, target, reaction, state, time}) l.setText("—");
            draws.setText("drawn by the simulator's ziggurat sampler, not as −ln of a uniform");
            tauFormula.setText("= E / a₀, the waiting time to the next event");
            targetNote.setText("where r₂·a₀ falls on the stack picks the reaction");
            return;
        }
        boolean drawn = s.outcome() != GillespieStep.Outcome.ABSORBED, fired = s.outcome() == GillespieStep.Outcome.FIRED;
        a0.setText(num(s.a0()));
        exponential.setText(drawn ? num(s.exponential()) : "—");
        draws.setText(drawn ? "drawn by the simulator's ziggurat sampler from " + (s.exponentialDraws() == 1 ? "one 64-bit number"
                : s.exponentialDraws() + " 64-bit numbers (its slow path)") + " of the stream, not as −ln of a uniform" : "nothing is drawn when a₀ = 0");
        r1.setText(drawn ? num(s.r1()) : "—");
        tau.setText(drawn ? num(s.tau()) : "∞");
        tauFormula.setText(drawn ? "= E / a₀ = " + num(s.exponential()) + " / " + num(s.a0()) : "no event can happen");
        r2.setText(fired ? num(s.r2()) : "—");
        target.setText(fired ? num(s.target()) : "—");
        reaction.setText(fired ? reactionNames.get(s.reaction()) : "—");
        targetNote.setText(fired ? "in [" + num(s.cumulativeBefore(s.reaction())) + ", " + num(s.cumulativeBefore(s.reaction() + 1))
                + "), " + reactionNames.get(s.reaction()) + "'s segment of the stack" : "not drawn: no reaction fires in this step");
        state.setText(counts(s.before()) + "  →  " + counts(s.after()));
        time.setText(num(s.timeBefore()) + "  →  " + num(s.timeAfter()));
        String at = "t" + sub(s.outputIndex()) + " = " + num(s.outputTime());
        outcome.setText(switch (s.outcome()) {
            case FIRED -> "r₂·a₀ = " + num(s.target()) + " falls in " + reactionNames.get(s.reaction()) + "'s segment: "
                    + transition(s.reaction()) + " fires at t = " + num(s.timeAfter()) + ".";
            case PAST_OUTPUT -> "t + τ = " + num(s.timeBefore() + s.tau()) + " is past the next output time " + at
                    + ": the simulator discards this event (no r₂ is drawn), records " + counts(s.before()) + " at " + at
                    + " and draws afresh from there. That is exact: the waiting time is memoryless.";
            case ABSORBED -> "a₀ = 0: no reaction can happen any more; " + counts(s.before()) + " stays, recorded at " + at + ".";
        });
    }

    /** The table under the bar: colour, reaction, aᵣ and its interval on the stack; the chosen row bold. */
    private void showReactions(GillespieStep s) {
        reactions.getChildren().clear();
        reactions.addRow(0, new Label(""), heading("reaction"), heading("aᵣ(n)"), heading("segment on the stack"), new Label(""));
        for (int r = 0; r < model.reactionCount(); r++) {
            Label swatch = new Label("■");
            swatch.getStyleClass().add("explain-swatch");
            swatch.setStyle("-fx-text-fill: " + web(PropensityBar.colour(r)) + ";");
            Label name = new Label(transition(r));
            Label a = new Label(s == null ? "—" : num(s.propensity(r)));
            a.setId("explain-a-" + r);
            Label seg = new Label(s == null ? "—" : "[" + num(s.cumulativeBefore(r)) + ", " + num(s.cumulativeBefore(r + 1)) + ")");
            seg.setId("explain-segment-" + r);
            boolean chosen = s != null && s.reaction() == r;
            Label fires = new Label(chosen ? "◀ fires" : "");
            for (Label l : new Label[] {name, a, seg, fires}) {
                l.setMinWidth(Region.USE_PREF_SIZE);   // numbers are never cut short; the notes on the left wrap instead
                if (chosen) l.getStyleClass().add("explain-chosen");
            }
            reactions.addRow(r + 1, swatch, name, a, seg, fires);
        }
    }

    /** "birth: ∅ → X": the reaction without its rate law (the table has no room for it in classroom mode). */
    private String transition(int r) {
        return model.describe(r).replaceFirst("\\s+at .*$", "");
    }

    private String counts(long[] n) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < n.length; s++) {
            if (s > 0) b.append(", ");
            b.append(model.species().get(s).name()).append(" = ").append(n[s]);
        }
        return b.toString();
    }

    /**
     * A number as shown: 6 significant digits, trailing zeros dropped, "—" for NaN; so every shown
     * value is within 5·10⁻⁶ of the simulator's, relative.
     */
    static String num(double v) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + exponent;
    }

    private static String sub(int k) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) b.append((char) ('₀' + (c - '0')));
        return b.toString();
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private static void row(GridPane g, int row, String symbol, Label value, Label note) {
        Label s = new Label(symbol);
        s.getStyleClass().add("explain-symbol");
        s.setMinWidth(Region.USE_PREF_SIZE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        g.addRow(row, s, value, note);
    }

    private static Label value(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("explain-value");
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-note");
        l.setWrapText(true);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("explain-heading");
        return l;
    }
}
