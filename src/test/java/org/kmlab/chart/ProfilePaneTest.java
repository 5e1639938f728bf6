package org.kmlab.chart;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmlab.model.ExactMoments;
import org.kmlab.model.FirstOrderNetwork;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.lna.LinearNoiseApproximation;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain of cells (presets/ehrenfest-chain.json) against its closed form: N atoms hop
 * independently between K cells, so the counts are multinomial with p(t) = exp(tQ)·e₁ for one
 * atom's K × K generator Q (symmetric: hops at rate k both ways, reflecting ends; exponentiated
 * here through its eigen decomposition, independently of the moment equations). The profile pane's
 * SSA points (its mean counts) lie within 4 standard errors √(N·p(1 − p)/n) of N·p_i at an early, a
 * middle and a nearly stationary time (15 comparisons: a false failure about once in 1,000 seeds);
 * their error bars (the SSA's sd) within 4 SE of the binomial sd; the LNA and {@link ExactMoments} equal the closed-form mean and covariance to 1e-9.
 */
class ProfilePaneTest {
    private static final double[] TIMES = {0, 1, 4, 15};
    private static final int TRAJECTORIES = 2000;
    private static Model chain;
    private static Map<String, SolverResult> results;

    @BeforeAll static void run() {
        chain = TestPresets.model("ehrenfest-chain");
        results = new LinkedHashMap<>();
        Problem problem = new Problem(chain, TIMES, TRAJECTORIES, 11, SolverOptions.defaults());
        results.put("ssa", new DirectMethodSsa().solve(problem, SnapshotListener.NONE, CancellationToken.none()));
        results.put("lna", new LinearNoiseApproximation().solve(problem, SnapshotListener.NONE, CancellationToken.none()));
    }

    /** One atom's probabilities p(t) = exp(tQ)·e₁ over the K cells. */
    static double[] singleAtom(int cells, double k, double t) {
        RealMatrix q = new Array2DRowRealMatrix(cells, cells);
        for (int i = 0; i + 1 < cells; i++) {
            q.setEntry(i + 1, i, k);
            q.setEntry(i, i + 1, k);
            q.addToEntry(i, i, -k);
            q.addToEntry(i + 1, i + 1, -k);
        }
        EigenDecomposition e = new EigenDecomposition(q);
        double[] p = new double[cells];
        for (int j = 0; j < cells; j++) {
            double w = Math.exp(t * e.getRealEigenvalue(j)) * e.getEigenvector(j).getEntry(0);
            for (int i = 0; i < cells; i++) p[i] += w * e.getEigenvector(j).getEntry(i);
        }
        return p;
    }

    private static ProfilePane shownAt(int index) {
        Recording rec = Recording.of(TIMES, results);
        ChartSet set = new ChartSet(chain, ChartStyle.light());
        set.show(chain, TIMES[TIMES.length - 1], rec, index, Set.of());
        return (ProfilePane) set.pane("profile").orElseThrow();
    }

    @Test void theChainIsAFirstOrderNetworkOfFiveCellsStartingInTheFirst() {
        assertEquals(5, chain.speciesCount());
        assertTrue(FirstOrderNetwork.is(chain), FirstOrderNetwork.reasonNot(chain));
        assertEquals(chain.species().get(0).initial(), Math.round(chain.size()), "N = Ω atoms, all in X1");
        assertTrue(Panes.PROFILE.appliesTo(chain));
        assertFalse(Panes.PROFILE.appliesTo(TestPresets.model("enzyme")), "two species: no profile");
        assertEquals("the profile across species needs a model with 3 or more species; enzyme has 2",
                Panes.PROFILE.notAvailableReason(TestPresets.model("enzyme"), "enzyme"));
    }

    @Test void ssaProfileLiesWithinFourStandardErrorsOfTheExactMeanEarlyMidAndLate() {
        double n = chain.size(), k = chain.parameter("k");
        int cells = chain.speciesCount();
        double worst = 0;
        for (int index = 1; index < TIMES.length; index++) {
            ProfilePane pane = shownAt(index);
            ArrayDataset data = pane.solverData();
            int ssa = series(data, "ssa");
            assertEquals(cells, data.getItemCount(ssa), "a point per cell");
            double[] p = singleAtom(cells, k, TIMES[index]);
            for (int i = 0; i < cells; i++) {
                double se = Math.sqrt(n * p[i] * (1 - p[i]) / TRAJECTORIES), got = data.getYValue(ssa, i);
                worst = Math.max(worst, Math.abs(got - n * p[i]) / se);
                assertEquals(n * p[i], got, 4 * se, "SSA mean count of X" + (i + 1) + " at t = " + TIMES[index]);
                // the error bar is the SSA's own sd, the binomial √(N p (1 − p)) within 4 of its standard errors,
                // ½·sd·√((κ − 1)/n) with the binomial's kurtosis κ = 3 + (1 − 6p(1 − p))/(N p (1 − p))
                double sd = data.getEndYValue(ssa, i) - got, var = n * p[i] * (1 - p[i]), exactSd = Math.sqrt(var);
                double kurtosis = 3 + (1 - 6 * p[i] * (1 - p[i])) / var;
                assertEquals(exactSd, sd, 4 * 0.5 * exactSd * Math.sqrt((kurtosis - 1) / TRAJECTORIES), "sd of X" + (i + 1) + " at t = " + TIMES[index]);
            }
        }
        System.out.printf("chain of cells: worst |SSA − exact| over 15 cell means = %.2f SE%n", worst);
    }

    @Test void lnaAndTheExactLineEqualTheClosedFormMoments() {
        double n = chain.size(), k = chain.parameter("k");
        int cells = chain.speciesCount();
        ExactMoments exact = ExactMoments.of(chain, TIMES[TIMES.length - 1]).orElseThrow();
        for (int index = 0; index < TIMES.length; index++) {
            double t = TIMES[index];
            double[] p = singleAtom(cells, k, t);
            var lna = results.get("lna").at(index);
            double[] em = exact.mean(t);
            double[][] ec = exact.covariance(t);
            for (int i = 0; i < cells; i++) {
                assertEquals(p[i], lna.mean(i), 1e-9, "LNA mean of X" + (i + 1) + " at t = " + t);
                assertEquals(p[i], em[i], 1e-9, "exact mean of X" + (i + 1) + " at t = " + t);
                for (int j = 0; j < cells; j++) {
                    double cov = ((i == j ? p[i] : 0) - p[i] * p[j]) / n;   // multinomial, in x = n/Ω units
                    assertEquals(cov, lna.covariance(i, j), 1e-9, "LNA cov(X" + (i + 1) + ", X" + (j + 1) + ") at t = " + t);
                    assertEquals(cov, ec[i][j], 1e-9, "exact cov(X" + (i + 1) + ", X" + (j + 1) + ") at t = " + t);
                }
            }
        }
        double[] late = singleAtom(cells, k, 200);
        for (double v : late) assertEquals(1.0 / cells, v, 1e-12, "stationary: uniform N/K");
    }

    @Test void paneHasAPointPerCellPerSolverAndTheExactLine() {
        ProfilePane pane = shownAt(2);
        ArrayDataset data = pane.solverData();
        assertEquals(2, data.getSeriesCount(), "SSA and LNA");
        for (int j = 0; j < data.getSeriesCount(); j++) {
            assertEquals(5, data.getItemCount(j));
            for (int i = 0; i < 5; i++) assertEquals(i, data.getXValue(j, i), ProfilePane.NUDGE, "cell " + i + " along x");
        }
        double[] p = singleAtom(5, chain.parameter("k"), TIMES[2]);
        assertEquals(5, pane.exactData().getItemCount(0));
        for (int i = 0; i < 5; i++) assertEquals(chain.size() * p[i], pane.exactData().getYValue(0, i), 1e-7, "exact line at X" + (i + 1));
        int lna = series(data, "lna");
        for (int i = 0; i < 5; i++) assertEquals(chain.size() * p[i], data.getYValue(lna, i), 1e-7, "LNA point at X" + (i + 1));
    }

    @Test void aNonlinearNetworkHasNoExactLineAndSaysWhy() {
        Model m = PresetIO.parse("""
            {"format": "kmlab-preset/1", "name": "three", "species": [{"name": "A", "initial": 5}, {"name": "B", "initial": 0}, {"name": "C", "initial": 0}],
             "parameters": [{"name": "k", "value": 1}],
             "reactions": [{"name": "pair", "equation": "2 A -> B", "rate": "k"}, {"name": "on", "equation": "B -> C", "rate": "k"}]}
            """, "three").model();
        assertEquals("reaction 'pair' has 2 reactant molecules", FirstOrderNetwork.reasonNot(m));
        assertTrue(ExactMoments.of(m, 1).isEmpty());
        ChartSet set = new ChartSet(m, ChartStyle.light());
        set.show(m, 1, null, -1, Set.of());
        ProfilePane pane = (ProfilePane) set.pane("profile").orElseThrow();
        assertEquals(0, pane.exactData().getItemCount(0));
    }

    private static int series(ArrayDataset data, String solver) {
        for (int j = 0; j < data.getSeriesCount(); j++) if (((SeriesKey) data.getSeriesKey(j)).isSolver(solver)) return j;
        throw new AssertionError("no series of " + solver + " in " + List.of(data.getSeriesCount()));
    }
}
