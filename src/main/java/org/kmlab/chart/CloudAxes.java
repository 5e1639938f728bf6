package org.kmlab.chart;

/**
 * Which two species the probability cloud shows, x across and y up (indices into the model's
 * species). A model with more than two species lets the user choose; the default is the first
 * two. Handed to the panes through {@link Frame#analysis(Class)} like an analysis result.
 */
public record CloudAxes(int x, int y) {
    public static final CloudAxes FIRST_TWO = new CloudAxes(0, 1);

    public CloudAxes {
        if (x < 0 || y < 0 || x == y) throw new IllegalArgumentException("the cloud needs two different species, not " + x + " and " + y);
    }

    /** These axes if the model has both species, else the first two. */
    CloudAxes within(int speciesCount) { return x < speciesCount && y < speciesCount ? this : FIRST_TWO; }
}
