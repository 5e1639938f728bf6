package org.kmlab.cli;

import org.kmlab.model.AtomicFiles;
import org.kmlab.model.Model;
import org.kmlab.model.Preset;
import org.kmlab.model.SbmlExport;
import org.kmlab.run.ModelLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kmlab export-sbml PRESET [--set NAME=VALUE]... --out FILE.xml}: writes the model (a
 * preset, reaction text, an SBML file, a built-in name) as SBML Level 3 Version 2 whose kinetic
 * laws are kmlab's propensities (see {@link SbmlExport}); the file is written whole or not at all.
 */
@Command(name = "export-sbml", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a model as SBML Level 3 Version 2: kinetic laws are the propensities in molecules per unit time,",
                "species are amounts in one compartment of size 1, the system size is the parameter Omega."})
final class ExportSbmlCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "preset file, reaction text, SBML file or built-in preset name")
    private String preset;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set a parameter by name, Omega (system size) or an initial count (X0 for species X); repeatable")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.xml", description = "the SBML file to write (its folder must exist; .xml or .sbml)")
    private String out;

    @Override public Integer call() throws IOException {
        Path file;
        try {
            file = Path.of(out);
        } catch (InvalidPathException e) {
            throw new UserInputException("--out " + out + ": not a valid path");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".xml") && !name.endsWith(".sbml")) throw new UserInputException("--out " + out + ": an SBML file name ends in .xml or .sbml");
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UserInputException("--out " + out + ": the folder " + dir + " does not exist");
        if (Files.isDirectory(file)) throw new UserInputException("--out " + out + ": is a folder");

        Preset p = ModelLibrary.standard().resolve(preset);
        Model model = p.model();
        for (String s : sets) model = Assignment.parse(s).applyTo(model);
        String xml = SbmlExport.write(model);
        try {
            AtomicFiles.writeString(file, xml);
        } catch (IOException e) {
            throw new UserInputException("--out " + out + ": cannot write (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getOut().println("kmlab: wrote " + file);
        return KmlabCommand.OK;
    }
}
