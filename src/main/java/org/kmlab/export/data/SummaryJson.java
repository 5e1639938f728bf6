package org.kmlab.export.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.OneStepPassage;
import org.kmlab.model.Parameter;
import org.kmlab.model.Species;
import org.kmlab.run.Outcome;
import org.kmlab.solve.FirstPassage;
import org.kmlab.solve.Problem;
import org.kmlab.solve.Snapshot;
import org.kmlab.solve.SolverResult;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code summary.json} of a batch run (command-line contract in DESIGN.md):
 * <pre>
 * { "model": id, "species": [...], "omega": Ω, "parameters": {name: value},
 *   "initial": {"X0": count}, "run": {"tEnd", "samples", "trajectories", "seed"},
 *   "solvers": { id: {"times": [...], "mean": [[...]], "covariance": [[[...]]], "mass": [...],
 *                     "error": [...] (the solver's own L1 error estimate per time, when it makes one),
 *                     ...SolverResult.info,
 *                     "skewness": [[...]] (per time and species, from the marginal density),
 *                     "exactL1": [[...]] (per time and species: L1 to the preset's exact law, null where it has none),
 *                     "distances": {"reference", "l1", "hellinger", "l1Joint", "hellingerJoint"},
 *                     "observables": {name: {"mean": [...], "sd": [...]}} (when the preset defines observables)}
 *                id: {"skipped": reason} },
 *   "absorbing": ["X <= 0"], "exactMeanFirstPassage": T }   (only for a model with an absorbing set)
 * </pre>
 * For a model with an absorbing set each solver has {@code "firstPassage": {"survivalAtEnd",
 * "meanTime", "meanTimeSE", "absorbedFraction", "absorbed" (ensembles), "method"}} (see
 * {@link FirstPassage}), or {@code {"skipped": reason}} when it gives none; the top-level
 * {@code exactMeanFirstPassage} is Gardiner's closed sum ({@link OneStepPassage}) when it applies.
 * {@code mean[i][s]} is species s at {@code times[i]} in x units (x = n/Ω). A preset's observables
 * add {@code "observables": {name: {species: coefficient}}} at the top. Non-finite numbers
 * (e.g. a distance where a solver has no marginal) are written as {@code null}.
 */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> STANDARD_KEYS = Set.of("times", "mean", "covariance", "mass", "error", "skewness", "exactL1", "distances", "observables",
            "skipped", "failed", FirstPassage.KEY, FirstPassage.SKIPPED_KEY);

    private SummaryJson() {}

    /**
     * @param modelId   the preset id (its file name without ".json")
     * @param problem   the problem every solver ran (its model carries the --set values)
     * @param distances per-solver distances to the reference (may be empty)
     * @param exactL1   per-solver L1 distances to the preset's exact law, {@code [time][species]} (empty when it has none)
     */
    public static ObjectNode build(String modelId, Problem problem, List<Outcome> outcomes, Map<String, ReferenceDistances.Table> distances,
                                   Map<String, double[][]> exactL1) {
        Model model = problem.model();
        ObjectNode root = JSON.createObjectNode();
        root.put("model", modelId);
        ArrayNode species = root.putArray("species");
        for (Species s : model.species()) species.add(s.name());
        root.put("omega", model.size());
        ObjectNode parameters = root.putObject("parameters");
        for (Parameter p : model.parameters()) parameters.put(p.name(), p.value());
        ObjectNode initial = root.putObject("initial");
        for (Species s : model.species()) initial.put(s.initialName(), s.initial());
        root.putObject("run").put("tEnd", problem.tEnd()).put("samples", problem.sampleCount())
                .put("trajectories", problem.trajectories()).put("seed", problem.seed());
        if (!model.observables().isEmpty()) {
            ObjectNode obs = root.putObject("observables");
            for (var ob : model.observables()) {
                ObjectNode of = obs.putObject(ob.name());
                ob.coefficients().forEach(of::put);
            }
        }
        if (!model.absorbing().isEmpty()) {
            ArrayNode absorbing = root.putArray("absorbing");
            model.absorbing().entries().forEach(absorbing::add);
            if (OneStepPassage.unsupportedReason(model) == null) {
                try {
                    root.put("exactMeanFirstPassage", OneStepPassage.meanTime(model));
                } catch (ModelException e) {
                    root.put("exactMeanFirstPassageSkipped", e.getMessage());
                }
            }
        }
        ObjectNode solvers = root.putObject("solvers");
        for (Outcome o : outcomes) {
            if (o.isSkipped()) solvers.putObject(o.solver()).put("skipped", o.skipped());
            else if (o.isFailed()) solvers.putObject(o.solver()).put("failed", o.failed());
            else {
                ObjectNode node = solverNode(o.result(), distances.get(o.solver()), exactL1.get(o.solver()));
                if (!model.observables().isEmpty()) node.set("observables", finiteOnly(observables(model, o.result())));
                solvers.set(o.solver(), node);
            }
        }
        return root;
    }

    private static ObjectNode solverNode(SolverResult r, ReferenceDistances.Table d, double[][] exactL1) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode times = node.putArray("times");
        ArrayNode mean = node.putArray("mean");
        ArrayNode cov = node.putArray("covariance");
        ArrayNode mass = node.putArray("mass");
        ArrayNode skewness = node.putArray("skewness");
        boolean estimated = r.snapshots().stream().anyMatch(s -> Double.isFinite(s.error()));
        ArrayNode error = estimated ? node.putArray("error") : null;
        for (Snapshot s : r.snapshots()) {
            if (error != null) error.add(s.error());
            times.add(s.time());
            mean.add(vector(s.mean()));
            ArrayNode c = cov.addArray();
            for (double[] row : s.covariance()) c.add(vector(row));
            mass.add(s.mass());
            double[] skew = new double[s.dimension()];
            for (int k = 0; k < skew.length; k++) skew[k] = s.marginal(k) == null ? Double.NaN : s.marginal(k).skewness();
            skewness.add(vector(skew));
        }
        if (exactL1 != null) node.set("exactL1", matrix(exactL1));
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(r.info()).entrySet()) {
            if (!STANDARD_KEYS.contains(e.getKey())) node.set(e.getKey(), JSON.valueToTree(e.getValue()));
        }
        FirstPassage.of(r).ifPresent(f -> {
            ObjectNode fp = node.putObject(FirstPassage.KEY);
            fp.put("survivalAtEnd", f.survivalAtEnd());
            fp.put("meanTime", f.meanTime());
            fp.put("meanTimeSE", f.meanTimeSE());
            fp.put("absorbedFraction", f.absorbedFraction());
            if (f.absorbed() >= 0) fp.put("absorbed", f.absorbed());
            fp.put("method", f.method());
        });
        if (r.info().get(FirstPassage.SKIPPED_KEY) instanceof String why) node.putObject(FirstPassage.KEY).put("skipped", why);
        if (d != null) {
            ObjectNode dn = node.putObject("distances");
            dn.put("reference", d.reference());
            dn.set("l1", matrix(d.l1()));
            dn.set("hellinger", matrix(d.hellinger()));
            if (d.l1Joint() != null) dn.set("l1Joint", vector(d.l1Joint()));
            if (d.hellingerJoint() != null) dn.set("hellingerJoint", vector(d.hellingerJoint()));
        }
        return finiteOnly(node);
    }

    private static ObjectNode observables(Model model, org.kmlab.solve.SolverResult r) {
        ObjectNode out = JSON.createObjectNode();
        for (int k = 0; k < model.observables().size(); k++) {
            var series = org.kmlab.run.ObservableSeries.of(model, k, r);
            ObjectNode o = out.putObject(series.name());
            o.set("mean", vector(series.mean()));
            o.set("sd", vector(series.sd()));
        }
        return out;
    }

    private static ArrayNode vector(double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (double x : v) a.add(x);
        return a;
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode a = JSON.createArrayNode();
        for (double[] row : m) a.add(vector(row));
        return a;
    }

    /** Replaces NaN and ±∞ (not JSON numbers) by null, in place; returns the node. */
    private static <T extends JsonNode> T finiteOnly(T node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (isNonFinite(e.getValue())) e.setValue(NullNode.getInstance());
                else finiteOnly(e.getValue());
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (isNonFinite(a.get(i))) a.set(i, NullNode.getInstance());
                else finiteOnly(a.get(i));
            }
        }
        return node;
    }

    private static boolean isNonFinite(JsonNode n) {
        return (n instanceof DoubleNode || n instanceof FloatNode) && !Double.isFinite(n.doubleValue());
    }

    public static void write(ObjectNode summary, OutputStream out) throws IOException {
        JSON.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, summary);
        out.write('\n');
    }
}
