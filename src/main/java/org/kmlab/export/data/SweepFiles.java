package org.kmlab.export.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kmlab.model.Model;
import org.kmlab.model.Parameter;
import org.kmlab.model.Species;
import org.kmlab.run.sweep.CoefficientScaling;
import org.kmlab.run.sweep.LogLogFit;
import org.kmlab.run.sweep.SolverSeries;
import org.kmlab.run.sweep.SweepRequest;
import org.kmlab.run.sweep.SweepResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a system-size sweep, staged into an {@link OutputFolder} (all or nothing):
 * <ul>
 *   <li>{@code sweep.csv}: one row per swept value; columns: the parameter, then per solver
 *       {@code <id>_l1}, {@code <id>_hellinger} (distances to the reference at T) and, when the
 *       solver estimates its own numerical error, {@code <id>_error}; then per coefficient source
 *       {@code <source>_D<k>} = |M_k(x*)/k!| at the fixed point (x = n/Ω units, per unit time).
 *       An empty field has no number (a solver skipped, a coefficient that cancels).</li>
 *   <li>{@code sweep.json} ({@code "format": "kmlab-sweep/1"}): the model and its values, the swept
 *       parameter, values, time T, reference, settings, per solver the distances, notes and the
 *       fitted slopes ({@code slope.l1}, {@code slope.hellinger}, their standard errors and the
 *       number of points), per coefficient source the sizes, slopes and expected slopes
 *       (1 − k against Ω) by order. Non-finite numbers are {@code null}.</li>
 * </ul>
 */
public final class SweepFiles {
    public static final String CSV = "sweep.csv", JSON_FILE = "sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepFiles() {}

    /** Stages sweep.csv, then sweep.json (its presence means the CSV is there too). */
    public static void stage(OutputFolder folder, String modelId, SweepRequest request, SweepResult result) throws IOException {
        RunFiles.stage(folder, CSV, w -> writeCsv(result, w));
        ObjectNode json = json(modelId, request, result);
        folder.stage(JSON_FILE, out -> SummaryJson.write(json, out));
    }

    static void writeCsv(SweepResult r, Writer w) throws IOException {
        List<String> header = new ArrayList<>(List.of(r.parameter()));
        for (SolverSeries s : r.series()) {
            header.add(s.id() + "_l1");
            header.add(s.id() + "_hellinger");
            if (anyFinite(s.ownError())) header.add(s.id() + "_error");
        }
        for (CoefficientScaling c : r.coefficients()) for (int k : c.orders()) header.add(c.source() + "_D" + k);
        w.write(String.join(",", header));
        w.write('\n');
        for (int i = 0; i < r.size(); i++) {
            StringBuilder row = new StringBuilder(number(r.values()[i]));
            for (SolverSeries s : r.series()) {
                row.append(',').append(number(s.l1()[i])).append(',').append(number(s.hellinger()[i]));
                if (anyFinite(s.ownError())) row.append(',').append(number(s.ownError()[i]));
            }
            for (CoefficientScaling c : r.coefficients()) for (double[] sizes : c.sizes()) row.append(',').append(number(sizes[i]));
            w.write(row.append('\n').toString());
        }
    }

    static ObjectNode json(String modelId, SweepRequest request, SweepResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "kmlab-sweep/1");
        root.put("model", modelId);
        root.put("name", r.model());
        root.put("parameter", r.parameter());
        root.set("values", vector(r.values()));
        root.put("time", r.time());
        root.put("reference", r.reference());
        root.put("state", r.state().name().toLowerCase(Locale.ROOT));
        root.put("wallSeconds", r.seconds());
        ObjectNode settings = root.putObject("settings");
        ArrayNode solvers = settings.putArray("solvers");
        r.settings().solvers().forEach(solvers::add);
        settings.put("seed", r.settings().seed());
        settings.put("trajectories", r.settings().trajectories());
        settings.put("fpCells", r.settings().fpCells());
        settings.put("samples", r.settings().samples());
        Model m = request.model();
        settings.put("omega", m.size());
        ObjectNode parameters = settings.putObject("parameters");
        for (Parameter p : m.parameters()) parameters.put(p.name(), p.value());
        ObjectNode initial = settings.putObject("initial");
        for (Species s : m.species()) initial.put(s.initialName(), s.initial());
        settings.put("swept", request.overSystemSize()
                ? "Omega takes each of the values, every initial count round(x0·Omega) with x0 = X0/Omega as above; the other settings are as above"
                : r.parameter() + " takes each of the values; the other settings are as above");

        ObjectNode bySolver = root.putObject("solvers");
        for (SolverSeries s : r.series()) {
            ObjectNode n = bySolver.putObject(s.id());
            n.put("label", s.solver().label());
            n.set("l1", vector(s.l1()));
            n.set("hellinger", vector(s.hellinger()));
            if (anyFinite(s.ownError())) n.set("ownError", vector(s.ownError()));
            ArrayNode notes = n.putArray("notes");
            for (String note : s.notes()) notes.add(note);
            ObjectNode slope = n.putObject("slope");
            fit(slope, "l1", s.l1Fit());
            fit(slope, "hellinger", s.hellingerFit());
        }
        ObjectNode coefficients = root.putObject("coefficients");
        for (CoefficientScaling c : r.coefficients()) {
            ObjectNode n = coefficients.putObject(c.source());
            n.put("quantity", "|M_k(x*)/k!| at the fixed point x*, x = n/Omega units, per unit time");
            ArrayNode orders = n.putArray("orders");
            for (int k : c.orders()) orders.add(k);
            ObjectNode sizes = n.putObject("sizes"), slopes = n.putObject("slope"), expected = n.putObject("expectedSlope"), notes = n.putObject("notes");
            for (int j = 0; j < c.orders().length; j++) {
                String k = Integer.toString(c.orders()[j]);
                sizes.set(k, vector(c.sizes()[j]));
                slopes.put(k, c.fits()[j].slope());
                expected.put(k, c.expected()[j]);
                if (!c.notes()[j].isEmpty()) notes.put(k, c.notes()[j]);
            }
        }
        return nullForNonFinite(root);
    }

    private static void fit(ObjectNode slope, String name, LogLogFit f) {
        slope.put(name, f.slope());
        slope.put(name + "StdError", f.slopeError());
        slope.put(name + "Points", f.points());
    }

    static ArrayNode vector(double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (double x : v) a.add(x);
        return a;
    }

    private static boolean anyFinite(double[] v) {
        for (double x : v) if (Double.isFinite(x)) return true;
        return false;
    }

    static String number(double v) { return Double.isFinite(v) ? Decimal.of(v) : ""; }

    /** NaN and ±∞ are not JSON numbers: null instead, in place. */
    static <T extends JsonNode> T nullForNonFinite(T node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (v.isNumber() && !Double.isFinite(v.doubleValue())) o.set(name, NullNode.getInstance());
                else nullForNonFinite(v);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber() && !Double.isFinite(a.get(i).doubleValue())) a.set(i, NullNode.getInstance());
                else nullForNonFinite(a.get(i));
            }
        }
        return node;
    }
}
