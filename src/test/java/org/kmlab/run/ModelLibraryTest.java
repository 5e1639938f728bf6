package org.kmlab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.model.ModelException;
import org.kmlab.model.Preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLibraryTest {
    private final ModelLibrary library = ModelLibrary.standard();

    @Test void birthDeathComesFirstAndEveryShippedPresetIsFound() {
        List<String> problems = new ArrayList<>();
        List<Preset> presets = library.catalogue(problems);
        assertEquals(List.of(), problems);
        assertEquals("birth-death", presets.get(0).id());
        for (String id : ModelLibrary.BUILT_IN) assertTrue(presets.stream().anyMatch(p -> p.id().equals(id)), id);
    }

    /** A preset shipped in presets/ but missing from BUILT_IN would be absent from the jar's catalogue. */
    @Test void everyShippedPresetFileIsBuiltIn() throws IOException {
        try (var files = Files.list(Path.of("presets"))) {
            List<String> shipped = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertEquals(shipped, ModelLibrary.BUILT_IN.stream().sorted().toList());
        }
    }

    @Test void aBrokenFileIsReportedAndTheRestStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{ \"format\": ");
        List<String> problems = new ArrayList<>();
        List<Preset> presets = new ModelLibrary(dir).catalogue(problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("broken.json"), problems.get(0));
        assertEquals(ModelLibrary.BUILT_IN.size(), presets.size(), "the copies inside the jar (classpath) fill in");
    }

    @Test void aMisspelledNameListsTheBuiltInOnes() {
        ModelException e = assertThrows(ModelException.class, () -> library.resolve("birth_death"));
        assertTrue(e.getMessage().contains("built-in: birth-death, ornstein-uhlenbeck"), e.getMessage());
    }
}
