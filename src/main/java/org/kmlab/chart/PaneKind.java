package org.kmlab.chart;

import org.kmlab.model.Model;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A kind of pane, declared once in {@link Panes}: its id (the CLI's {@code --figure} name), its
 * title, a short help text, which models it applies to, its options, and how it is built. The
 * window's layout, Export figure…, Copy chart and {@code kmlab export --figure} iterate over the list.
 */
public record PaneKind(String id, String title, String help, Predicate<Model> appliesTo, String requirement,
                       List<PaneOption> options, BiFunction<Model, ChartStyle, Pane> factory) {
    public PaneKind {
        Objects.requireNonNull(id);
        options = List.copyOf(options);
    }

    public boolean appliesTo(Model m) { return appliesTo.test(m); }

    public Pane create(Model m, ChartStyle style) { return factory.apply(m, style); }

    /** Why this pane does not apply to the model, in words for people, e.g. "the probability cloud needs a model with 2 species; birth-death has 1". */
    public String notAvailableReason(Model m, String modelId) {
        return "the " + title.toLowerCase(java.util.Locale.ROOT) + " needs " + requirement + "; " + modelId + " has "
                + (requirement.contains("species") ? String.valueOf(m.speciesCount()) : "none");
    }
}
