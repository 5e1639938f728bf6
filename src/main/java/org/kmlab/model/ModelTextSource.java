package org.kmlab.model;

import java.util.List;

/** Models written as reaction text ({@code .kmlab}, {@code .txt}; see {@link ModelText}). */
public final class ModelTextSource implements ModelSource {
    @Override public String name() { return "reaction text"; }

    @Override public List<String> extensions() { return List.of("kmlab", "txt"); }

    @Override public boolean recognises(String text) {
        return !text.stripLeading().startsWith("{") && (text.contains("->") || text.contains("→")) && text.contains("@");
    }

    @Override public Preset read(String text, String id) { return ModelText.parse(text, id); }
}
