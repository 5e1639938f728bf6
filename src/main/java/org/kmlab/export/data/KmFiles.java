package org.kmlab.export.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kmlab.model.KramersMoyal;
import org.kmlab.model.Model;
import org.kmlab.run.km.FpFromData;
import org.kmlab.run.km.KmEstimate;
import org.kmlab.run.km.MomentEstimates;
import org.kmlab.run.km.PawulaTest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The files of {@code kmlab km}:
 * <ul>
 *   <li>{@code km.csv}, one row per point and order: {@code x,order,value,stderr,analytic,samples},
 *       where value is the Kramers–Moyal coefficient D_k = M_k/k! (the drift is D₁ = A, the
 *       diffusion 2·D₂ = B) as shown (at Δt, or extrapolated to Δt → 0 with the correction), stderr
 *       its standard error, analytic the model's D_k at x (empty for a series), samples the
 *       increments behind the point (effective number for a kernel);</li>
 *   <li>{@code km.json}: the source, the settings, the drift slope against Δt, Pawula's verdict and
 *       the Fokker–Planck check. Non-finite numbers are written as {@code null}.</li>
 * </ul>
 * All in x units (x = n/Ω for a model, the file's values for a series), per unit time.
 */
public final class KmFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KmFiles() {}

    /** @param model the model for the analytic column, or null (a series) */
    public static void writeCsv(KmEstimate e, Model model, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("x,order,value,stderr,analytic,samples\n");
        MomentEstimates m = e.shown();
        KramersMoyal km = model == null ? null : new KramersMoyal(model);
        StringBuilder row = new StringBuilder(96);
        for (int i = 0; i < m.size(); i++) {
            for (int k = 1; k <= e.settings().maxOrder(); k++) {
                if (!m.has(k, i)) continue;
                row.setLength(0);
                row.append(Decimal.of(m.x(i))).append(',').append(k).append(',').append(Decimal.of(m.coefficient(k, i))).append(',').append(Decimal.of(m.coefficientSe(k, i))).append(',');
                if (km != null) row.append(Decimal.of(km.coefficient(k, m.x(i))));
                row.append(',').append(Math.round(m.samples(i))).append('\n');
                w.append(row);
            }
        }
        w.flush();
    }

    /**
     * @param source facts about the source (kind, model or file, trajectories, …), written first
     * @param wallSeconds the command's time
     */
    public static void writeJson(KmEstimate e, Map<String, Object> source, double wallSeconds, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "kmlab-km/1");
        ObjectNode src = JSON.valueToTree(source);
        src.put("description", e.source());
        root.set("source", src);
        ObjectNode s = root.putObject("settings");
        number(s, "dt", e.dt());
        s.put("estimator", e.settings().binned() ? "binned" : "kernel");
        s.put("estimatorDescription", e.estimator());
        if (!e.settings().binned()) {
            s.put("kernel", e.settings().kernel().name().toLowerCase(Locale.ROOT));
            number(s, "bandwidth", e.bandwidth());
            s.put("bandwidthRule", Double.isNaN(e.settings().bandwidth()) ? "silverman" : "given");
        }
        s.put("bins", e.settings().bins());
        s.put("correction", e.settings().correction());
        s.put("order", e.settings().maxOrder());
        s.put("value", "D_k = M_k/k!, " + e.shownLabel());
        ArrayNode lags = s.putArray("lags");
        for (MomentEstimates l : e.lags()) lags.add(l.tau());
        number(root, "increments", e.increments());
        number(root, "outsideShare", e.outside());
        ArrayNode slope = root.putArray("driftSlope");
        for (double[] d : e.driftSlope()) {
            ObjectNode o = slope.addObject();
            number(o, "dt", d[0]);
            number(o, "slope", d[1]);
            number(o, "stderr", d[2]);
        }
        PawulaTest p = e.pawula();
        ObjectNode pw = root.putObject("pawula");
        pw.put("verdict", p.verdict().name().toLowerCase(Locale.ROOT));
        pw.put("line", p.line());
        number(pw, "share", p.share());
        number(pw, "shareStderr", p.shareSe());
        pw.put("bins", p.bins());
        number(pw, "q", p.q());
        number(pw, "qAt", p.x());
        number(pw, "bDt", p.bDt());
        ObjectNode fp = root.putObject("fpFromData");
        FpFromData f = e.fp();
        if (f == null) {
            fp.put("problem", e.fpProblem().isEmpty() ? "not computed" : e.fpProblem());
        } else {
            number(fp, "l1", f.l1());
            number(fp, "noise", f.noise());
            fp.put("fits", f.fits());
            fp.put("how", f.how());
            fp.put("line", f.line());
        }
        number(root, "wallSeconds", wallSeconds);
        JSON.writeValue(out, root);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
