package org.kmlab.ui;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/** Transport icons drawn as shapes (the usual ⏸ ⏭ ⏮ glyphs are missing from many fonts). */
final class Icons {
    private Icons() {}

    static Node play() { return group(triangle(0, 0, 12)); }

    static Node pause() { return group(new Rectangle(0, 0, 4, 12), new Rectangle(7, 0, 4, 12)); }

    static Node step() { return group(triangle(0, 0, 12), new Rectangle(9, 0, 3, 12)); }

    static Node reset() { return group(new Rectangle(0, 0, 3, 12), mirrored(triangle(3, 0, 12))); }

    private static Polygon triangle(double x, double y, double h) {
        return new Polygon(x, y, x + h * 0.8, y + h / 2, x, y + h);
    }

    private static Shape mirrored(Polygon p) {
        p.setScaleX(-1);
        p.setTranslateX(0);
        return p;
    }

    private static Node group(Shape... shapes) {
        Group g = new Group();
        for (Shape s : shapes) {
            s.getStyleClass().add("icon-shape");
            g.getChildren().add(s);
        }
        return g;
    }
}
