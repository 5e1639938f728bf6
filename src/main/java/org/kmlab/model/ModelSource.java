package org.kmlab.model;

import java.util.List;

/**
 * A kind of file or text a model can come from (a kmlab preset in JSON today; reaction text and
 * SBML next). The window's File ▸ Open and the command line choose the source with
 * {@link ModelSources}: by the file's extension, else by its content. One class per format,
 * registered in {@link ModelSources#all()}.
 */
public interface ModelSource {
    /** What the format is called in a file chooser, e.g. "kmlab preset". */
    String name();

    /** File extensions without the dot, lower case, e.g. ["json"]. */
    List<String> extensions();

    /** True when the text looks like this format (used when the extension says nothing). */
    boolean recognises(String text);

    /**
     * The model and its run settings.
     *
     * @param id what to call the preset (the file name without its extension)
     * @throws ModelException the text is not a valid model; the message names the place
     */
    Preset read(String text, String id);
}
