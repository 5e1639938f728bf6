package org.kmlab.ui;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sliders land on round values: 1–2–5 steps for Ω on a log scale, round multiples elsewhere. */
class SliderScaleTest {
    @Test void theSystemSizeSliderIsLogarithmicAndLandsOnOneTwoFive() {
        SliderScale omega = new SliderScale(1, 1000, false);
        assertTrue(omega.isLogarithmic());
        Set<Double> seen = new TreeSet<>();
        for (int p = 0; p <= SliderScale.STEPS; p++) seen.add(omega.value(p));
        assertEquals(Set.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0), seen, "never 416.98");
        assertEquals(SliderScale.STEPS * 2 / 3.0, omega.position(100), 1e-9, "100 is two thirds of the way from 1 to 1000");
        assertEquals(100, omega.value(omega.position(100)), 0);
    }

    @Test void linearSlidersLandOnRoundMultiples() {
        SliderScale k2 = new SliderScale(0, 10, false);
        for (int p = 0; p <= SliderScale.STEPS; p += 7) {
            double v = k2.value(p);
            assertEquals(Math.rint(v * 10) / 10, v, 0, "a multiple of 0.1: " + v);
        }
        SliderScale n = new SliderScale(1, 20_000, true);
        assertTrue(n.isLogarithmic(), "N spans four decades");
        SliderScale x0 = new SliderScale(-40, 40, true);
        for (int p = 0; p <= SliderScale.STEPS; p += 13) assertEquals(Math.rint(x0.value(p)), x0.value(p), 0);
        assertEquals(-40, x0.value(0), 0);
        assertEquals(40, x0.value(SliderScale.STEPS), 0);
    }
}
