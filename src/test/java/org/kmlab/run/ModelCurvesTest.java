package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model-derived curves against closed forms for birth–death (0 → X at k1·Ω, X → 0 at k2·n). */
class ModelCurvesTest {
    private final Model birthDeath = PresetIO.read(Path.of("presets", "birth-death.json")).model().with("Omega", 10).with("X0", 30);

    @Test void theDeterministicPathSolvesTheRateEquation() {
        double k1 = 10, k2 = 1, x0 = 3, tEnd = 5;
        double[][] path = ModelCurves.deterministicPath(birthDeath, tEnd, 500);
        for (int i = 0; i <= 500; i += 50) {
            double t = tEnd * i / 500;
            double exact = k1 / k2 + (x0 - k1 / k2) * Math.exp(-k2 * t);
            assertEquals(exact, path[i][0], 1e-9, "x(" + t + ")");
        }
    }

    @Test void kramersMoyalCoefficientsShrinkLikeOmegaToTheOneMinusK() {
        double omega = 10, k1 = 10, k2 = 1;
        double[][] c = ModelCurves.kramersMoyal(birthDeath, 0, null, 1, 20, 20, 4);
        for (int i = 0; i < 20; i++) {
            double x = c[0][i];
            assertEquals(k1 - k2 * x, c[1][i], 1e-12, "A(x)");
            assertEquals((k1 + k2 * x) / omega / 2, c[2][i], 1e-12, "M2/2!");
            assertEquals((k1 - k2 * x) / (omega * omega) / 6, c[3][i], 1e-12, "M3/3!");
            assertEquals((k1 + k2 * x) / (omega * omega * omega) / 24, c[4][i], 1e-12, "M4/4!");
        }
    }
}
