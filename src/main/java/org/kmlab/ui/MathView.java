package org.kmlab.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Equations typeset with JLaTeXMath, one image per line, in the theme's text colour. A formula
 * JLaTeXMath cannot parse is shown as its source text rather than not at all.
 */
final class MathView extends VBox {
    private final float size;

    MathView(float size) {
        this.size = size;
        setSpacing(6);
        getStyleClass().add("math-view");
    }

    /** Shows these LaTeX lines. */
    void show(List<String> lines, Color ink) {
        getChildren().clear();
        for (String latex : lines) {
            javafx.scene.Node node;
            try {
                node = new ImageView(SwingFXUtils.toFXImage(render(latex, size, ink), null));
            } catch (RuntimeException e) {
                node = new javafx.scene.control.Label(latex);
            }
            getChildren().add(node);
        }
    }

    static BufferedImage render(String latex, float size, Color ink) {
        TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setForeground(ink);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return img;
    }
}
