package org.kmlab.run;

import org.kmlab.model.Model;
import org.kmlab.model.RunSettings;
import org.kmlab.solve.SolverOptions;

import java.util.Objects;

/** What the user asked to run: a model at its current parameter values, run settings (which name the solvers) and solver options. */
public record RunRequest(Model model, RunSettings settings, SolverOptions options) {
    public RunRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
    }
}
