package org.kmlab.run;

import org.kmlab.model.ModelException;
import org.kmlab.model.ModelSources;
import org.kmlab.model.Preset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where models come from, for the window and the command line alike: the built-in presets (the
 * {@code presets/} folder of the working directory when there is one, so edits show up without a
 * rebuild, else the copies inside the jar) and users' files in any format of {@link ModelSources}.
 * Which solvers a preset names is checked where they are run, against the registry in use.
 */
public final class ModelLibrary {
    /** The presets shipped in the jar, in menu order; birth–death first: the window opens on it. */
    public static final List<String> BUILT_IN = List.of("birth-death", "ornstein-uhlenbeck", "gene-expression", "logistic",
            "annihilation", "pair-births", "a-b-decay", "predator-prey", "random-walk", "skewed-kicks", "noise-induced-drift",
            "double-well", "ehrenfest", "ehrenfest-chain", "schlogl", "enzyme", "enzyme-reduced", "angular-momentum");

    private final Path folder;

    /** @param folder a folder of presets that take precedence over the jar's, or null */
    public ModelLibrary(Path folder) {
        this.folder = folder;
    }

    /** The presets of the jar, and {@code presets/} in the working directory. */
    public static ModelLibrary standard() { return new ModelLibrary(Path.of("presets")); }

    /** Every preset for the window's model list; a broken file is skipped (its problem goes to {@code problems}). */
    public List<Preset> catalogue(List<String> problems) {
        List<Preset> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Path f : localFiles(problems)) {
            try {
                Preset p = ModelSources.read(f);
                out.add(p);
                seen.add(p.id());
            } catch (ModelException e) {
                problems.add(e.getMessage());
            }
        }
        for (String id : BUILT_IN) {
            if (seen.contains(id)) continue;
            try {
                Preset p = fromJar(id);
                if (p != null) out.add(p);
            } catch (ModelException e) {
                problems.add(e.getMessage());
            }
        }
        out.sort((a, b) -> Integer.compare(rank(a.id()), rank(b.id())));
        return out;
    }

    /**
     * The model the user named on the command line: a file path as given, else a built-in preset
     * by name ({@code birth-death} or {@code birth-death.json}). An unknown name is refused with
     * the list of built-in names.
     */
    public Preset resolve(String arg) {
        Path file;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new ModelException("'" + arg + "' is not a valid file path");
        }
        if (Files.exists(file) || arg.contains("/") || arg.contains(java.io.File.separator)) return read(file);
        String name = arg.endsWith(".json") ? arg.substring(0, arg.length() - 5) : arg;
        Preset builtIn = builtIn(name);
        if (builtIn != null) return builtIn;
        throw new ModelException("'" + arg + "' is neither a file nor a built-in preset (built-in: " + String.join(", ", BUILT_IN) + ")");
    }

    /** A built-in preset by name; {@link ModelException} when there is none. */
    public Preset load(String name) {
        Preset p = builtIn(name);
        if (p == null) throw new ModelException("no built-in preset '" + name + "' (built-in: " + String.join(", ", BUILT_IN) + ")");
        return p;
    }

    /** The names {@link #load} knows: the built-in presets and those of the local folder. */
    public java.util.SortedSet<String> names() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(BUILT_IN);
        for (Path f : localFiles(new ArrayList<>())) {
            String n = f.getFileName().toString();
            if (n.endsWith(".json")) out.add(n.substring(0, n.length() - 5));
        }
        return out;
    }

    /** A user's model file, in any known format. */
    public Preset read(Path file) { return ModelSources.read(file); }

    private Preset builtIn(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) return null;
        Path local = folder == null ? null : folder.resolve(name + ".json");
        if (local != null && Files.isRegularFile(local)) return read(local);
        return fromJar(name);
    }

    private Preset fromJar(String id) {
        try (InputStream in = ModelLibrary.class.getResourceAsStream("/presets/" + id + ".json")) {
            if (in == null) return null;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try {
                return ModelSources.sourceFor(id + ".json", text).read(text, id);
            } catch (ModelException e) {
                throw new ModelException(id + ".json: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new ModelException("built-in preset '" + id + "': cannot read (" + e.getMessage() + ")");
        }
    }

    private List<Path> localFiles(List<String> problems) {
        if (folder == null || !Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> ModelSources.extensions().stream().anyMatch(e -> p.toString().endsWith("." + e))).sorted().toList();
        } catch (IOException e) {
            problems.add(folder + ": cannot list (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static int rank(String id) {
        int i = BUILT_IN.indexOf(id);
        return i < 0 ? BUILT_IN.size() : i;
    }
}
