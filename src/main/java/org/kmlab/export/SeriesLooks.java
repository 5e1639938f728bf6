package org.kmlab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives each distinct colour of the window's chart a colour-blind-safe colour and a line dash that
 * survive greyscale printing. Series that share a colour in the window (a solver's mean and its
 * band, the same solver in two panels) share a look here; greys (sample paths, references) stay
 * grey. One instance is shared by all panels of a figure so a solver looks the same in each.
 */
public final class SeriesLooks {
    /**
     * Okabe &amp; Ito, "Color Universal Design" (2008): distinguishable under every common colour
     * vision deficiency. Ordered for lines on white: yellow, which is faint on white, comes last.
     */
    public static final Color[] OKABE_ITO = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };

    /** Dash patterns in units of the line width; null is solid. */
    private static final float[][] DASHES = {
        null,
        {4f, 2f},
        {1f, 1.6f},
        {5f, 1.6f, 1f, 1.6f},
        {8f, 2.5f},
        {3f, 1.5f, 1f, 1.5f, 1f, 1.5f},
        {2f, 2f},
        {10f, 2f, 2f, 2f},
    };

    private final Map<Integer, Integer> slotByRgb = new HashMap<>();
    private final Set<Integer> taken = new HashSet<>();

    /** Looks handed out in order of first appearance. */
    public SeriesLooks() {
        this(Map.of());
    }

    /**
     * @param fixed window colours that always take a given palette slot (a solver's colour in every
     *              theme → that solver's slot), so separate figures agree; others take the free slots in turn
     */
    public SeriesLooks(Map<Color, Integer> fixed) {
        fixed.forEach((c, slot) -> {
            if (slot < 0) throw new IllegalArgumentException("slot must be ≥ 0, got " + slot);
            slotByRgb.put(c.getRGB() & 0xFFFFFF, slot);
            taken.add(slot);
        });
    }

    /** One series' look: colour and dash slot. */
    public record Look(Color color, int slot) {
        /** A stroke of this look's dash at a line width in points (greys and slot 0 are solid). */
        public Stroke stroke(float widthPt) {
            float[] dash = slot < 0 ? null : DASHES[slot % DASHES.length];
            if (dash == null) return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
            float unit = Math.max(widthPt, 0.75f);
            float[] scaled = new float[dash.length];
            for (int i = 0; i < dash.length; i++) scaled[i] = dash[i] * unit;
            return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
        }

        /** This look's colour with the alpha of the original paint (bands and histograms stay translucent). */
        public Color withAlphaOf(Paint original) {
            int alpha = original instanceof Color c ? c.getAlpha() : 255;
            return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
        }
    }

    /** The look for a series painted {@code original} in the window. */
    public Look lookFor(Paint original) {
        if (!(original instanceof Color c)) return slotLook(System.identityHashCode(original));
        if (isGrey(c)) return new Look(onWhite(c), -1);
        return slotLook(c.getRGB() & 0xFFFFFF);
    }

    private Look slotLook(int key) {
        int slot = slotByRgb.computeIfAbsent(key, k -> nextFreeSlot());
        return new Look(OKABE_ITO[slot % OKABE_ITO.length], slot);
    }

    private int nextFreeSlot() {
        int slot = 0;
        while (taken.contains(slot)) slot++;
        taken.add(slot);
        return slot;
    }

    /** A grey as drawn on white paper: near-white (a dark theme's foreground) turns black, others stay. */
    static Color onWhite(Color grey) {
        if (grey.getRed() + grey.getGreen() + grey.getBlue() > 3 * 0xC8) return Color.BLACK;
        return new Color(grey.getRed(), grey.getGreen(), grey.getBlue());
    }

    /** Neutral colours carry no series identity (r, g, b within 12 of each other). */
    static boolean isGrey(Color c) {
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        return max - min <= 12;
    }
}
