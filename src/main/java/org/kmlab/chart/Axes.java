package org.kmlab.chart;

import java.util.List;

/** Axis labels shared by the panes. */
final class Axes {
    private Axes() {}

    /** "x = n/Ω" for one species, else "x = X/Ω" with the species' name. */
    static String xLabel(List<String> species, int s) {
        return species.size() == 1 ? "x = n/Ω" : "x = " + species.get(s) + "/Ω";
    }
}
