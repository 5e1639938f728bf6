package org.kmlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of DESIGN.md, checked so they cannot rot silently. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kmlab");
    }

    @Test
    void modelSolveAndRunAreFreeOfGuiAndCharts() {
        noClasses().that().resideInAnyPackage("org.kmlab.model..", "org.kmlab.solve..", "org.kmlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void modelDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.kmlab.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kmlab.solve..", "org.kmlab.run..", "org.kmlab.ui..", "org.kmlab.export..", "org.kmlab.cli..")
                .check(classes);
    }

    @Test
    void solversDependOnModelOnly() {
        noClasses().that().resideInAPackage("org.kmlab.solve..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kmlab.run..", "org.kmlab.ui..", "org.kmlab.export..", "org.kmlab.cli..")
                .check(classes);
    }

    @Test
    void runKnowsNothingOfItsClients() {
        noClasses().that().resideInAPackage("org.kmlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kmlab.ui..", "org.kmlab.export..", "org.kmlab.cli..")
                .check(classes);
    }

    @Test
    void exportNeedsNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.kmlab.export..", "org.kmlab.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.kmlab.ui..", "org.kmlab.cli..")
                .check(classes);
    }

    @Test
    void uiAndCliNeverImportEachOther() {
        noClasses().that().resideInAPackage("org.kmlab.ui..").should().dependOnClassesThat().resideInAPackage("org.kmlab.cli..").check(classes);
        noClasses().that().resideInAPackage("org.kmlab.cli..").should().dependOnClassesThat().resideInAPackage("org.kmlab.ui..").check(classes);
    }
}
