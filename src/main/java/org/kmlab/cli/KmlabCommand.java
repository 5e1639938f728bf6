package org.kmlab.cli;

import org.kmlab.model.ModelException;
import org.kmlab.run.SolverRegistry;
import org.kmlab.solve.CancelledException;
import org.kmlab.solve.SolverException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The headless command line: {@code kmlab run ...}, {@code export}, {@code sweep}, {@code km} and {@code bench}. Exit status: 0 done,
 * 2 bad input or a run that cannot go on (one line on stderr naming the problem, no stack trace),
 * 1 an internal error (one line; the stack trace only with {@code --debug}).
 */
@Command(name = "kmlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Kramers–Moyal Lab: Gillespie ensembles, master equation, Fokker–Planck, CLE and LNA side by side.",
                "Without arguments, java -jar kmlab.jar opens the window; with a command it runs headless."},
        subcommands = {CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 done; 2 bad input (one line on stderr); 1 internal error."})
public final class KmlabCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;
    /** As a shell reports a process ended by Ctrl-C (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    @Spec private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "print the stack trace of an internal error")
    private boolean debug;

    private KmlabCommand() {}

    /** No command given: show the usage and fail as a usage error. */
    @Override public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command (run, export, sweep, km, bench)");
    }

    /** Runs the command line with the built-in solvers; returns the exit status. Never calls System.exit. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, SolverRegistry.builtIn());
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)} with these solvers (tests pass fakes). */
    static int execute(String[] args, PrintStream out, PrintStream err, SolverRegistry solvers) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        System.setProperty("kmlab.solvers", String.join(", ", solvers.ids()));   // the --solvers help lists what is registered
        CommandLine cli = new CommandLine(new KmlabCommand())
                .addSubcommand(new RunCommand(solvers))
                .addSubcommand(new BenchCommand(solvers))
                .addSubcommand(new ExportCommand(solvers))
                .addSubcommand(new SweepCommand(solvers))
                .addSubcommand(new KmCommand(solvers))
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(KmlabCommand::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd, parsed));
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String command = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println("kmlab: " + oneLine(e.getMessage()) + " (see " + command + " --help)");
        return BAD_INPUT;
    }

    private static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof UserInputException || e instanceof ModelException || e instanceof SolverException) {
            err.println("kmlab: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        if (e instanceof CancelledException) {
            err.println("kmlab: cancelled");
            return INTERRUPTED;
        }
        err.println("kmlab: internal error: " + oneLine(String.valueOf(e)));
        if (debugRequested(parsed)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        return INTERNAL_ERROR;
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    /** Messages go on one line, so a script can read the error with one {@code read}. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) return "unknown error";
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
