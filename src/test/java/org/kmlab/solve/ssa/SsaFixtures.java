package org.kmlab.solve.ssa;

import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.PresetIO;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Models and runs shared by the SSA tests. */
final class SsaFixtures {
    private SsaFixtures() {}

    static Model preset(String id) {
        return PresetIO.read(Path.of("presets", id + ".json")).model();
    }

    /**
     * A model with Ω = 1 from species "X=100,Y=0" and pairs of (equation, mass-action rate constant),
     * each reaction named r0, r1, ….
     */
    static Model massAction(String species, Object... equationAndRate) {
        List<Species> sp = new ArrayList<>();
        for (String s : species.split(",")) {
            String[] kv = s.split("=");
            sp.add(new Species(kv[0].strip(), Long.parseLong(kv[1].strip()), false));
        }
        List<Parameter> ps = new ArrayList<>();
        List<Reaction> rs = new ArrayList<>();
        for (int i = 0; i < equationAndRate.length; i += 2) {
            String k = "k" + i / 2;
            ps.add(new Parameter(k, ((Number) equationAndRate[i + 1]).doubleValue(), 0, 1e9, ""));
            rs.add(new Reaction("r" + i / 2, (String) equationAndRate[i], k, null));
        }
        return new Model("test", "", sp, ps, new SystemSize(1, 1, 1), rs);
    }

    static SolverOptions options(int threads, int keepSamples) {
        return SolverOptions.defaults().withThreads(threads).withKeepSamples(keepSamples);
    }

    static SolverResult run(Model model, double[] times, int trajectories, long seed, SolverOptions options) {
        return new DirectMethodSsa().solve(new Problem(model, times, trajectories, seed, options),
                SnapshotListener.NONE, CancellationToken.none());
    }
}
