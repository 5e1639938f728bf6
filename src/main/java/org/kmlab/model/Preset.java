package org.kmlab.model;

/**
 * A preset file's content: the model and its default run settings. {@code id} is the file's
 * name without ".json" (e.g. "birth-death"); it is not stored in the file.
 */
public record Preset(String id, Model model, RunSettings run) {
    public static final String FORMAT = "kmlab-preset/1";

    public Preset withModel(Model m) { return new Preset(id, m, run); }

    public Preset withRun(RunSettings r) { return new Preset(id, model, r); }
}
