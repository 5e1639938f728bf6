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
    private static final Map<String, String> METRIC = Map.of(
            "ssa.birth-death", "eventsPerSecond",
            "ssa.isomer-ring", "eventsPerSecond",
            "fp.birth-death", "millis",
            "cme.birth-death", "millis",
            "cle.birth-death", "pathsPerSecond",
            "fp2d.step", "millis",
            "cme.predator-prey", "seconds",
            "km.csv", "seconds",
            "km.ssa", "secondsWith");

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
        }
        assertTrue(names.containsAll(METRIC.keySet()), "all benches present: " + names);
        assertEquals(List.of(1, Runtime.getRuntime().availableProcessors()), ssaThreads, "single- and all-thread ssa benches");
    }

    @Test
    void onlyFiltersByPrefix() throws Exception {
        Cli r = Cli.run("bench", "--quick", "--only", "fp");
        assertEquals(0, r.exit(), r.err());
        List<String> names = new ArrayList<>();
        for (String line : r.outLines()) names.add(JSON.readTree(line).get("bench").asText());
        assertEquals(List.of("fp.birth-death", "fp.birth-death", "fp.birth-death", "fp2d.step"), names, "1-D at three system sizes, then 2-D");
    }
}
