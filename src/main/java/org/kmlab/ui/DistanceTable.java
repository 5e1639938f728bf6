package org.kmlab.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A small table under the solver toggles: each approximation's L1 and Hellinger distance to the
 * exact reference at the time on show (2-D models: between the joint densities).
 */
final class DistanceTable extends VBox {
    private final GridPane grid = new GridPane();

    DistanceTable(DistanceTableViewModel vm) {
        getStyleClass().add("distance-table");
        setId("distance-table");
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(vm.headingProperty());
        heading.visibleProperty().bind(vm.headingProperty().isNotEmpty());
        heading.managedProperty().bind(heading.visibleProperty());
        grid.setHgap(14);
        grid.setVgap(2);
        getChildren().addAll(heading, grid);
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(4, 8, 8, 8));   // lines up with the parameter panel
        vm.lines().addListener((ListChangeListener<DistanceTableViewModel.Line>) change -> rebuild(vm));
    }

    private void rebuild(DistanceTableViewModel vm) {
        grid.getChildren().clear();
        if (vm.lines().isEmpty()) return;
        grid.addRow(0, header(""), header("L1"), header("Hellinger"));
        int row = 1;
        for (DistanceTableViewModel.Line line : vm.lines()) {
            Label l1 = new Label(line.l1());
            l1.setId("distance-l1-" + row);
            grid.addRow(row++, new Label(line.solver()), l1, new Label(line.hellinger()));
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("distance-header");
        return l;
    }
}
