package org.kmlab.model;

/** Small SBML texts for tests in other packages. */
public final class SbmlTestModels {
    private SbmlTestModels() {}

    /** X → ∅ at k·X with a rate rule on X: refused. */
    public static String withRateRuleOnX() {
        return SbmlImportTest.model("<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"true\"/></listOfParameters>",
                "<apply><times/><ci>k</ci><ci>X</ci></apply>",
                "<listOfRules><rateRule variable=\"X\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></rateRule></listOfRules>");
    }
}
