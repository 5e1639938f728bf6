package org.kmlab.export.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.run.sweep.PassageResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a sweep of the mean first-passage time against Ω, staged into an
 * {@link OutputFolder} (all or nothing), as {@link SweepFiles} writes the distance sweep's:
 * <ul>
 *   <li>{@code passage.csv}: one row per Ω; columns {@code Omega}, then per source
 *       {@code <id>_T} (the mean first-passage time) and {@code <id>_se} (its standard error, 0 when
 *       computed rather than sampled); sources: {@code exact} (the one-step closed sum), the
 *       solvers by id, {@code kramers} (Kramers' formula, switching problems only). An empty
 *       field has no number (see the notes in the JSON).</li>
 *   <li>{@code passage.json} ({@code "format": "kmlab-passage/1"}): the model, what is measured
 *       ({@code definition}), the values, settings, and per source its label, T, SE, notes and the
 *       fitted exponent ({@code exponent.S}: the slope of ln T against Ω, T ∝ e^{SΩ}, with its
 *       standard error and the number of points). Non-finite numbers are {@code null}.</li>
 * </ul>
 */
public final class PassageFiles {
    public static final String CSV = "passage.csv", JSON_FILE = "passage.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PassageFiles() {}

    /** Stages passage.csv, then passage.json. */
    public static void stage(OutputFolder folder, String modelId, Model model, PassageResult result) throws IOException {
        RunFiles.stage(folder, CSV, w -> writeCsv(result, w));
        ObjectNode json = json(modelId, model, result);
        folder.stage(JSON_FILE, out -> SummaryJson.write(json, out));
    }

    static void writeCsv(PassageResult r, Writer w) throws IOException {
        List<String> header = new ArrayList<>(List.of("Omega"));
        for (PassageResult.Series s : r.series()) {
            header.add(s.id() + "_T");
            header.add(s.id() + "_se");
        }
        w.write(String.join(",", header));
        w.write('\n');
        for (int i = 0; i < r.size(); i++) {
            StringBuilder row = new StringBuilder(SweepFiles.number(r.values()[i]));
            for (PassageResult.Series s : r.series()) row.append(',').append(SweepFiles.number(s.time()[i])).append(',').append(SweepFiles.number(s.error()[i]));
            w.write(row.append('\n').toString());
        }
    }

    static ObjectNode json(String modelId, Model m, PassageResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "kmlab-passage/1");
        root.put("model", modelId);
        root.put("name", r.model());
        root.put("quantity", "mean first-passage time");
        root.put("definition", r.definition());
        root.put("parameter", "Omega");
        root.set("values", SweepFiles.vector(r.values()));
        root.put("state", r.state().name().toLowerCase(Locale.ROOT));
        root.put("wallSeconds", r.seconds());
        ObjectNode settings = root.putObject("settings");
        ArrayNode solvers = settings.putArray("solvers");
        r.settings().solvers().forEach(solvers::add);
        settings.put("seed", r.settings().seed());
        settings.put("trajectories", r.settings().trajectories());
        ObjectNode parameters = settings.putObject("parameters");
        for (Parameter p : m.parameters()) parameters.put(p.name(), p.value());
        ObjectNode sources = root.putObject("sources");
        for (PassageResult.Series s : r.series()) {
            ObjectNode n = sources.putObject(s.id());
            n.put("label", s.solver() != null ? s.solver().label() : s.label());
            n.set("T", SweepFiles.vector(s.time()));
            n.set("se", SweepFiles.vector(s.error()));
            ArrayNode notes = n.putArray("notes");
            for (String note : s.notes()) notes.add(note);
            ObjectNode e = n.putObject("exponent");
            e.put("S", s.fit().rate());
            e.put("StdError", s.fit().rateError());
            e.put("points", s.fit().points());
        }
        return SweepFiles.nullForNonFinite(root);
    }
}
