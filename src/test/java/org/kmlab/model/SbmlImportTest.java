package org.kmlab.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SBML importer against models whose propensities are worked out by hand
 * ({@code src/test/resources/sbml}), and every refusal naming what it refuses.
 */
class SbmlImportTest {
    private static Model read(String file) { return ModelSources.read(Path.of("src/test/resources/sbml", file)).model(); }

    private static double propensity(Model m, String reaction, double... counts) {
        Propensities p = m.propensities();
        double[] env = p.newEnvironment();
        System.arraycopy(counts, 0, env, 0, counts.length);
        for (int r = 0; r < m.reactionCount(); r++) if (m.reactions().get(r).name().equals(reaction)) return p.propensity(r, env);
        throw new AssertionError("no reaction " + reaction);
    }

    @Test
    void everyFeatureGivesTheHandWorkedPropensities() {
        Model m = read("features-l3v1.xml");
        assertEquals("SBML features", m.name());
        assertEquals(2, m.speciesCount(), "A and B; the boundary species S is a parameter");
        assertEquals("A", m.species().get(0).name());
        assertEquals(10, m.species().get(0).initial(), "concentration 5 × size 2");
        assertEquals(0, m.species().get(1).initial());
        assertEquals(1.0, m.size());
        assertEquals(3, m.reactionCount(), "R4 changes only the boundary species and is dropped");
        // R1: local k = 0.5 hides the global k = 1; A is a concentration, nA / 2
        assertEquals(0.5 * 7 / 2, propensity(m, "R1", 7, 3), 1e-15);
        // feed: mm(kf, S) = kf·S with kf = 2k = 2 (assignment rule) and S = 4 / 2 (concentration)
        assertEquals(4.0, propensity(m, "feed", 7, 3), 1e-15);
        // R3: c0 = 3 from the initial assignment, B in amounts
        assertEquals(9.0, propensity(m, "R3", 7, 3), 1e-15);
        assertEquals(3.0, m.parameter("c0"));
        assertEquals(0.5, m.parameter("R1_k"));
        assertEquals(1.0, m.parameter("k"));
        assertEquals(4.0, m.parameter("S"));
        assertFalse(m.parameters().stream().anyMatch(p -> p.name().equals("kf")), "a rule's variable is its rule, not a knob");
        assertEquals(1, m.jump(1)[0]);
        assertEquals(0, m.jump(1)[1]);
    }

    @Test
    void levelTwoKineticLawParametersAndConcentrations() {
        Model m = read("immigration-death-l2v4.xml");
        assertEquals(10, m.species().get(0).initial(), "concentration 20 × size 0.5");
        assertEquals(3.0, propensity(m, "immigration", 12), 1e-15);
        assertEquals(0.2 * 12, propensity(m, "death", 12), 1e-15);
    }

    @Test
    void aParameterNamedOmegaIsTheSystemSizeAndReservedNamesAreRenamed() {
        String xml = model("""
                <listOfParameters><parameter id="Omega" value="50" constant="true"/><parameter id="h" value="2" constant="true"/>
                  <parameter id="X0" value="7" constant="true"/></listOfParameters>""",
                "<apply><times/><ci>h</ci><ci>X0</ci><ci>X</ci><ci>Omega</ci></apply>", "");
        Model m = new SbmlSource().read(xml, "t").model();
        assertEquals(50, m.size());
        assertEquals(2.0, m.parameter("h_"));
        assertEquals(7.0, m.parameter("X0_"));
        assertEquals(2.0 * 7 * 3 * 50, propensity(m, "R", 3), 1e-9);
    }

    /** A small Level 3 model with X → ∅ whose parameters, law and extra parts a case fills in. */
    static String model(String parameters, String law, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="m">
                    <listOfCompartments><compartment id="c" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="X" compartment="c" initialAmount="10" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
                    %s
                    %s
                    <listOfReactions>
                      <reaction id="R" reversible="false">
                        <listOfReactants><speciesReference species="X" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">%s</math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """.formatted(parameters, extra, law);
    }

    private static final String K = "<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"false\"/></listOfParameters>";
    private static final String KX = "<apply><times/><ci>k</ci><ci>X</ci></apply>";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rate rule on a species|" + K + "|" + KX + "|<listOfRules><rateRule variable=\"X\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></rateRule></listOfRules>|rate rule on species 'X' is not supported",
            "rate rule on a parameter|" + K + "|" + KX + "|<listOfRules><rateRule variable=\"k\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></rateRule></listOfRules>|rate rule on parameter 'k' is not supported",
            "algebraic rule|" + K + "|" + KX + "|<listOfRules><algebraicRule><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><minus/><ci>k</ci><cn>1</cn></apply></math></algebraicRule></listOfRules>|algebraic rules are not supported",
            "event with a delay|" + K + "|" + KX + "|<listOfEvents><event id=\"kick\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\" persistent=\"true\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><gt/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol><cn>1</cn></apply></math></trigger><delay><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></delay><listOfEventAssignments><eventAssignment variable=\"k\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>2</cn></math></eventAssignment></listOfEventAssignments></event></listOfEvents>|event 'kick': delays are not supported",
            "event with a priority|" + K + "|" + KX + "|<listOfEvents><event id=\"kick\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\" persistent=\"true\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><gt/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol><cn>1</cn></apply></math></trigger><priority><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></priority><listOfEventAssignments><eventAssignment variable=\"k\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>2</cn></math></eventAssignment></listOfEventAssignments></event></listOfEvents>|event 'kick': priorities are not supported",
            "event on a compartment|" + K + "|" + KX + "|<listOfEvents><event id=\"kick\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\" persistent=\"true\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><gt/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol><cn>1</cn></apply></math></trigger><listOfEventAssignments><eventAssignment variable=\"c\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>2</cn></math></eventAssignment></listOfEventAssignments></event></listOfEvents>|event 'kick': assignment to 'c': changing a compartment's size is not supported",
            "event on a constant|<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"true\"/></listOfParameters>|" + KX + "|<listOfEvents><event id=\"kick\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\" persistent=\"true\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><apply><gt/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol><cn>1</cn></apply></math></trigger><listOfEventAssignments><eventAssignment variable=\"k\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>2</cn></math></eventAssignment></listOfEventAssignments></event></listOfEvents>|event 'kick': assignment to 'k': the parameter is constant",
            "relation in a kinetic law|" + K + "|<apply><times/><ci>k</ci><apply><gt/><ci>X</ci><cn>1</cn></apply></apply>||reaction 'R': kinetic law: relations and logic",
            "delay|" + K + "|<apply><times/><ci>k</ci><apply><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/delay\">delay</csymbol><ci>X</ci><cn>1</cn></apply></apply>||delays are not supported",
            "time in a kinetic law|" + K + "|<apply><times/><ci>k</ci><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol></apply>||reaction 'R': kinetic law depends on time",
            "piecewise|" + K + "|<piecewise><piece><ci>k</ci><apply><gt/><ci>X</ci><cn>1</cn></apply></piece><otherwise><cn>0</cn></otherwise></piecewise>||the MathML 'piecewise' is not supported",
            "trigonometry|" + K + "|<apply><sin/><ci>X</ci></apply>||the MathML 'sin' is not supported",
            "unknown function|" + K + "|<apply><ci>hill</ci><ci>X</ci></apply>||unknown function 'hill'",
            "unknown symbol|" + K + "|<apply><times/><ci>q</ci><ci>X</ci></apply>||unknown symbol 'q'",
            "unset parameter|<listOfParameters><parameter id=\"k\" constant=\"true\"/></listOfParameters>|" + KX + "||parameter 'k': value is not set",
            "fractional molecules|" + K + "|" + KX + "|<listOfInitialAssignments><initialAssignment symbol=\"X\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>2.5</cn></math></initialAssignment></listOfInitialAssignments>|species 'X': the initial amount 2.5 is not a whole number",
            "cyclic initial assignments|<listOfParameters><parameter id=\"k\" constant=\"true\"/><parameter id=\"j\" constant=\"true\"/></listOfParameters>|" + KX + "|<listOfInitialAssignments><initialAssignment symbol=\"k\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci>j</ci></math></initialAssignment><initialAssignment symbol=\"j\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci>k</ci></math></initialAssignment></listOfInitialAssignments>|a cycle of assignments",
            "rule on a reactant|" + K + "|" + KX + "|<listOfRules><assignmentRule variable=\"X\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>3</cn></math></assignmentRule></listOfRules>|species 'X': an assignment rule on a species that reactions change",
    })
    void whatCannotBeSimulatedExactlyIsRefusedByName(String what, String parameters, String law, String extra, String message) {
        String xml = model(parameters, law, extra == null ? "" : extra);
        ModelException e = assertThrows(ModelException.class, () -> new SbmlSource().read(xml, "m"), what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }

    @Test
    void fastReactionsAreRefused() {
        String xml = model(K, KX, "").replace("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">",
                "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\">").replace("reversible=\"false\"", "reversible=\"false\" fast=\"true\"");
        ModelException e = assertThrows(ModelException.class, () -> new SbmlSource().read(xml, "m"));
        assertTrue(e.getMessage().contains("reaction 'R': fast reactions are not supported"), e.getMessage());
    }

    @Test
    void aSpeciesWithoutItsCompartmentIsNamed() {
        String xml = model(K, KX, "").replace("compartment=\"c\" initialAmount", "compartment=\"nowhere\" initialAmount");
        ModelException e = assertThrows(ModelException.class, () -> new SbmlSource().read(xml, "m"));
        assertTrue(e.getMessage().contains("species 'X': compartment 'nowhere' does not exist"), e.getMessage());
    }

    @Test
    void textThatIsNotXmlIsRefusedWithOneLine() {
        ModelException e = assertThrows(ModelException.class, () -> new SbmlSource().read("<sbml this is not xml", "m"));
        assertTrue(e.getMessage().startsWith("not readable as SBML"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void sbmlIsRecognisedByContentWhateverTheExtension() {
        assertTrue(ModelSources.sourceFor("model.txt.unknown", model(K, KX, "")) instanceof SbmlSource);
        assertTrue(ModelSources.sourceFor("model.sbml", "") instanceof SbmlSource);
    }
}
