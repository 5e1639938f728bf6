package org.kmlab.export.data;

import org.kmlab.solve.Density1D;
import org.kmlab.solve.Density2D;

import java.util.function.ToDoubleBiFunction;

/** A distance between densities in x units (L1, Hellinger…), for marginals and for 2-D joint densities. */
public interface DensityDistance {
    double between(Density1D reference, Density1D other);

    double between(Density2D reference, Density2D other);

    /** E.g. {@code DensityDistance.of(Distances::l1, Distances::l1)}. */
    static DensityDistance of(ToDoubleBiFunction<Density1D, Density1D> marginal, ToDoubleBiFunction<Density2D, Density2D> joint) {
        return new DensityDistance() {
            @Override public double between(Density1D p, Density1D q) { return marginal.applyAsDouble(p, q); }

            @Override public double between(Density2D p, Density2D q) { return joint.applyAsDouble(p, q); }
        };
    }
}
