package org.kmlab.model;

import java.util.List;

/**
 * SBML Level 2 and 3 core files ({@code .xml}, {@code .sbml}; see {@link SbmlImport} for what is
 * read, how kinetic laws become propensities, and what is refused).
 */
public final class SbmlSource implements ModelSource {
    @Override public String name() { return "SBML"; }

    @Override public List<String> extensions() { return List.of("xml", "sbml"); }

    @Override public boolean recognises(String text) {
        String t = text.stripLeading();
        return t.startsWith("<") && t.contains("<sbml");
    }

    @Override public Preset read(String text, String id) { return SbmlImport.read(text, id); }
}
