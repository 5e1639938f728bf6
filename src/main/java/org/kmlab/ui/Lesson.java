package org.kmlab.ui;

import java.util.List;
import java.util.Map;

/**
 * A lesson as read by {@link LessonReader}: a title, a line about it, and steps. Each step names a
 * preset, the values to set on it (parameters, Ω, initial counts, tEnd, trajectories, seed, FP
 * cells), the solvers (null: the preset's), the panes to show (empty: all), the pane options to
 * switch on, and the words: a text, a question and what to look at.
 */
public record Lesson(String title, String about, List<Step> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    public record Step(int line, String title, String preset, Map<String, Double> values, List<String> solvers,
                       List<String> panes, List<String> options, String text, String question, String look) {
        public Step {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            solvers = solvers == null ? null : List.copyOf(solvers);
            panes = List.copyOf(panes);
            options = List.copyOf(options);
        }
    }
}
