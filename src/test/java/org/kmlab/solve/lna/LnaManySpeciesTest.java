package org.kmlab.solve.lna;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.IsomerRing;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The LNA runs any number of species: on the ring of 10 isomers (20 unimolecular reactions) the
 * network is linear, so the LNA's mean and full 10 × 10 covariance are the exact multinomial
 * moments of {@link IsomerRing} (in x = n/Ω: mean/Ω, covariance/Ω²), at Ω = 1 and Ω = 4.
 */
class LnaManySpeciesTest {
    @Test
    void theIsomerRingsMeanAndCovarianceAreExact() {
        for (double omega : new double[] {1, 4}) {
            Model ring = IsomerRing.model(omega);
            assertNull(new LinearNoiseApproximation().unsupportedReason(ring), "10 species are fine");
            double[] times = {0, 0.25, 1, 3};
            SolverResult r = new LinearNoiseApproximation().solve(new Problem(ring, times, 1, 1, SolverOptions.defaults()),
                    SnapshotListener.NONE, CancellationToken.none());
            for (int k = 0; k < times.length; k++) {
                double[][] p = IsomerRing.transition(times[k]);
                Snapshot s = r.at(k);
                assertEquals(IsomerRing.SPECIES, s.dimension());
                for (int i = 0; i < IsomerRing.SPECIES; i++) {
                    assertEquals(IsomerRing.mean(p, i) / omega, s.mean(i), 1e-7, "mean S" + i + " at t = " + times[k] + ", Ω = " + omega);
                    for (int j = 0; j < IsomerRing.SPECIES; j++) {
                        assertEquals(IsomerRing.covariance(p, i, j) / (omega * omega), s.covariance(i, j), 1e-6,
                                "Cov(S" + i + ", S" + j + ") at t = " + times[k] + ", Ω = " + omega);
                    }
                }
            }
        }
    }
}
