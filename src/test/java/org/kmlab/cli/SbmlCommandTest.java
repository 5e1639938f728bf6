package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.Model;
import org.kmlab.model.ModelSources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SBML on the command line: {@code export-sbml}, and SBML files wherever a preset goes. */
class SbmlCommandTest {
    @TempDir Path dir;

    @Test
    void exportedSbmlRunsLikeAPreset() throws IOException {
        Path xml = dir.resolve("bd.xml");
        Cli e = Cli.run("export-sbml", "birth-death", "--set", "Omega=20", "--set", "k2=2", "--out", xml.toString());
        assertEquals(0, e.exit(), e.err());
        assertEquals(List.of("kmlab: wrote " + xml), e.outLines());
        Model m = ModelSources.read(xml).model();
        assertEquals(20, m.size());
        assertEquals(2.0, m.parameter("k2"));

        Path out = dir.resolve("run");
        Cli r = Cli.run("run", xml.toString(), "--solvers", "ssa,cme", "--trajectories", "200", "--t-end", "1", "--samples", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"omega\" : 20") || summary.contains("\"omega\": 20"), summary.substring(0, Math.min(400, summary.length())));
    }

    @Test
    void aRefusedSbmlFileExitsTwoWithOneLineNamingIt() throws IOException {
        Path xml = dir.resolve("model.xml");
        Files.writeString(xml, org.kmlab.model.SbmlTestModels.withRateRuleOnX());
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", xml.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("kmlab: model.xml: rate rule on species 'X' is not supported"), r.errLines());
        assertFalse(Files.exists(out.resolve("summary.json")));
        assertEquals("", r.out());
    }

    @Test
    void aModelWithEventsRunsInTheSsaAndOtherSolversRefuseIt() throws IOException {
        Path xml = Path.of("src/test/resources/sbml/events-time-reset-l2v4.xml");
        Path out = dir.resolve("events");
        Cli r = Cli.run("run", xml.toString(), "--trajectories", "200", "--t-end", "6", "--samples", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("eventsFired"));

        Cli cme = Cli.run("run", xml.toString(), "--solvers", "cme", "--t-end", "1", "--out", dir.resolve("cme").toString());
        assertEquals(2, cme.exit(), cme.err());
        assertTrue(cme.err().contains("does not simulate events (this model has 1: 'reset'); only the SSA does"), cme.err());
        assertTrue(cme.errLines().get(cme.errLines().size() - 1).startsWith("kmlab: no solver can run this model"), cme.err());
    }

    @Test
    void exportSbmlRefusesAnOutThatIsNotSbml() {
        Path json = dir.resolve("bd.json");
        Cli e = Cli.run("export-sbml", "birth-death", "--out", json.toString());
        assertEquals(2, e.exit());
        assertEquals(1, e.errLines().size(), e.err());
        assertTrue(e.err().contains(".xml or .sbml"), e.err());
        assertFalse(Files.exists(json));
    }

    @Test
    void exportSbmlNamesAnUnknownPreset() {
        Cli e = Cli.run("export-sbml", "no-such-model", "--out", dir.resolve("x.xml").toString());
        assertEquals(2, e.exit());
        assertEquals(1, e.errLines().size(), e.err());
    }
}
