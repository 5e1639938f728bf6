package org.kmlab.chart;

/** How each solver is named in legends. */
public final class SolverNames {
    private SolverNames() {}

    public static String label(String solver) {
        return switch (solver) {
            case "ssa" -> "SSA (Gillespie)";
            case "cme" -> "Master equation";
            case "fp" -> "Fokker–Planck";
            case "cle" -> "Langevin (CLE)";
            case "lna" -> "Linear noise";
            default -> solver;
        };
    }

    public static String shortLabel(String solver) {
        return switch (solver) {
            case "ssa" -> "SSA";
            case "cme" -> "CME";
            case "fp" -> "FP";
            case "cle" -> "CLE";
            case "lna" -> "LNA";
            default -> solver;
        };
    }
}
