package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --quick} prints one JSON object per line, each naming its bench and either a measurement or why it was skipped. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key each bench measures (DESIGN/README: scripts read these). */
    private static final Map<String, String> METRIC = Map.ofEntries(
            Map.entry("ssa.birth-death", "eventsPerSecond"),
            Map.entry("ssa.isomer-ring", "eventsPerSecond"),
            Map.entry("ssa.multistate", "eventsPerSecond"),
            Map.entry("fp.birth-death", "millis"),
            Map.entry("cme.birth-death", "millis"),
            Map.entry("cle.birth-death", "pathsPerSecond"),
            Map.entry("fp2d.step", "millis"),
            Map.entry("fp2d.predator-prey", "seconds"),
            Map.entry("cme.predator-prey", "seconds"),
            Map.entry("km.csv", "seconds"),
            Map.entry("km.ssa", "secondsWith"));

    @Test
    void quickBenchPrintsOneJsonObjectPerLine() throws Exception {
        Cli r = Cli.run("bench", "--quick");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> names = new ArrayList<>();
        List<Integer> ssaThreads = new ArrayList<>();
        for (String line : r.outLines()) {
            JsonNode n = JSON.readTree(line);
            assertTrue(n.isObject() && n.hasNonNull("bench"), line);
            String name = n.get("bench").asText();
            names.add(name);
            if (METRIC.containsKey(name)) {
                assertTrue(n.has("skipped") != n.has(METRIC.get(name)), "either measured or skipped: " + line);
                if (n.has(METRIC.get(name))) assertTrue(n.get(METRIC.get(name)).asDouble() > 0, line);
            }
            if (name.equals("ssa.birth-death")) ssaThreads.add(n.get("threads").asInt());
            if (name.equals("ssa.birth-death") && n.get("threads").asInt() == 1) {
                assertTrue(n.has("ratioToC") || n.has("yardstick"), "the C yardstick's ratio, or why it is missing: " + line);
            }
        }
        assertTrue(names.containsAll(METRIC.keySet()), "all benches present: " + names);
        assertEquals(List.of("environment", "ssa.birth-death", "ssa.birth-death", "ssa.isomer-ring", "ssa.multistate",
                "fp.birth-death", "fp.birth-death", "fp.birth-death", "cme.birth-death", "cle.birth-death",
                "fp2d.step", "fp2d.predator-prey", "cme.predator-prey", "km.csv", "km.csv", "km.ssa"), names, "every bench line, in order");
        assertEquals(List.of(1, Runtime.getRuntime().availableProcessors()), ssaThreads, "single- and all-thread ssa benches");
    }

    @Test
    void onlyFiltersByPrefix() throws Exception {
        Cli r = Cli.run("bench", "--quick", "--only", "fp");
        assertEquals(0, r.exit(), r.err());
        List<String> names = new ArrayList<>();
        for (String line : r.outLines()) names.add(JSON.readTree(line).get("bench").asText());
        assertEquals(List.of("fp.birth-death", "fp.birth-death", "fp.birth-death", "fp2d.step", "fp2d.predator-prey"), names,
                "1-D at three system sizes, then a 2-D step and a whole 2-D run");
    }

    @Test
    void cmeBenchesNameTheirProblem() throws Exception {
        Cli r = Cli.run("bench", "--quick", "--only", "cme");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.outLines()) lines.add(JSON.readTree(line));
        assertEquals(2, lines.size(), r.out());
        JsonNode birthDeath = lines.get(0), predatorPrey = lines.get(1);
        assertEquals("cme.birth-death", birthDeath.get("bench").asText());
        assertEquals(10, birthDeath.get("omega").asInt(), "Ω = 10 with --quick (1000 in the full bench)");
        assertEquals(101, birthDeath.get("samples").asInt());
        assertTrue(birthDeath.hasNonNull("states"), "the solver's info follows the time: " + birthDeath);
        assertEquals("cme.predator-prey", predatorPrey.get("bench").asText());
        assertEquals(101, predatorPrey.get("samples").asInt());
        assertTrue(predatorPrey.get("firstSeconds").asDouble() >= predatorPrey.get("seconds").asDouble(), predatorPrey.toString());
    }
}
