package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmlab.model.Model;
import org.kmlab.model.ModelSources;
import org.kmlab.model.Propensities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What cannot be simulated exactly, from the files in {@code src/test/resources/sbml/refused}:
 * {@code kmlab run} and {@code kmlab export-sbml} exit 2 with one line naming the element and
 * write nothing. And {@code export-sbml} takes any model a run takes, a reaction-text file too.
 */
class SbmlRefusedCommandTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rate-rule.xml|rate rule on species 'X' is not supported",
            "algebraic-rule.xml|algebraic rules are not supported (implicit_k)",
            "delay.xml|reaction 'decay': kinetic law: delays are not supported",
            "fast-reaction.xml|reaction 'decay': fast reactions are not supported"})
    void runAndExportExitTwoWithOneLineNamingTheElement(String file, String message) {
        String path = Path.of("src/test/resources/sbml/refused", file).toString();
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", path, "--trajectories", "10", "--t-end", "1", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("kmlab: " + file + ": " + message), r.errLines());
        assertEquals("", r.out());
        assertFalse(Files.exists(out.resolve("summary.json")));

        Path xml = dir.resolve("again.xml");
        Cli e = Cli.run("export-sbml", path, "--out", xml.toString());
        assertEquals(2, e.exit(), e.err());
        assertEquals(List.of("kmlab: " + file + ": " + message), e.errLines());
        assertFalse(Files.exists(xml));
    }

    /** A species set by a rule y = 2·X is written as an observable: observables.csv holds its law. */
    @Test
    void aRuleSpeciesIsWrittenAsAnObservable() throws IOException {
        Path out = dir.resolve("rule");
        Cli r = Cli.run("run", "src/test/resources/sbml/rule-observable-l3v1.xml", "--solvers", "cme", "--t-end", "2", "--samples", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("observables.csv"));
        assertEquals("t,solver,observable,x,p", lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",")[2].equals("y")), "only y: " + lines.subList(0, Math.min(5, lines.size())));
        assertTrue(lines.size() > 10);
    }

    @Test
    void exportSbmlTakesReactionText() throws IOException {
        Path text = dir.resolve("dimer.kmlab");
        Files.writeString(text, """
                k1 = 2.5; k2 = 0.125; Omega = 30; M = 12; D = 1
                bind: 2M -> D @ k1
                split: D -> 2M @ k2
                """);
        Path xml = dir.resolve("dimer.xml");
        Cli e = Cli.run("export-sbml", text.toString(), "--set", "k2=0.5", "--out", xml.toString());
        assertEquals(0, e.exit(), e.err());
        Model typed = ModelSources.read(text).model().with("k2", 0.5), back = ModelSources.read(xml).model();
        assertEquals(typed.species(), back.species());
        assertEquals(30, back.size());
        Propensities a = typed.propensities(), b = back.propensities();
        double[] ea = a.newEnvironment(), eb = b.newEnvironment();
        for (int m = 0; m <= 40; m += 3) {
            ea[0] = eb[0] = m;
            ea[1] = eb[1] = 40 - m;
            for (int r = 0; r < 2; r++) {
                double x = a.propensity(r, ea);
                assertEquals(x, b.propensity(r, eb), 1e-12 * Math.max(1, x), "reaction " + r + " at M = " + m);
            }
        }
        // bind: Ω·k1·(M)₂/Ω² (DESIGN's mass action, no 1/2!) at M = 12, Ω = 30: the exported law says the same
        eb[0] = 12;
        assertEquals(2.5 * 12 * 11 / 30, b.propensity(0, eb), 1e-12);
    }
}
