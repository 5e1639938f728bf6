package org.kmlab.cli;

import org.kmlab.run.SolverRegistry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) { return run(SolverRegistry.builtIn(), args); }

    static Cli run(SolverRegistry solvers, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = KmlabCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), solvers);
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() { return Arrays.stream(err.split("\\R")).filter(l -> !l.isEmpty()).toList(); }

    List<String> outLines() { return Arrays.stream(out.split("\\R")).filter(l -> !l.isEmpty()).toList(); }
}
