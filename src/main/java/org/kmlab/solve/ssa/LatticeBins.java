package org.kmlab.solve.ssa;

/**
 * A histogram axis over an occupied lattice range [min, max] of counts: {@code bins} bins of
 * {@code width} consecutive lattice points each, width 1 unless the range needs more than
 * {@code maxBins} bins. In x units (x = n/Ω) bin b is centred at
 * {@code (min + b·width + (width−1)/2)/Ω} and is {@code width/Ω} wide.
 */
record LatticeBins(long min, int width, int bins) {

    static LatticeBins covering(long min, long max, int maxBins) {
        long span = max - min + 1;
        int width = (int) Math.min(Integer.MAX_VALUE, (span + maxBins - 1) / maxBins);
        int bins = (int) ((span + width - 1) / width);
        return new LatticeBins(min, width, bins);
    }

    int bin(long n) { return (int) ((n - min) / width); }

    double firstCentre(double omega) { return (min + (width - 1) / 2.0) / omega; }

    double binWidth(double omega) { return width / omega; }
}
