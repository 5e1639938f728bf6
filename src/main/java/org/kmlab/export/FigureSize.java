package org.kmlab.export;

import java.util.Locale;

/**
 * The printed size of a figure, in points (1 pt = 1/72 in), with the type sizes that stay legible
 * at that size. Charts are laid out in points at the final size, so a 8 pt tick label is 8 pt on
 * paper whatever the DPI of the PNG.
 *
 * @param name       preset name, as used by {@code --size}
 * @param widthPt    width in points
 * @param heightPt   height in points (of a single-chart figure)
 * @param textPt     tick labels and legend; axis labels are 1 pt larger, titles 2 pt, panel letters 3 pt
 * @param lineWidthPt width of data lines in the publication style
 */
public record FigureSize(String name, double widthPt, double heightPt, double textPt, double lineWidthPt) {
    public static final double POINTS_PER_INCH = 72;

    /** One journal column: 3.5 in (89 mm). */
    public static final FigureSize SINGLE = inches("single", 3.5, 2.6, 8, 1.0);
    /** One and a half columns: 5.5 in (140 mm). */
    public static final FigureSize ONEHALF = inches("onehalf", 5.5, 3.6, 8, 1.0);
    /** Full page width: 7.2 in (183 mm); golden-ratio height. */
    public static final FigureSize DOUBLE = inches("double", 7.2, 4.45, 8, 1.0);
    /** A 16:9 slide, 10 × 5.625 in, with type readable from the back of a room. */
    public static final FigureSize SLIDE = inches("slide", 10, 5.625, 14, 2.0);

    public FigureSize {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (!(widthPt >= 36 && widthPt <= 2880)) throw new IllegalArgumentException("widthPt must be in [36, 2880], got " + widthPt);
        if (!(heightPt >= 36 && heightPt <= 2880)) throw new IllegalArgumentException("heightPt must be in [36, 2880], got " + heightPt);
        if (!(textPt >= 4 && textPt <= 72)) throw new IllegalArgumentException("textPt must be in [4, 72], got " + textPt);
        if (!(lineWidthPt > 0 && lineWidthPt <= 10)) throw new IllegalArgumentException("lineWidthPt must be in (0, 10], got " + lineWidthPt);
    }

    public static FigureSize inches(String name, double width, double height, double textPt, double lineWidthPt) {
        return new FigureSize(name, width * POINTS_PER_INCH, height * POINTS_PER_INCH, textPt, lineWidthPt);
    }

    /** The preset named {@code single}, {@code onehalf}, {@code double} or {@code slide}. */
    public static FigureSize named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "single" -> SINGLE;
            case "onehalf" -> ONEHALF;
            case "double" -> DOUBLE;
            case "slide" -> SLIDE;
            default -> throw new IllegalArgumentException("unknown size '" + name + "': use single, onehalf, double or slide");
        };
    }

    public static FigureSize[] presets() {
        return new FigureSize[] {SINGLE, ONEHALF, DOUBLE, SLIDE};
    }

    /** The same type and lines at another height (multi-panel figures grow with their rows). */
    public FigureSize withHeightPt(double h) {
        return new FigureSize(name, widthPt, h, textPt, lineWidthPt);
    }

    public double widthInches() { return widthPt / POINTS_PER_INCH; }

    public double heightInches() { return heightPt / POINTS_PER_INCH; }

    public boolean isSlide() { return name.equals(SLIDE.name); }

    public double axisLabelPt() { return textPt + 1; }

    public double titlePt() { return textPt + 2; }

    public double panelLabelPt() { return textPt + 3; }

    /** Pixels across at a resolution, as a PNG of this figure has them. */
    public int widthPixels(double dpi) { return pixels(widthPt, dpi); }

    public int heightPixels(double dpi) { return pixels(heightPt, dpi); }

    static int pixels(double points, double dpi) {
        return (int) Math.round(points / POINTS_PER_INCH * dpi);
    }
}
