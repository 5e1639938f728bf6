package org.kmlab.model;

/** Human-readable propensities, e.g. {@code k1·Ω}, {@code k2·X}, {@code k·X·(X−1)/Ω}. */
final class ReactionText {
    private ReactionText() {}

    static String propensityText(Model m, int r) {
        Reaction rx = m.reactions().get(r);
        if (!rx.isMassAction()) return rx.propensity().pretty();
        int[] s = m.reactants(r);
        int order = 0;
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            String n = m.species().get(i).name();
            for (int j = 0; j < s[i]; j++) {
                counts.append('·').append(j == 0 ? n : "(" + n + "−" + j + ")");
            }
            order += s[i];
        }
        String rate = rx.rate().pretty();
        boolean atom = rx.rate().text().matches("[A-Za-z_][A-Za-z0-9_]*|[0-9.eE+-]+");
        String k = atom ? rate : "(" + rate + ")";
        if (order == 0) return k + "·Ω";
        if (order == 1) return k + counts;
        return k + counts + (order == 2 ? "/Ω" : "/Ω^" + (order - 1));
    }
}
