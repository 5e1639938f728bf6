package org.kmlab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed SBML: each file is refused with one line naming the element at fault (the species,
 * the function, the rule's variable, the reaction), never a stack trace or a silent default.
 */
class SbmlMalformedTest {
    private static final String MATH = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">";
    private static final String K = "<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"true\"/></listOfParameters>";
    private static final String KX = "<apply><times/><ci>k</ci><ci>X</ci></apply>";

    static Stream<Arguments> malformed() {
        String good = SbmlImportTest.model(K, KX, "");
        return Stream.of(
                Arguments.of("not XML", "this is not XML at all", "not readable as SBML"),
                Arguments.of("XML but not SBML", "<?xml version=\"1.0\"?><html><body/></html>", "not readable as SBML: no <sbml> element"),
                Arguments.of("an empty file", "", "not readable as SBML: the file is empty"),
                Arguments.of("a species without a compartment", good.replace("compartment=\"c\" ", ""), "species 'X' has no compartment"),
                Arguments.of("a species in a missing compartment", good.replace("compartment=\"c\" ", "compartment=\"nowhere\" "), "species 'X': compartment 'nowhere' does not exist"),
                Arguments.of("an unknown function in a kinetic law", SbmlImportTest.model(K, "<apply><ci>hill</ci><ci>X</ci></apply>", ""), "reaction 'R': kinetic law: unknown function 'hill'"),
                Arguments.of("an unknown function inside a function",
                        SbmlImportTest.model(K, "<apply><ci>f</ci><ci>X</ci></apply>", "<listOfFunctionDefinitions><functionDefinition id=\"f\">" + MATH
                                + "<lambda><bvar><ci>y</ci></bvar><apply><ci>g</ci><ci>y</ci></apply></lambda></math></functionDefinition></listOfFunctionDefinitions>"),
                        "unknown function 'g'"),
                Arguments.of("an unknown function in an initial assignment",
                        SbmlImportTest.model(K, KX, "<listOfInitialAssignments><initialAssignment symbol=\"X\">" + MATH
                                + "<apply><ci>g</ci><cn>2</cn></apply></math></initialAssignment></listOfInitialAssignments>"),
                        "initial assignment to 'X': unknown function 'g'"),
                Arguments.of("a rule on a reactant",
                        SbmlImportTest.model(K, KX, "<listOfRules><assignmentRule variable=\"X\">" + MATH + "<cn>3</cn></math></assignmentRule></listOfRules>"),
                        "species 'X': an assignment rule on a species that reactions change"),
                Arguments.of("a reaction of a missing species", good.replace("speciesReference species=\"X\"", "speciesReference species=\"Q\""), "reaction 'R': species 'Q' does not exist"),
                Arguments.of("a reaction without a kinetic law", good.replaceAll("<kineticLaw>.*</kineticLaw>", ""), "reaction 'R' has no kinetic law"),
                Arguments.of("a function called with the wrong arity",
                        SbmlImportTest.model(K, "<apply><ci>f</ci><ci>X</ci><ci>k</ci></apply>", "<listOfFunctionDefinitions><functionDefinition id=\"f\">" + MATH
                                + "<lambda><bvar><ci>y</ci></bvar><ci>y</ci></lambda></math></functionDefinition></listOfFunctionDefinitions>"),
                        "function 'f' takes 1 arguments, got 2"),
                Arguments.of("cyclic assignment rules",
                        SbmlImportTest.model("<listOfParameters><parameter id=\"k\" constant=\"false\"/><parameter id=\"j\" constant=\"false\"/></listOfParameters>", KX,
                                "<listOfRules><assignmentRule variable=\"k\">" + MATH + "<ci>j</ci></math></assignmentRule><assignmentRule variable=\"j\">" + MATH
                                        + "<ci>k</ci></math></assignmentRule></listOfRules>"),
                        "cycle"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusedWithOneLineNamingTheElement(String what, String xml, String message) {
        ModelException e = assertThrows(ModelException.class, () -> new SbmlSource().read(xml, "m"), what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), what + ": one line: " + e.getMessage());
    }
}
