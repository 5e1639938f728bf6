package org.kmlab.run;

import org.kmlab.model.ModelException;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in presets: the {@code presets/} folder of the working directory when there is one
 * (so edits show up without a rebuild), otherwise the copies inside the jar ({@code /presets/}).
 * Birth–death comes first: it is what the window opens on.
 */
public final class PresetCatalog {
    /** The presets shipped in the jar, in menu order. */
    public static final List<String> BUILT_IN = List.of("birth-death", "ornstein-uhlenbeck", "gene-expression", "logistic",
            "annihilation", "a-b-decay", "predator-prey");

    private PresetCatalog() {}

    /** Every preset found; a broken file is skipped (its problem goes to {@code problems}). */
    public static List<Preset> load(Path folder, List<String> problems) {
        List<Preset> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                files = List.of();
                problems.add(folder + ": cannot list (" + e.getMessage() + ")");
            }
            for (Path f : files) {
                try {
                    Preset p = PresetIO.read(f);
                    out.add(p);
                    seen.add(p.id());
                } catch (ModelException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        for (String id : BUILT_IN) {
            if (seen.contains(id)) continue;
            try (InputStream in = PresetCatalog.class.getResourceAsStream("/presets/" + id + ".json")) {
                if (in == null) continue;
                out.add(PresetIO.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id));
            } catch (IOException | ModelException e) {
                problems.add(id + ".json: " + e.getMessage());
            }
        }
        out.sort((a, b) -> Integer.compare(rank(a.id()), rank(b.id())));
        return out;
    }

    private static int rank(String id) {
        int i = BUILT_IN.indexOf(id);
        return i < 0 ? BUILT_IN.size() : i;
    }
}
