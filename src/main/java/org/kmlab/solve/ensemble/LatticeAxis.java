package org.kmlab.solve.ensemble;

/**
 * A histogram axis aligned with the lattice x = n/Ω: lattice point n's cell is
 * [(n − ½)/Ω, (n + ½)/Ω]; a bin is {@code width} consecutive cells starting at lattice point
 * {@code min}, so a bin never splits a lattice point and the histograms of the SSA (whose states
 * are lattice points) and of the CLE (whose states are rounded to the nearest one) line up cell
 * for cell with each other and with the master equation. In x units bin b is centred at
 * {@code (min + b·width + (width−1)/2)/Ω} and is {@code width/Ω} wide.
 */
record LatticeAxis(long min, long width, int bins) {

    /**
     * Bins covering the lattice points [min, max], each a whole multiple of {@code unit} lattice
     * points wide: the smallest such width ≥ {@code width}, widened further if the range would
     * need more than {@code maxBins} bins.
     */
    static LatticeAxis covering(long min, long max, double width, long unit, int maxBins) {
        long span = max - min + 1;
        long units = Math.max(1, (long) Math.ceil(width / unit));
        long spanUnits = (span + unit - 1) / unit;
        units = Math.max(units, (spanUnits + maxBins - 1) / maxBins);
        long w = units * unit;
        return new LatticeAxis(min, w, (int) ((span + w - 1) / w));
    }

    int bin(long cell) { return (int) ((cell - min) / width); }

    double firstCentre(double omega) { return (min + (width - 1) / 2.0) / omega; }

    double binWidth(double omega) { return width / omega; }
}
