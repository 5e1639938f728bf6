package org.kmlab.export.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class DecimalTest {
    /**
     * Every double reads back to itself, in Double.toString's format and never longer: random bit
     * patterns (every exponent, subnormals included) and computed densities (products of
     * exponentials, as a solver writes them), fixed seeds. JDK 17's Double.toString is not always
     * the shortest, so where the two differ this one must be shorter or as long.
     */
    @Test
    void everyDoubleReadsBackToItselfInTheJdksFormatAndNoLonger() {
        SplittableRandom random = new SplittableRandom(1);
        int differ = 0;
        for (int i = 0; i < 400_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : Math.exp(-60 * random.nextDouble()) * random.nextDouble();
            if (Double.isNaN(v)) continue;
            String text = Decimal.of(v), jdk = Double.toString(v);
            assertEquals(v, Double.parseDouble(text), text);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            if (!text.equals(jdk)) {
                differ++;
                assertTrue(text.length() <= jdk.length(), text + " against the JDK's " + jdk);
                assertEquals(jdk.contains("E"), text.contains("E"), text + " against the JDK's " + jdk);
            }
        }
        assertTrue(differ < 4000, differ + " of 400,000 differ from the JDK's text (617 with these seeds: its longer texts)");
    }

    @Test
    void specialValuesReadAsTheJdkWritesThem() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-3, 9.999999999999999e-4, 1e7, 9999999.999999998,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double v : special) assertEquals(Double.toString(v), Decimal.of(v));
        assertEquals("2.0E23", Decimal.of(2e23), "JDK 17 writes 1.9999999999999998E23: the same double, not the shortest text");
    }
}
