package org.kmlab.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.kmlab.model.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * File ▸ Save session / Open session: what is on show, as a small JSON file ({@value #FORMAT}) —
 * the model (a built-in preset's id, the file it came from, and for any model not built in its
 * text as the editor writes it, so the session opens even where that file is gone), the values
 * of its parameters, Ω and initial counts, the run settings, the solvers, the pane options on and
 * the panes a lesson left on show. Plain data; reading only checks the JSON (the window checks
 * the names and values against the model before it changes anything).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SessionFile {
    public static final String FORMAT = "kmlab-session/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public String format = FORMAT;
    public String preset;
    public String presetFile;
    public String modelText;
    public Map<String, Double> values = new LinkedHashMap<>();
    public Double tEnd;
    public Integer trajectories;
    public Long seed;
    public Integer fpCells;
    public List<String> solvers = new ArrayList<>();
    public List<String> options = new ArrayList<>();
    public List<String> panes = new ArrayList<>();

    /** Writes the session whole (temp file, then rename) or not at all. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    /** The session as the JSON text {@link #write} puts in a file. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session always serializes", e);
        }
    }

    /** Reads a session; {@link IllegalArgumentException} with the file, the line and the reason when it is not one. */
    public static SessionFile read(Path file) {
        String name = String.valueOf(file.getFileName());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, name);
    }

    /** A session from its JSON text; {@code name} says where it came from in a refusal. */
    public static SessionFile parse(String text, String name) {
        SessionFile s;
        try {
            s = JSON.readValue(text, SessionFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new IllegalArgumentException(name + ": " + where + "not a kmlab session (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (s == null) throw new IllegalArgumentException(name + ": empty, not a kmlab session");
        if (!FORMAT.equals(s.format)) throw new IllegalArgumentException(name + ": \"format\" must be \"" + FORMAT + "\", found " + (s.format == null ? "none" : "\"" + s.format + "\""));
        if ((s.preset == null || s.preset.isBlank()) && s.presetFile == null && s.modelText == null) {
            throw new IllegalArgumentException(name + ": names no model (\"preset\", \"presetFile\" or \"modelText\")");
        }
        if (s.values == null) s.values = new LinkedHashMap<>();
        if (s.solvers == null) s.solvers = new ArrayList<>();
        if (s.options == null) s.options = new ArrayList<>();
        if (s.panes == null) s.panes = new ArrayList<>();
        return s;
    }
}
