package org.kmlab.export.data;

import org.kmlab.run.Outcome;
import org.kmlab.solve.FirstPassage;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code first-passage.csv} of a run whose model has an absorbing set: the survival probability
 * S(t) (not yet absorbed) of every solver that gives one, one row per output time:
 * {@code t,ssa,cme,fp}. Written only when some solver has a {@link FirstPassage}.
 */
public final class FirstPassageCsv {
    public static final String NAME = "first-passage.csv";

    private FirstPassageCsv() {}

    /** The solvers' first-passage results, in the outcomes' order (empty when none has one). */
    public static List<Named> of(List<Outcome> outcomes) {
        List<Named> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.ran()) FirstPassage.of(o.result()).ifPresent(f -> out.add(new Named(o.solver(), f)));
        }
        return out;
    }

    /** One solver's result under its id. */
    public record Named(String solver, FirstPassage passage) {}

    public static void write(List<Named> results, Writer w) throws IOException {
        StringBuilder header = new StringBuilder("t");
        for (Named n : results) header.append(',').append(n.solver());
        w.write(header.append('\n').toString());
        double[] times = results.get(0).passage().times();
        double[][] survival = new double[results.size()][];
        for (int j = 0; j < survival.length; j++) survival[j] = results.get(j).passage().survival();
        for (int k = 0; k < times.length; k++) {
            StringBuilder row = new StringBuilder(number(times[k]));
            for (double[] s : survival) row.append(',').append(k < s.length ? number(s[k]) : "");
            w.write(row.append('\n').toString());
        }
    }

    private static String number(double v) { return Decimal.of(v); }
}
