package org.kmlab.ui;

import org.junit.jupiter.api.Test;
import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.model.TestPresets;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SolverRegistry;
import org.kmlab.run.km.KmSettings;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimate's view model without a window: what a run's request gets, and when the run restarts. */
class KmViewModelTest {
    private static RunRequest request(String preset) {
        Model m = TestPresets.model(preset);
        return RunRequest.window(m, new RunSettings(10, 51, 100, 1, List.of("ssa", "cme")));
    }

    @Test void theEstimatorIsAttachedOnlyWhileEstimatingAndAChangeOfWatchRestartsTheRun() {
        AtomicInteger restarts = new AtomicInteger();
        try (KmViewModel km = new KmViewModel(SolverRegistry.builtIn(), restarts::incrementAndGet)) {
            RunRequest plain = request("birth-death");
            assertSame(plain, km.attach(plain), "off: the request runs as it is, at no cost");
            km.estimatingProperty().set(true);
            assertEquals(1, restarts.get(), "switching it on restarts the run so that it is watched");
            assertEquals(Set.of("ssa"), km.attach(plain).observers().keySet());
            km.settingsProperty().set(KmSettings.defaults().withKernel(org.kmlab.run.km.Kernel.GAUSSIAN));
            assertEquals(1, restarts.get(), "another estimator reads the same increments: no new run");
            km.settingsProperty().set(km.settingsProperty().get().withDt(0.05));
            assertEquals(2, restarts.get(), "another Δt needs new increments");
            RunRequest twoSpecies = request("predator-prey");
            assertSame(twoSpecies, km.attach(twoSpecies));
            assertTrue(km.messageProperty().get().startsWith("no estimate from this run"), km.messageProperty().get());
            km.attach(plain);
            assertEquals("", km.messageProperty().get());
        }
    }
}
