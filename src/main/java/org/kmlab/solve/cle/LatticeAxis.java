package org.kmlab.solve.cle;

/**
 * A histogram axis in x units aligned with the lattice x = n/Ω: lattice cell n covers
 * [(n − ½)/Ω, (n + ½)/Ω]; a bin is {@code width} consecutive cells starting at {@code min}, width 1
 * unless the occupied range needs more than {@code maxBins} bins. So a CLE histogram lines up cell
 * for cell with the master equation and the SSA whenever it can.
 */
record LatticeAxis(long min, long width, int bins) {

    static LatticeAxis covering(long min, long max, int maxBins) {
        long span = max - min + 1;
        long width = (span + maxBins - 1) / maxBins;
        return new LatticeAxis(min, width, (int) ((span + width - 1) / width));
    }

    /** Nearest lattice index of x. */
    static long cell(double x, double omega) { return Math.round(x * omega); }

    int bin(long cell) { return (int) ((cell - min) / width); }

    double firstCentre(double omega) { return (min + (width - 1) / 2.0) / omega; }

    double binWidth(double omega) { return width / omega; }
}
