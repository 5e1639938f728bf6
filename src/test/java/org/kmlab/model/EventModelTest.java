package org.kmlab.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Events in the model layer: conditions in formulas, validation, the SBML mapping (Level 2
 * defaults, concentrations), and round trips through SBML and the preset JSON.
 */
class EventModelTest {
    private static Model read(String file) {
        return ModelSources.read(Path.of("src/test/resources/sbml", file)).model();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "time >= 5; 2; 5; 1",
            "time >= 5; 2; 4.999; 0",
            "X > 10 * time; 31; 3; 1",
            "X >= 2 && !(time < 1) || X == 7; 2; 2; 1",
            "X >= 2 && !(time < 1) || X == 7; 2; 0.5; 0",
            "X >= 2 && !(time < 1) || X == 7; 7; 0.5; 1",
            "X != 3; 3; 0; 0",
            "!X > 5; 3; 0; 1",
    })
    void conditionsParseEvaluateAndPrintBackToThemselves(String text, double x, double time, double value) {
        Formula f = Formula.parse(text);
        assertTrue(f.isCondition());
        assertEquals(f, Formula.parse(f.text()));
        Environment env = new Environment(List.of("X"), List.of()).withTime();
        double[] slots = new double[env.size()];
        slots[0] = x;
        slots[env.timeSlot()] = time;
        assertEquals(value, f.compile(env).eval(slots), text);
    }

    @Test
    void aBuiltConditionPrintsWithTheFewestParenthesesAndParsesBack() {
        Formula built = Formula.apply("||", Formula.apply("&&", Formula.apply(">=", Formula.name("X"), Formula.number(2)),
                Formula.apply("!", Formula.apply("<", Formula.name("time"), Formula.number(1)))), Formula.apply("==", Formula.name("X"), Formula.number(7)));
        assertEquals("X >= 2 && !(time < 1) || X == 7", built.text());
        Formula back = Formula.parse(built.text());
        Environment env = new Environment(List.of("X"), List.of()).withTime();
        double[] slots = new double[env.size()];
        for (double x : new double[] {0, 2, 7}) {
            for (double t : new double[] {0, 1, 2}) {
                slots[0] = x;
                slots[env.timeSlot()] = t;
                assertEquals(built.compile(env).eval(slots), back.compile(env).eval(slots));
            }
        }
        Formula orInsideAnd = Formula.apply("&&", Formula.apply("||", Formula.name("X"), Formula.name("time")), Formula.name("X"));
        assertEquals("(X || time) && X", orInsideAnd.text());
    }

    @Test
    void relationsDoNotChainAndStayOutOfPropensities() {
        FormulaException chain = assertThrows(FormulaException.class, () -> Formula.parse("1 < X < 3"));
        assertTrue(chain.getMessage().contains("relations do not chain"), chain.getMessage());
        ModelException e = assertThrows(ModelException.class, () -> ModelBuilder.named("m").species("X", 1)
                .propensity("r", Map.of("X", 1), Map.of(), Formula.parse("X > 3")).build());
        assertTrue(e.getMessage().contains("belongs in an event's trigger"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Omega|1|event 'e': 'Omega' is no species or parameter (an event cannot change Omega)",
            "Z|1|event 'e': 'Z' is no species or parameter",
            "X|q + 1|event 'e': the value of 'X': unknown name 'q'",
            "X|time > 1|event 'e': the value of 'X' is a condition",
    })
    void badEventsAreNamed(String variable, String value, String message) {
        ModelException e = assertThrows(ModelException.class, () -> ModelBuilder.named("m").species("X", 1).parameter("k", 1)
                .propensity("r", Map.of("X", 1), Map.of(), Formula.parse("k*X"))
                .event(Event.of("e", Formula.parse("time >= 1"), List.of(new Event.Assignment(variable, Formula.parse(value))))).build());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        ModelException twice = assertThrows(ModelException.class, () -> ModelBuilder.named("m").species("X", 1)
                .propensity("r", Map.of("X", 1), Map.of(), Formula.parse("X"))
                .event(Event.of("e", Formula.parse("X > 1"), List.of(new Event.Assignment("X", Formula.number(0)), new Event.Assignment("X", Formula.number(1))))).build());
        assertTrue(twice.getMessage().contains("assigns 'X' twice"), twice.getMessage());
    }

    @Test
    void levelTwoEventsGetTheLevelTwoSemantics() {
        Event e = read("events-time-reset-l2v4.xml").events().get(0);
        assertEquals("reset", e.id());
        assertEquals("time >= 5", e.trigger().text());
        assertTrue(e.initialValue() && e.persistent() && e.useValuesFromTriggerTime());
        assertEquals(List.of(new Event.Assignment("X", Formula.number(0))), e.assignments());
    }

    @Test
    void levelThreeFlagsAndOrderAreKept() {
        Model m = read("events-flags-l3v1.xml");
        assertEquals(List.of("boost", "clear", "mark", "copy", "cascade"), m.events().stream().map(Event::id).toList());
        Event mark = m.events().get(2);
        assertFalse(mark.initialValue());
        assertFalse(mark.persistent());
        assertEquals("time >= 1 && X > 0", mark.trigger().text());
        assertFalse(m.events().get(4).useValuesFromTriggerTime());
        assertEquals(List.of("ssa"), ModelSources.read(Path.of("src/test/resources/sbml/events-flags-l3v1.xml")).run().solvers(), "only the SSA runs events");
    }

    @Test
    void aConcentrationIsAssignedAsAnAmount() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="m">
                    <listOfCompartments><compartment id="c" spatialDimensions="3" size="2" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="X" compartment="c" initialAmount="10" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
                    <listOfReactions>
                      <reaction id="R" reversible="false" fast="false">
                        <listOfReactants><speciesReference species="X" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>X</ci></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                    <listOfEvents><event id="e" useValuesFromTriggerTime="true">
                      <trigger initialValue="true" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><lt/><ci>X</ci><cn>1</cn></apply></math></trigger>
                      <listOfEventAssignments><eventAssignment variable="X"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>3</cn></math></eventAssignment></listOfEventAssignments>
                    </event></listOfEvents>
                  </model>
                </sbml>
                """;
        Model m = new SbmlSource().read(xml, "m").model();
        Event e = m.events().get(0);
        assertEquals("X/c < 1", e.trigger().text(), "X in math is the concentration");
        assertEquals("3*c", e.assignments().get(0).value().text(), "concentration 3 in a compartment of size 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"events-time-reset-l2v4.xml", "events-state-cap-l3v1.xml", "events-swap-l3v1.xml", "events-flags-l3v1.xml"})
    void eventsSurviveSbmlAndPresetRoundTrips(String file) {
        Model original = read(file);
        Model viaSbml = new SbmlSource().read(SbmlExport.write(original), "back").model();
        assertEquals(original.events(), viaSbml.events());
        for (Parameter p : original.parameters()) assertEquals(p.value(), viaSbml.parameter(p.name()));
        Preset preset = new Preset("p", original, RunSettings.defaults().withSolvers(List.of("ssa")));
        Model viaJson = PresetIO.parse(PresetIO.toJson(preset), "p").model();
        assertEquals(original, viaJson);
    }

    @Test
    void reactionTextWritesAndReadsEvents() {
        String text = """
                k1 = 10; k2 = 1; X = 0; Y = 3
                0 -> X @ k1
                X -> 0 @ k2
                Y -> 0 @ k2
                reset: at time >= 5: X = 0, k1 = max(k1, 2) / 2
                at X >= 50 && Y == 0: Y = X [initialValue = true, persistent = false, useValuesFromTriggerTime = false]
                """;
        Model m = ModelText.parse(text, "t").model();
        assertEquals(2, m.events().size());
        Event reset = m.events().get(0), second = m.events().get(1);
        assertEquals("reset", reset.id());
        assertEquals(List.of(new Event.Assignment("X", Formula.number(0)), new Event.Assignment("k1", Formula.parse("max(k1, 2) / 2"))), reset.assignments());
        assertEquals(new Event("event2", Formula.parse("X >= 50 && Y == 0"), true, false, false, List.of(new Event.Assignment("Y", Formula.name("X")))), second);
        assertEquals(m, ModelText.parse(ModelText.write(m), "t").model());
        assertEquals(read("events-flags-l3v1.xml").events(), ModelText.parse(ModelText.write(read("events-flags-l3v1.xml")), "f").model().events());

        ModelText.Result bad = ModelText.read(text.replace("Y = X [", "Z = X ["), "t");
        assertFalse(bad.ok());
        assertEquals("line 6: event 'event2': 'Z' is no species or parameter", bad.problems().get(0).toString());
        ModelText.Result typo = ModelText.read(text.replace("time >= 5", "tme >= 5"), "t");
        assertEquals("line 5: unknown name 'tme' in event 'reset'; did you mean 'time'?", typo.problems().get(0).toString());
    }
}
