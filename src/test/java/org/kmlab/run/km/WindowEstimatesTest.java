package org.kmlab.run.km;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the window uses to estimate: {@link RunIncrements} attaches an estimator to each ensemble
 * solver of a request (and to nothing else), its estimate follows the settings without a new run;
 * {@link SeriesAnalysis} estimates a series and checks its Fokker–Planck density.
 */
class WindowEstimatesTest {
    private static final SolverRegistry SOLVERS = SolverRegistry.builtIn();

    private static RunRequest request(Model m, List<String> solvers, int trajectories) {
        RunSettings s = new RunSettings(10, 51, trajectories, 3, solvers);
        return RunRequest.batch(m, s, 1);
    }

    @Test void watchesTheEnsembleSolversOnlyAndOnlyOneSpecies() {
        Model bd = KmFixtures.preset("birth-death");
        RunIncrements w = RunIncrements.watch(request(bd, List.of("ssa", "cme", "fp", "cle"), 100), SOLVERS, KmSettings.defaults());
        assertNotNull(w);
        assertEquals(List.of("ssa", "cle"), w.solvers().stream().map(d -> d.id()).toList());
        assertEquals(Set.of("ssa", "cle"), w.request().observers().keySet(), "the master equation and FP run as before");
        assertEquals(KmSettings.defaultDt(bd, 10), w.dt());
        assertNull(RunIncrements.watch(request(bd, List.of("cme", "fp"), 100), SOLVERS, KmSettings.defaults()), "no ensemble: nothing to watch");
        assertNull(RunIncrements.watch(request(KmFixtures.preset("predator-prey"), List.of("ssa"), 100), SOLVERS, KmSettings.defaults()),
                "two species: no estimate");
        assertNull(RunIncrements.watch(request(bd, List.of("ssa"), 100), SOLVERS, KmSettings.defaults().withDt(3)), "4·Δt longer than the run");
    }

    @Test void theEstimateOfARunFollowsTheSettingsWithoutANewRun() {
        Model bd = KmFixtures.preset("birth-death");
        RunIncrements w = RunIncrements.watch(request(bd, List.of("ssa"), 400), SOLVERS, KmSettings.defaults());
        assertTrue(w.estimate(KmSettings.defaults()).isEmpty(), "nothing before the run");
        try (SimulationService service = SimulationService.sameThread(SOLVERS)) {
            service.start(w.request());
        }
        KmEstimates binned = w.estimate(KmSettings.defaults());
        assertEquals(1, binned.sources().size());
        assertEquals("ssa", binned.sources().get(0).solver().id());
        KmEstimate e = binned.sources().get(0).estimate();
        assertEquals(w.dt(), e.dt());
        assertTrue(e.source().startsWith("400 SSA trajectories to t = 10"), e.source());
        assertTrue(e.settings().binned());
        List<Object> version = w.version();
        KmEstimate kernel = w.estimate(KmSettings.defaults().withKernel(Kernel.EPANECHNIKOV).withDt(0.5)).sources().get(0).estimate();
        assertEquals(w.dt(), kernel.dt(), "the increments were filed at the run's Δt; another Δt needs another run");
        assertFalse(kernel.settings().binned());
        assertNotEquals(e.estimator(), kernel.estimator());
        assertEquals(version, w.version(), "estimating again reads the same tables");
    }

    @Test void aSeriesIsEstimatedAndCheckedAgainstItsHistogram() {
        double[] t = SyntheticSeries.regularTimes(50_000, 0.01);
        TimeSeries s = new TimeSeries("ou.csv", t, new double[][] {SyntheticSeries.ornsteinUhlenbeck(t, 1, 1, 11)}, List.of("x"));
        SeriesAnalysis a = SeriesAnalysis.of(s, 0, KmSettings.defaults());
        assertEquals("ou.csv (x)", a.label());
        assertEquals(0.01, a.estimate().dt(), 1e-12, "NaN Δt: the sampling step");
        assertNotNull(a.estimate().fp(), a.estimate().fpProblem());
        assertTrue(a.estimate().fp().fits(), a.estimate().fp().line());
        SeriesAnalysis k = a.with(KmSettings.defaults().withKernel(Kernel.GAUSSIAN).withDt(0.02));
        assertEquals(0.02, k.estimate().dt(), 1e-12);
        assertFalse(k.estimate().settings().binned());
        SeriesException e = assertThrows(SeriesException.class, () -> a.with(KmSettings.defaults().withDt(1000)), "4·Δt beyond the series");
        assertTrue(e.getMessage().contains("Δt"), e.getMessage());
    }
}
