package org.kmlab.run;

import org.kmlab.model.Environment;
import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ghost's run has that the current one does not, in a few words for a legend: "ghost: Ω = 10",
 * "ghost: k1 = 5, X0 = 20", "ghost: Schlögl model" (another model: its name), "ghost: T = 5, N = 1000".
 * Values are the ghost's; at most {@value #MAX_ITEMS} are named, then "…".
 */
public final class GhostLabel {
    static final String PREFIX = "ghost";
    static final int MAX_ITEMS = 3;

    private GhostLabel() {}

    /** @param currentSettings null to compare the models alone */
    public static String between(Model ghost, RunSettings ghostSettings, Model current, RunSettings currentSettings) {
        List<String> items = new ArrayList<>();
        if (!ghost.name().equals(current.name())) {
            items.add(ghost.name());
        } else {
            if (!sameReactions(ghost, current)) items.add("other reactions");
            List<String> currentNames = current.settableNames();
            for (String n : ghost.settableNames()) {
                double v = ghost.valueOf(n);
                if (currentNames.contains(n) && Double.compare(current.valueOf(n), v) == 0) continue;
                items.add(symbol(n) + " = " + number(v));
            }
        }
        if (currentSettings != null) {
            if (ghostSettings.tEnd() != currentSettings.tEnd()) items.add("T = " + number(ghostSettings.tEnd()));
            if (ghostSettings.trajectories() != currentSettings.trajectories()) items.add("N = " + ghostSettings.trajectories());
            if (ghostSettings.seed() != currentSettings.seed()) items.add("seed " + ghostSettings.seed());
            if (ghostSettings.samples() != currentSettings.samples()) items.add(ghostSettings.samples() + " samples");
            if (ghostSettings.fpCells() != currentSettings.fpCells()) items.add("FP cells " + (ghostSettings.fpCells() == 0 ? "auto" : ghostSettings.fpCells()));
        }
        if (items.isEmpty()) return PREFIX + ": same values";
        List<String> shown = items.size() > MAX_ITEMS ? new ArrayList<>(items.subList(0, MAX_ITEMS)) : items;
        return PREFIX + ": " + String.join(", ", shown) + (items.size() > MAX_ITEMS ? ", …" : "");
    }

    private static boolean sameReactions(Model a, Model b) {
        if (a.reactionCount() != b.reactionCount() || !a.species().stream().map(s -> s.name()).toList().equals(b.species().stream().map(s -> s.name()).toList())) return false;
        for (int r = 0; r < a.reactionCount(); r++) if (!a.describe(r).equals(b.describe(r))) return false;   // formulas compare by text
        return true;
    }

    private static String symbol(String settable) { return Environment.OMEGA.equals(settable) ? "Ω" : settable; }

    /** Up to six significant digits, no exponent for ordinary sizes, no trailing zeros: 10, 0.25, 1e-07. */
    static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e9 ? d.toPlainString() : d.toString();
    }
}
