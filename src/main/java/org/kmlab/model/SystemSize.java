package org.kmlab.model;

/** The system size Ω (x = n/Ω; h = 1/Ω is the lattice spacing) with its slider range. */
public record SystemSize(double value, double min, double max) {
    public SystemSize withValue(double v) { return new SystemSize(v, min, max); }
}
