package org.kmlab.export;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FigureSizeTest {

    @Test
    void presetsHaveTheJournalWidths() {
        assertEquals(3.5, FigureSize.SINGLE.widthInches(), 1e-12);
        assertEquals(89, FigureSize.SINGLE.widthInches() * 25.4, 0.5);
        assertEquals(7.2, FigureSize.DOUBLE.widthInches(), 1e-12);
        assertEquals(183, FigureSize.DOUBLE.widthInches() * 25.4, 0.5);
        assertEquals(16.0 / 9, FigureSize.SLIDE.widthPt() / FigureSize.SLIDE.heightPt(), 1e-12);
        assertEquals(1050, FigureSize.SINGLE.widthPixels(300));
    }

    @Test
    void presetsAreFoundByTheirCliNames() {
        for (FigureSize s : FigureSize.presets()) assertSame(s, FigureSize.named(s.name().toUpperCase()));
        assertEquals("unknown size 'a4': use single, onehalf, double or slide",
                assertThrows(IllegalArgumentException.class, () -> FigureSize.named("a4")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FigureSize("x", 10, 100, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new FigureSize("x", 100, 100, Double.NaN, 1));
    }

    @Test
    void clipboardImageHasThePixelSizeAndLeavesTheChartAsItWas() {
        JFreeChart chart = TestCharts.lines("t");
        Object background = chart.getBackgroundPaint();
        BufferedImage image = FigureRenderer.toImage(chart, 640, 400);
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        assertSame(background, chart.getBackgroundPaint());
        assertNotEquals(image.getRGB(5, 5), image.getRGB(320, 395), "the window's gradient background is drawn");
    }
}
