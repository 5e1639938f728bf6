package org.kmlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain of cells and the observables from the command line: the preset runs with SSA, CLE and
 * LNA (the atoms are conserved: the mean fractions sum to 1); {@code export --figure profile}
 * writes the profile pane; {@code export --marginal S} draws the observable's panel alone; a name
 * the model lacks, or the profile of a one-species model, exits 2 with one line saying why.
 */
class ProfileAndObservableCliTest {
    private static final String[] TINY = {"--trajectories", "100", "--samples", "3", "--t-end", "2", "--seed", "3", "--threads", "1"};
    @TempDir Path dir;

    private static String[] args(String[] head, String... tail) {
        String[] all = new String[head.length + TINY.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(TINY, 0, all, head.length, TINY.length);
        System.arraycopy(tail, 0, all, head.length + TINY.length, tail.length);
        return all;
    }

    @Test void theChainRunsWithSsaCleAndLna() throws IOException {
        Cli cli = Cli.run(args(new String[] {"run", "ehrenfest-chain", "--solvers", "ssa,cle,lna"}, "--out", dir.toString()));
        assertEquals(0, cli.exit(), cli.err());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(List.of("X1", "X2", "X3", "X4", "X5"), List.of(root.get("species").get(0).asText(), root.get("species").get(1).asText(),
                root.get("species").get(2).asText(), root.get("species").get(3).asText(), root.get("species").get(4).asText()));
        for (String s : List.of("ssa", "lna")) {   // the CLE clips counts at zero, so it need not conserve them exactly
            JsonNode last = root.get("solvers").get(s).get("mean").get(2);
            double sum = 0;
            for (JsonNode v : last) sum += v.asDouble();
            assertEquals(1, sum, 1e-9, s + ": the atoms' fractions sum to 1");
        }
        assertTrue(root.get("solvers").get("cle").has("mean"), "cle ran");
    }

    @Test void exportWritesTheProfileFigure() throws IOException {
        Path out = dir.resolve("profile.svg");
        Cli cli = Cli.run(args(new String[] {"export", "ehrenfest-chain", "--figure", "profile", "--solvers", "ssa,lna"}, "--out", out.toString()));
        assertEquals(0, cli.exit(), cli.err());
        String svg = Files.readString(out);
        assertTrue(svg.contains("Profile across species"), "the pane's title is in the figure");
        assertTrue(svg.contains("exact mean"), "the exact line's legend entry is in the figure");
    }

    @Test void exportMarginalDrawsTheObservableAlone() throws IOException {
        Path out = dir.resolve("s.svg");
        Cli cli = Cli.run(args(new String[] {"export", "enzyme", "--figure", "distribution", "--solvers", "ssa,lna", "--marginal", "S"}, "--out", out.toString()));
        assertEquals(0, cli.exit(), cli.err());
        String svg = Files.readString(out);
        assertTrue(svg.contains("x = S/Ω"), "the observable's axis");
        assertFalse(svg.contains("x = C/Ω"), "no panel of C");
        Path all = dir.resolve("all.svg");
        assertEquals(0, Cli.run(args(new String[] {"export", "enzyme", "--figure", "distribution", "--solvers", "ssa,lna"}, "--out", all.toString())).exit());
        String both = Files.readString(all);
        assertTrue(both.contains("x = S/Ω") && both.contains("x = C/Ω") && both.contains("x = S_T/Ω"), "without --marginal: every panel");
    }

    @Test void badChoicesExitTwoWithOneLine() {
        Cli cli = Cli.run(args(new String[] {"export", "enzyme", "--figure", "distribution", "--marginal", "Q"}, "--out", dir.resolve("q.png").toString()));
        assertEquals(2, cli.exit());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().contains("--marginal: unknown species or observable 'Q': the model has S_T, C, S"), cli.err());
        Cli one = Cli.run(args(new String[] {"export", "birth-death", "--figure", "profile"}, "--out", dir.resolve("p.png").toString()));
        assertEquals(2, one.exit());
        assertTrue(one.err().contains("needs a model with 3 or more species; birth-death has 1"), one.err());
        assertFalse(Files.exists(dir.resolve("q.png")) || Files.exists(dir.resolve("p.png")), "no file written");
    }
}
