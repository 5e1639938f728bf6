package org.kmlab.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DecadeAxisTest {
    private static List<String> labels(double lo, double hi) {
        DecadeAxis axis = new DecadeAxis("T");
        axis.setRange(lo, hi);
        Graphics2D g2 = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            @SuppressWarnings("unchecked")
            List<ValueTick> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(40, 10, 350, 280), RectangleEdge.LEFT);
            return ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).map(DecadeAxisTest::text).filter(s -> !s.isEmpty()).toList();
        } finally {
            g2.dispose();
        }
    }

    /** A tick's label: plain text, or a LogTick's attributed string (how LogAxis labels its own ticks). */
    private static String text(ValueTick t) {
        if (t.getText() != null) return t.getText();
        if (!(t instanceof org.jfree.chart.axis.LogTick log) || log.getAttributedLabel() == null) return "";
        java.text.AttributedCharacterIterator it = log.getAttributedLabel().getIterator();
        StringBuilder b = new StringBuilder();
        for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) b.append(c);
        return b.toString();
    }

    /** A passage-time sweep over T ≈ 7 … 83 had "10" as its only label; now 10, 20 and 50. */
    @Test
    void aNarrowRangeLabelsTwosAndFives() {
        assertEquals(List.of("10", "20", "50"), labels(7, 83));
        assertEquals(List.of("0.005", "0.01", "0.02", "0.05", "0.1", "0.2"), labels(0.003, 0.2));
        assertEquals(List.of("5×10⁻⁵", "10⁻⁴", "2×10⁻⁴", "5×10⁻⁴"), labels(4e-5, 9e-4));
        assertEquals(List.of("2000", "5000"), labels(1500, 9000));
    }

    /** Over two decades or more only whole powers of ten are labelled, as before. */
    @Test
    void aWideRangeLabelsPowersOfTenOnly() {
        for (String label : labels(1e-3, 1e5)) assertTrue(label.matches("1|10|100|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+"), label);
        assertFalse(labels(1e-3, 1e5).isEmpty());
        assertEquals("10⁻⁴", DecadeAxis.POWERS.format(1e-4));
        assertEquals("100", DecadeAxis.POWERS.format(100));
    }
}
