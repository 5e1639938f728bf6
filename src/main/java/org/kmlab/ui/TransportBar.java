package org.kmlab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Play / pause, step, reset, playback speed and the time scrubber. Binds to a {@link TransportViewModel}. */
public final class TransportBar extends HBox {
    private final Slider scrubber = new Slider(0, 1, 0);
    private boolean syncing;

    public TransportBar(TransportViewModel vm) {
        getStyleClass().add("transport");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));

        Button play = new Button("Play", Icons.play());
        play.setId("play");
        play.getStyleClass().add("play");
        play.textProperty().bind(vm.playingProperty().map(p -> p ? "Pause" : "Play"));
        play.graphicProperty().bind(vm.playingProperty().map(p -> p ? Icons.pause() : Icons.play()));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(e -> vm.togglePlay());
        play.setMinWidth(100);
        play.setGraphicTextGap(8);

        Button step = new Button("Step", Icons.step());
        step.setId("step");
        step.setTooltip(new Tooltip("One output time forward (→)"));
        step.setOnAction(e -> vm.step());

        Button reset = new Button("Reset", Icons.reset());
        reset.setId("reset");
        reset.setTooltip(new Tooltip("Stop and go back to t = 0 (Home)"));
        reset.setOnAction(e -> vm.reset());

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().addAll(0.25, 0.5, 1.0, 2.0, 4.0, 10.0);
        speed.setValue(vm.speedProperty().get());
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double d) { return d == null ? "" : ParameterViewModel.format(d) + "×"; }
            @Override public Double fromString(String s) { return Double.valueOf(s.replace("×", "")); }
        });
        speed.setTooltip(new Tooltip("Playback speed: at 1× a run plays in " + (int) TransportViewModel.SECONDS_AT_1X + " s"));
        speed.valueProperty().addListener((o, a, b) -> { if (b != null) vm.speedProperty().set(b); });

        scrubber.setId("scrubber");
        scrubber.setTooltip(new Tooltip("Drag to any recorded time"));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.maxProperty().bind(vm.lastIndexProperty().map(n -> Math.max(1, n.intValue())));
        scrubber.setBlockIncrement(1);
        vm.indexProperty().addListener((o, a, b) -> {
            syncing = true;
            scrubber.setValue(b.intValue());
            syncing = false;
        });
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            vm.pause();
            vm.scrubTo((int) Math.round(b.doubleValue()));
        });

        Label speedLabel = new Label("speed");
        getChildren().addAll(play, step, reset, speedLabel, speed, scrubber);
    }

    public Slider scrubber() { return scrubber; }
}
