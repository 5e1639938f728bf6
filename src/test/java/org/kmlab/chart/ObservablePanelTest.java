package org.kmlab.chart;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.PresetIO;
import org.kmlab.model.TestPresets;
import org.kmlab.run.Recording;
import org.kmlab.solve.CancellationToken;
import org.kmlab.solve.Density1D;
import org.kmlab.solve.Problem;
import org.kmlab.solve.SnapshotListener;
import org.kmlab.solve.Solver;
import org.kmlab.solve.SolverOptions;
import org.kmlab.solve.SolverResult;
import org.kmlab.solve.cme.FiniteStateProjection;
import org.kmlab.solve.lna.LinearNoiseApproximation;
import org.kmlab.solve.ssa.DirectMethodSsa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preset's observables drawn in the distribution pane: a panel after the species' for each,
 * fed by every solver that gives its law. Enzyme's free substrate S = S_T − C: the SSA histogram's
 * mean in the pane against the master equation's within 4 standard errors (sd/√n of the master
 * equation's law); the LNA's Gaussian of a linear combination of a linear model (two isomers, D =
 * A − B) against the exact binomial moments; choosing one quantity draws that panel alone.
 */
class ObservablePanelTest {
    private static final double[] TIMES = {0, 10};

    private static SolverResult solve(Solver solver, Model m, double[] times, int trajectories) {
        return solver.solve(new Problem(m, times, trajectories, 29, SolverOptions.defaults()), SnapshotListener.NONE, CancellationToken.none());
    }

    private static DistributionPane shown(Model m, double[] times, Map<String, SolverResult> results, MarginalChoice choice) {
        ChartSet set = new ChartSet(m, ChartStyle.light());
        set.show(m, times[times.length - 1], Recording.of(times, results), times.length - 1, Set.of(), Map.of(MarginalChoice.class, choice));
        return (DistributionPane) set.pane("distribution").orElseThrow();
    }

    private static XYPlot panel(DistributionPane pane, int q) { return ((PanelRow) pane.chart().getPlot()).panels().get(q); }

    /** The mean of a solver's series in a panel's dataset: Σ x·P·w / Σ P·w with w the bar width (1 for points on a lattice). */
    private static double mean(XYPlot plot, int dataset, String solver) {
        ArrayDataset data = (ArrayDataset) plot.getDataset(dataset);
        for (int j = 0; j < data.getSeriesCount(); j++) {
            if (!((SeriesKey) data.getSeriesKey(j)).isSolver(solver)) continue;
            double sum = 0, mass = 0;
            for (int i = 0; i < data.getItemCount(j); i++) {
                double w = dataset == DistributionPane.BARS ? data.getEndXValue(j, i) - data.getStartXValue(j, i) : 1;
                sum += data.getXValue(j, i) * data.getYValue(j, i) * w;
                mass += data.getYValue(j, i) * w;
            }
            assertTrue(mass > 0, solver + " has no data in the panel");
            return sum / mass;
        }
        throw new AssertionError("no series of " + solver);
    }

    @Test void enzymeFreeSubstratePanelSsaMeanAgreesWithTheMasterEquationWithinFourStandardErrors() {
        Model m = TestPresets.model("enzyme");
        int n = 4000;
        Map<String, SolverResult> results = new LinkedHashMap<>();
        results.put("ssa", solve(new DirectMethodSsa(), m, TIMES, n));
        results.put("cme", solve(new FiniteStateProjection(), m, TIMES, 1));
        results.put("lna", solve(new LinearNoiseApproximation(), m, TIMES, 1));
        DistributionPane pane = shown(m, TIMES, results, MarginalChoice.ALL);
        PanelRow row = (PanelRow) pane.chart().getPlot();
        assertEquals(3, row.panels().size(), "S_T, C, then the observable S");
        assertEquals(3, row.shownPanels().size());
        assertEquals("x = S/Ω", panel(pane, 2).getDomainAxis().getLabel());
        Density1D cme = results.get("cme").at(1).observableMarginal(0);
        double se = Math.sqrt(cme.variance() / n);
        double ssa = mean(panel(pane, 2), DistributionPane.BARS, "ssa"), exact = mean(panel(pane, 2), DistributionPane.POINTS, "cme");
        assertEquals(cme.mean(), exact, 1e-6, "the master equation's points are its law of S");
        assertEquals(exact, ssa, 4 * se, "SSA mean of S in the pane");
        System.out.printf("enzyme S = S_T − C at t = 10 in the pane: SSA %.4f, CME %.4f (%.2f SE)%n", ssa, exact, Math.abs(ssa - exact) / se);
        double lna = mean(panel(pane, 2), DistributionPane.LINES, "lna");
        assertTrue(Math.abs(lna - exact) < 0.1 * Math.sqrt(cme.variance()), "the LNA's Gaussian of S sits near the exact law: " + lna + " vs " + exact);

        ChartSet set = new ChartSet(m, ChartStyle.light());
        set.show(m, TIMES[1], Recording.of(TIMES, results), 1, Set.of());
        var course = (org.jfree.chart.plot.CombinedDomainXYPlot) set.pane("timecourse").orElseThrow().chart().getPlot();
        assertEquals(3, course.getSubplots().size(), "the time course has a panel for S too");
        XYPlot sPanel = (XYPlot) course.getSubplots().get(2);
        ArrayDataset means = (ArrayDataset) sPanel.getDataset(TimeCoursePane.MEANS), band = (ArrayDataset) sPanel.getDataset(TimeCoursePane.BAND);
        for (int j = 0; j < means.getSeriesCount(); j++) {
            if (((SeriesKey) means.getSeriesKey(j)).isSolver("cme")) assertEquals(cme.mean(), means.getYValue(j, 1), 1e-9, "CME mean of S over time");
        }
        var ssaSnap = results.get("ssa").at(1);
        assertEquals(ssaSnap.mean(0) - ssaSnap.mean(1), band.getYValue(0, 1), 1e-12, "the SSA band's centre is mean S_T − mean C");
        assertEquals(ssa, band.getYValue(0, 1), 1.5 / m.size(), "the same as its histogram's mean, to within a bin");

        DistributionPane alone = shown(m, TIMES, results, new MarginalChoice("S"));
        PanelRow only = (PanelRow) alone.chart().getPlot();
        assertEquals(1, only.shownPanels().size());
        assertTrue(only.shownPanels().get(0) == only.panels().get(2), "the observable's panel alone");
        assertEquals("density P(x, t)", only.panels().get(2).getRangeAxis().getLabel(), "the panel on show carries the axis label");
    }

    @Test void lnaGaussianOfALinearCombinationHasTheExactMomentsOfALinearModel() {
        Model m = PresetIO.parse("""
            {"format": "kmlab-preset/1", "name": "isomers", "species": [{"name": "A", "initial": 200}, {"name": "B", "initial": 0}],
             "omega": {"value": 100}, "parameters": [{"name": "k1", "value": 1.5}, {"name": "k2", "value": 0.5}],
             "reactions": [{"name": "to B", "equation": "A -> B", "rate": "k1"}, {"name": "to A", "equation": "B -> A", "rate": "k2"}],
             "observables": [{"name": "D", "of": {"A": 1, "B": -1}}]}
            """, "isomers").model();
        double t = 0.4, omega = 100, atoms = 200;
        double p = 0.5 / 2 + 1.5 / 2 * Math.exp(-2 * t);   // each molecule is A with this probability
        double exactMean = (2 * atoms * p - atoms) / omega, exactVariance = 4 * atoms * p * (1 - p) / (omega * omega);   // D = 2A − N, binomial A
        double[] times = {0, t};
        Map<String, SolverResult> results = Map.of("lna", solve(new LinearNoiseApproximation(), m, times, 1));
        Density1D law = results.get("lna").at(1).observableMarginal(0);
        assertEquals(exactMean, law.mean(), 1e-6, "the LNA's law of D: its mean");
        assertEquals(exactVariance, law.variance(), 1e-3 * exactVariance, "the LNA's law of D: its variance");
        assertEquals(1, law.mass(), 1e-8, "the grid spans ±6 s.d.: 2·10⁻⁹ lies beyond");
        var series = org.kmlab.run.ObservableSeries.of(m, 0, results.get("lna"));
        assertEquals(exactMean, series.mean()[1], 1e-9, "cᵀμ");
        assertEquals(Math.sqrt(exactVariance), series.sd()[1], 1e-9, "√(cᵀΣc)");
        DistributionPane pane = shown(m, times, results, MarginalChoice.ALL);
        assertEquals(exactMean, mean(panel(pane, 2), DistributionPane.LINES, "lna"), 1e-6, "the pane draws it");
    }
}
