package org.kmlab.chart;

import java.awt.Color;

/**
 * How one series is drawn: colour and opacity, the line's dash (in units of the line width; null
 * is solid) and width (a factor of the style's line width), and its marker.
 */
public record SeriesLook(Color color, double alpha, float[] dash, double widthFactor, Marker marker) {
    public enum Marker { NONE, OPEN_CIRCLE, DOT }

    public SeriesLook {
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        dash = dash == null ? null : dash.clone();
    }

    @Override public float[] dash() { return dash == null ? null : dash.clone(); }

    /** The colour with this look's opacity. */
    public Color paint() { return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * alpha)); }

    public SeriesLook withAlpha(double a) { return new SeriesLook(color, a, dash, widthFactor, marker); }
}
