package org.kmlab.model;

import java.util.List;

/** The kmlab preset format ({@value Preset#FORMAT}, JSON; see {@link PresetIO}). */
public final class JsonPresetSource implements ModelSource {
    @Override public String name() { return "kmlab preset"; }

    @Override public List<String> extensions() { return List.of("json"); }

    @Override public boolean recognises(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") && t.contains(Preset.FORMAT);
    }

    @Override public Preset read(String text, String id) { return PresetIO.parse(text, id); }
}
