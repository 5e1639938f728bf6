package org.kmlab.chart;

import org.kmlab.solve.SolverDescriptor;

import java.awt.Color;

import static org.kmlab.chart.Looks.DASHED;
import static org.kmlab.chart.Looks.DASH_DOT;
import static org.kmlab.chart.Looks.DOTTED;
import static org.kmlab.chart.Looks.LONG_DASH;
import static org.kmlab.chart.Looks.SOLID;

/**
 * The rules shared by every theme and the publication style for how a quantity is drawn, given
 * the colours the theme picked: densities as bars (ensembles), open circles (lattice
 * probabilities), solid lines (densities) or dashed lines (Gaussians); means with a dash per
 * kind of solver, so the curves stay apart in greyscale; the model's own curves in their own colours.
 */
public final class WindowLooks {
    /**
     * "Probability" below zero: a magenta that no solver, theme or figure palette uses, dark enough
     * on white and light enough on the dark theme's grey.
     */
    public static final Color NEGATIVE_COLOR = new Color(0xD0, 0x1C, 0x8B);

    private WindowLooks() {}

    /**
     * @param solverColor the colour of the key's solver (ignored for the model's curves)
     * @param text        the theme's text colour (CME-like neutrals, KM drift and diffusion)
     * @param path        the deterministic path's colour (also M₃)
     * @param extra       a colour no solver uses (M₄)
     */
    public static SeriesLook lookOf(SeriesKey key, Color solverColor, Color text, Color path, Color extra) {
        SeriesLook look = ownLook(key, solverColor, text, path, extra);
        return key.ghost() ? ghostOf(look) : look;
    }

    /**
     * A ghost run's series: the live series' colour, faded (so it sits behind on any background),
     * thinner, dashed where the live one is solid, always a plain line (a histogram's outline, a
     * lattice's points joined): it must never be mistaken for the run on show.
     */
    static SeriesLook ghostOf(SeriesLook live) {
        return new SeriesLook(live.color(), GHOST_ALPHA, live.dash() == null ? LONG_DASH : live.dash(),
                GHOST_WIDTH * live.widthFactor(), SeriesLook.Marker.NONE);
    }

    /** How far a ghost fades, and how much thinner it is, than the series it mirrors. */
    static final double GHOST_ALPHA = 0.5, GHOST_WIDTH = 0.7;

    private static SeriesLook ownLook(SeriesKey key, Color solverColor, Color text, Color path, Color extra) {
        SolverDescriptor solver = key.solver();
        SolverDescriptor.Output out = solver == null ? SolverDescriptor.Output.DENSITY : solver.output();
        return switch (key.role()) {
            case DENSITY -> switch (out) {
                case SAMPLES -> new SeriesLook(solverColor, solver.canBeReference() ? 0.55 : 0.45, SOLID, 1, SeriesLook.Marker.NONE);
                case LATTICE -> new SeriesLook(solverColor, 1, SOLID, 0.75, SeriesLook.Marker.OPEN_CIRCLE);
                case DENSITY -> new SeriesLook(solverColor, 1, SOLID, 1, SeriesLook.Marker.NONE);
                case GAUSSIAN -> new SeriesLook(solverColor, 1, DASHED, 1, SeriesLook.Marker.NONE);
            };
            case MEAN -> new SeriesLook(solverColor, 1, switch (out) {
                case SAMPLES -> DOTTED;
                case LATTICE -> DASH_DOT;
                case DENSITY -> SOLID;
                case GAUSSIAN -> DASHED;
            }, 1, SeriesLook.Marker.NONE);
            case BAND -> new SeriesLook(solverColor, 1, SOLID, 1, SeriesLook.Marker.NONE);
            case PATH -> new SeriesLook(solverColor, 0.45, SOLID, 0.5, SeriesLook.Marker.NONE);
            case STATES -> new SeriesLook(text, 0.16, SOLID, 1, SeriesLook.Marker.DOT);
            case ELLIPSE_1SD -> new SeriesLook(solverColor, 1, SOLID, 1, SeriesLook.Marker.NONE);
            case ELLIPSE_2SD -> new SeriesLook(solverColor, 1, DASHED, 1, SeriesLook.Marker.NONE);
            case DETERMINISTIC -> new SeriesLook(path, 1, SOLID, 0.75, SeriesLook.Marker.NONE);
            case NOW -> new SeriesLook(path, 1, SOLID, 1, SeriesLook.Marker.OPEN_CIRCLE);
            case DRIFT -> new SeriesLook(text, 1, SOLID, 1, SeriesLook.Marker.NONE);
            case DIFFUSION -> new SeriesLook(text, 1, DASHED, 1, SeriesLook.Marker.NONE);
            case M3 -> new SeriesLook(path, 1, DOTTED, 1, SeriesLook.Marker.NONE);
            case M4 -> new SeriesLook(extra, 1, DASH_DOT, 1, SeriesLook.Marker.NONE);
            case EXACT -> new SeriesLook(text, 1, DASHED, 0.6, SeriesLook.Marker.NONE);   // dashed: told apart from a dense master equation drawn as a line
            case NEGATIVE -> new SeriesLook(NEGATIVE_COLOR, 0.75, SOLID, 1, SeriesLook.Marker.NONE);
            case DISTANCE_L1 -> new SeriesLook(solverColor, 1, SOLID, 1, SeriesLook.Marker.OPEN_CIRCLE);
            case DISTANCE_HELLINGER -> new SeriesLook(solverColor, 1, DASHED, 1, SeriesLook.Marker.DOT);
            case FIT -> new SeriesLook(solverColor, 0.7, DOTTED, 0.75, SeriesLook.Marker.NONE);
            // estimates of D₁, D₂ in the solver's colour (a series': the text's), of D₃, D₄ in their analytic curve's; odd orders open circles, even ones dots
            case ESTIMATE -> new SeriesLook(key.index() == 3 ? path : key.index() == 4 ? extra : solverColor, 1, SOLID, 0.75,
                    key.index() % 2 == 1 ? SeriesLook.Marker.OPEN_CIRCLE : SeriesLook.Marker.DOT);
            case HISTOGRAM -> new SeriesLook(text, 0.3, SOLID, 1, SeriesLook.Marker.NONE);
        };
    }
}
