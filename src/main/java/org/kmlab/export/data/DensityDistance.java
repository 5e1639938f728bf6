package org.kmlab.export.data;

import org.kmlab.solve.Density1D;

/** A distance between two 1-D densities in x units (L1, Hellinger…), e.g. {@code Distances::l1}. */
@FunctionalInterface
public interface DensityDistance {
    double between(Density1D reference, Density1D other);
}
