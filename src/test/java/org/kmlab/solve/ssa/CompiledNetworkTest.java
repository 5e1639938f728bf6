package org.kmlab.solve.ssa;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Propensities;
import org.kmlab.model.Reaction;
import org.kmlab.model.Species;
import org.kmlab.model.SystemSize;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.IsomerRing;
import org.kmlab.solve.SolverException;
import org.kmlab.solve.ensemble.Ensemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The event loop's compiled {@link Network} against the model's own {@link Propensities}: the
 * inline mass-action kernels give the same bits at random states for every preset and a
 * formula model, and the dependency graph (with the partial-sum tree or the linear search) keeps
 * every propensity and every tree node equal to a full recomputation after many events.
 */
class CompiledNetworkTest {
    private static final long BOUND = 1L << 40;

    @Test
    void kernelsGiveTheGeneralPathsBitsAtRandomStatesForEveryPreset() throws IOException {
        List<Path> presets;
        try (Stream<Path> files = Files.list(Path.of("presets"))) {
            presets = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(presets.size() >= 8, "the presets folder: " + presets);
        int kernels = 0;
        for (Path p : presets) {
            String id = p.getFileName().toString().replace(".json", "");
            kernels += assertSamePropensities(SsaFixtures.preset(id), id, 2000);
        }
        assertTrue(kernels > 1000, "most preset reactions are mass action, so the kernels were exercised: " + kernels);
        assertTrue(assertSamePropensities(formulaModel(), "formulas", 2000) > 1000, "the formula model's kernels too");
    }

    /**
     * Compares the stepper's value of every reaction with Propensities' at random states (counts 0,
     * 1, 2, where the falling factorials vanish, and up to a few hundred; signed species below 0
     * too); a formula whose value is negative or NaN must stop the run instead. Returns how many
     * kernel evaluations it compared.
     */
    private static int assertSamePropensities(Model m, String where, int states) {
        Network net = new Network(m);
        DirectMethodStepper stepper = new DirectMethodStepper(net, BOUND, CancellationToken.none(), new CancellationToken());
        Propensities props = m.propensities();
        double[] env = props.newEnvironment();
        double[] counts = new double[m.speciesCount()];
        SplittableRandom random = new SplittableRandom(where.hashCode());
        int kernels = 0;
        for (int k = 0; k < states; k++) {
            for (int s = 0; s < counts.length; s++) {
                long n = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(500);
                if (m.species().get(s).signed() && random.nextBoolean()) n = -n;
                counts[s] = n;
                env[s] = n;
            }
            for (int r = 0; r < m.reactionCount(); r++) {
                double general = props.propensity(r, env);
                String at = where + ", reaction " + r + " at " + java.util.Arrays.toString(counts);
                if (net.kind[r] == Network.FORMULA && !(general >= 0 && general < Double.POSITIVE_INFINITY)) {
                    int rr = r;
                    assertThrows(SolverException.class, () -> stepper.propensityAt(rr, counts), at);
                    continue;
                }
                assertEquals(Double.doubleToLongBits(general), Double.doubleToLongBits(stepper.propensityAt(r, counts)), at);
                if (net.kind[r] == Network.KERNEL) kernels++;
            }
        }
        return kernels;
    }

    /** Mass action of every kernel shape (∅ →, X →, X + Y →, 2X →, 3X →) beside formulas of several species. */
    private static Model formulaModel() {
        return new Model("formulas", "", List.of(new Species("X", 5, false), new Species("Y", 3, false), new Species("Z", 10, true)),
                List.of(new Parameter("k", 2.5, 0, 10, ""), new Parameter("q", 0.3, 0, 10, "")),
                new SystemSize(7, 1, 100),
                List.of(new Reaction("make", "0 -> X", "k", null),
                        new Reaction("lose", "X -> 0", "k", null),
                        new Reaction("bind", "X + Y -> Z", "k", null),
                        new Reaction("pair", "2 X -> Y", "k", null),
                        new Reaction("triple", "3 Y -> X", "k", null),
                        new Reaction("hill", "0 -> Y", null, "k*X^2/(q*Omega^2 + X^2)"),
                        new Reaction("drift", "Z -> 0", null, "k*Z - q*X")));   // negative at some states: must stop the run
    }

    @Test
    void dependencyGraphUpdatesMatchAFullRecomputationAfterManyEventsWithTreeAndLinearSearch() {
        Model m = manyReactions();
        assertTrue(m.reactionCount() >= Network.LINEAR_MAX, "enough reactions for the tree by default");
        for (boolean tree : new boolean[] {true, false}) {
            Network net = new Network(m, tree);
            DirectMethodStepper stepper = new DirectMethodStepper(net, BOUND, CancellationToken.none(), new CancellationToken());
            long[] initial = m.initialCounts();
            double[] start = new double[initial.length];
            for (int s = 0; s < start.length; s++) start[s] = initial[s];
            Ensemble ensemble = Ensemble.start(start, 1, 1, 3, 42);
            double t = 0;
            for (int interval = 1; interval <= 40; interval++) {
                for (int i = 0; i < ensemble.size(); i++) stepper.advance(ensemble, i, t, interval * 0.05, null);
                t = interval * 0.05;
                // the stepper holds the last member's propensities, updated only through the graph
                assertMatchesFullRecomputation(m, ensemble, ensemble.size() - 1, stepper, tree, "t = " + t);
            }
            assertTrue(stepper.events() > 100_000, "many events: " + stepper.events());
        }
    }

    private static void assertMatchesFullRecomputation(Model m, Ensemble ensemble, int member, DirectMethodStepper stepper, boolean tree, String when) {
        Propensities props = m.propensities();
        double[] env = props.newEnvironment();
        for (int s = 0; s < m.speciesCount(); s++) env[s] = ensemble.state(member, s);
        double[] rates = stepper.currentRates();
        for (int r = 0; r < m.reactionCount(); r++) {
            assertEquals(Double.doubleToLongBits(props.propensity(r, env)), Double.doubleToLongBits(rates[r]),
                    (tree ? "tree" : "linear") + ", reaction " + m.reactions().get(r).name() + ", " + when);
        }
        double[] sums = stepper.currentSums();
        if (!tree) {
            assertNull(sums);
            return;
        }
        int leaves = sums.length / 2;
        for (int k = leaves; k < 2 * leaves; k++) assertEquals(k - leaves < rates.length ? rates[k - leaves] : 0.0, sums[k], 0.0, "leaf " + k);
        for (int k = leaves - 1; k >= 1; k--) assertEquals(sums[2 * k] + sums[2 * k + 1], sums[k], 0.0, "node " + k + ", " + when);
    }

    /**
     * The isomer ring (20 reactions) plus a bimolecular exchange, a dimerisation, a third-order
     * reaction and two formulas reading species they do not change: 25 reactions whose dependents
     * are spread over the tree; 1000 molecules of each isomer, about 5·10⁴ events per unit time.
     */
    static Model manyReactions() {
        Model ring = IsomerRing.model(1);
        List<Reaction> rs = new ArrayList<>(ring.reactions());
        rs.add(new Reaction("swap", "S0 + S5 -> S1 + S6", "c", null));
        rs.add(new Reaction("dimer", "2 S3 -> S3 + S4", "c", null));
        rs.add(new Reaction("third", "3 S7 -> 2 S7 + S8", "c3", null));
        rs.add(new Reaction("fed", "0 -> S2", null, "c*S9*S1/(1 + S4)"));
        rs.add(new Reaction("drained", "S2 -> 0", null, "0.5*S2*(1 + S8/100)"));
        List<Parameter> ps = new ArrayList<>(ring.parameters());
        ps.add(new Parameter("c", 0.01, 0, 1, ""));
        ps.add(new Parameter("c3", 1e-5, 0, 1, ""));
        List<Species> sp = new ArrayList<>();
        for (Species s : ring.species()) sp.add(new Species(s.name(), 1000, false));
        return new Model("many reactions", "", sp, ps, ring.omega(), rs);
    }

    /**
     * The one-species loop (the count in a register, every kernel recomputed, the reaction chosen
     * by counting partial sums) and its two-reaction form draw the general loop's trajectories bit for bit: the same
     * reactions with an inert second species Y run the general loop, from the same streams. The
     * reactions cover every kernel shape (∅ →, X →, 2X →) and a count reaching 0 (a₂ = 0).
     */
    @Test
    void theOneSpeciesLoopDrawsTheGeneralLoopsTrajectoriesBitForBit() {
        // four reactions (the one-species loop), two (its two-reaction form: birth–death, and a
        // dimer decay whose second reaction empties at X = 1), one (the loop with nothing to choose)
        Object[][] networks = {
            {"0 -> X", 2.0, "X -> 0", 0.5, "2X -> X", 0.05, "X -> 2X", 0.3},
            {"0 -> X", 2.0, "X -> 0", 0.5},
            {"X -> 0", 0.01, "2X -> X", 0.4},
            {"0 -> X", 1.5}};
        for (Object[] reactions : networks) {
            Model one = SsaFixtures.massAction("X=3", reactions);
            Model two = SsaFixtures.massAction("X=3,Y=7", reactions);
            assertTrue(new Network(one).oneSpecies);
            assertFalse(new Network(two).oneSpecies);
            double[] times = org.kmlab.solve.Problem.uniformTimes(20, 41);
            var a = SsaFixtures.run(one, times, 300, 77, SsaFixtures.options(1, 300));
            var b = SsaFixtures.run(two, times, 300, 77, SsaFixtures.options(2, 300));
            assertEquals(a.info().get("events"), b.info().get("events"));
            for (int k = 0; k < times.length; k++) {
                for (int i = 0; i < 300; i++) assertEquals(b.at(k).sample(i, 0), a.at(k).sample(i, 0), 0.0, reactions[0] + ", trajectory " + i + " at t = " + times[k]);
            }
        }
        // and they stop at the same explosion, with the same message
        for (Object[] reactions : new Object[][] {{"X -> 2X", 1.0}, {"X -> 2X", 1.0, "X -> 0", 0.1}}) {
            Model grow = SsaFixtures.massAction("X=3", reactions);
            Model growTwo = SsaFixtures.massAction("X=3,Y=0", reactions);
            String m1 = assertThrows(SolverException.class, () -> SsaFixtures.run(grow, new double[] {0, 50}, 4, 78, SsaFixtures.options(1, 0).withPopulationBound(1000))).getMessage();
            String m2 = assertThrows(SolverException.class, () -> SsaFixtures.run(growTwo, new double[] {0, 50}, 4, 78, SsaFixtures.options(1, 0).withPopulationBound(1000))).getMessage();
            assertEquals(m2, m1);
            assertTrue(m1.startsWith("population of X passed 1000 at t = "), m1);
        }
    }
}
