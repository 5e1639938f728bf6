package org.kmlab.ui;

import org.junit.jupiter.api.Test;
import org.kmlab.chart.PaneKind;
import org.kmlab.chart.PaneOption;
import org.kmlab.chart.Panes;
import org.kmlab.model.Model;
import org.kmlab.run.ModelLibrary;
import org.kmlab.run.SolverRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson files: the shipped ones can be played to their end; a malformed one is refused naming its line. */
class LessonReaderTest {
    private final ModelLibrary library = ModelLibrary.standard();
    private final LessonReader reader = new LessonReader(library, SolverRegistry.builtIn());

    private static final String GOOD = """
            kmlab-lesson/1
            title: A test lesson
            about: two steps

            step: First
            preset: birth-death
            set: k1 = 20, Omega = 10, tEnd = 5
            solvers: ssa, cme
            panes: distribution, km
            options: km.higherOrders
            text: Some words
              that go on here.
            question: Why?
            look: There.

            step: Second
            preset: logistic
            text: Only the text.
            """;

    @Test void aLessonReadsWithEveryField() {
        Lesson l = reader.read(GOOD);
        assertEquals("A test lesson", l.title());
        assertEquals(2, l.steps().size());
        Lesson.Step s = l.steps().get(0);
        assertEquals(5, s.line());
        assertEquals("birth-death", s.preset());
        assertEquals(List.of("k1", "Omega", "tEnd"), List.copyOf(s.values().keySet()));
        assertEquals(20.0, s.values().get("k1"));
        assertEquals(List.of("ssa", "cme"), s.solvers());
        assertEquals(List.of("distribution", "km"), s.panes());
        assertEquals(List.of("km.higherOrders"), s.options());
        assertEquals("Some words that go on here.", s.text(), "an indented line continues the one above");
        assertEquals("Why?", s.question());
        Lesson.Step t = l.steps().get(1);
        assertEquals(null, t.solvers(), "no solvers line: the preset's own");
        assertEquals(List.of(), t.panes(), "no panes line: every pane");
        assertEquals("", t.question());
    }

    @Test void everyShippedLessonParsesAndEveryStepNamesRealThings() throws IOException {
        LessonLibrary lessons = new LessonLibrary(Path.of("presets", "lessons"));
        List<String> optionIds = Panes.all().stream().flatMap(k -> k.options().stream()).map(PaneOption::id).toList();
        List<String> paneIds = Panes.all().stream().map(PaneKind::id).toList();
        for (String name : LessonLibrary.SHIPPED) {
            Lesson l = reader.read(lessons.text(name));
            assertTrue(l.steps().size() >= 5 && l.steps().size() <= 8, name + ": a 10–15 minute sequence, " + l.steps().size() + " steps");
            for (Lesson.Step s : l.steps()) {
                String where = name + " line " + s.line();
                Model m = library.load(s.preset()).model();
                for (var e : s.values().entrySet()) {
                    if (SessionViewModel.isRunSetting(e.getKey())) continue;
                    assertTrue(m.settableNames().contains(e.getKey()), where + ": " + e.getKey());
                    m = m.with(e.getKey(), e.getValue());   // throws if out of range
                }
                if (s.solvers() != null) for (String id : s.solvers()) assertTrue(SolverRegistry.builtIn().ids().contains(id), where + ": " + id);
                for (String p : s.panes()) assertTrue(paneIds.contains(p), where + ": " + p);
                for (String o : s.options()) assertTrue(optionIds.contains(o), where + ": " + o);
                assertFalse(s.text().isBlank(), where);
                assertFalse(s.question().isBlank(), where + ": every shipped step asks a question");
                assertFalse(s.look().isBlank(), where + ": every shipped step says what to look at");
            }
        }
    }

    @Test void theShippedLessonsAreInsideTheJarToo() throws IOException {
        LessonLibrary fromJar = new LessonLibrary(null);
        for (String name : LessonLibrary.SHIPPED) assertEquals(new LessonLibrary(Path.of("presets", "lessons")).text(name), fromJar.text(name), name);
    }

    private LessonException refused(String text) {
        return assertThrows(LessonException.class, () -> reader.read(text));
    }

    @Test void anUnknownPresetIsRefusedWithItsLineAndTheNearestName() {
        LessonException e = refused(GOOD.replace("preset: birth-death", "preset: birthdeath"));
        assertEquals(6, e.line());
        assertEquals("line 6: unknown preset 'birthdeath'; did you mean 'birth-death'?", e.getMessage());
    }

    @Test void anUnknownParameterIsRefusedWithItsLine() {
        LessonException e = refused(GOOD.replace("set: k1 = 20", "set: k3 = 20"));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("unknown parameter 'k3' of birth-death; did you mean 'k1'?"), e.getMessage());
    }

    @Test void aValueThePresetRefusesIsRefusedWithItsLine() {
        LessonException e = refused(GOOD.replace("k1 = 20", "k1 = -3"));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith("line 7: k1 = -3: ") && e.getMessage().contains("negative"), e.getMessage());
        assertEquals(7, refused(GOOD.replace("tEnd = 5", "tEnd = -1")).line());
        assertEquals(7, refused(GOOD.replace("k1 = 20", "k1 = lots")).line());
    }

    @Test void aStepWithoutTextIsRefusedAtTheStep() {
        LessonException e = refused(GOOD.replace("text: Only the text.\n", ""));
        assertEquals(16, e.line());
        assertEquals("line 16: step 'Second' has no 'text:'", e.getMessage());
    }

    @Test void otherMistakesNameTheirLine() {
        assertEquals(1, refused(GOOD.replace("kmlab-lesson/1", "{ \"format\": \"kmlab-lesson/1\" }")).line(), "not this format (JSON)");
        assertEquals(9, refused(GOOD.replace("panes: distribution, km", "panes: distribution, kms")).line());
        assertTrue(refused(GOOD.replace("panes: distribution, km", "panes: cloud")).getMessage().contains("2 species"));
        assertEquals(10, refused(GOOD.replace("options: km.higherOrders", "options: timecourse.density")).line(), "an option of a pane not shown");
        assertEquals(8, refused(GOOD.replace("solvers: ssa, cme", "solvers: ssa, cmee")).line());
        LessonException key = refused(GOOD.replace("question: Why?", "quesiton: Why?"));
        assertEquals("line 13: unknown key 'quesiton'; did you mean 'question'?", key.getMessage());
        assertEquals(12, refused(GOOD.replace("look: There.", "text: again")).line() - 2, "a key given twice: named where it repeats");
        assertEquals(3, refused(GOOD.replace("about: two steps", "preset: logistic")).line(), "a step's key before any step");
        assertEquals(1, refused("kmlab-lesson/1\nstep: x\npreset: logistic\ntext: t\n").line(), "no title");
        assertTrue(refused("kmlab-lesson/1\ntitle: t\n").getMessage().contains("no steps"));
        assertEquals(4, refused("kmlab-lesson/1\ntitle: t\n\nthis is not a key\n").line());
    }
}
