package org.kmlab;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of DESIGN.md, checked so they cannot rot silently:
 * model → solve → run → chart → export → {ui, cli}, each layer used only by the ones after it;
 * solver packages independent of each other; no package cycles; no GUI below ui.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kmlab");
    }

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.kmlab.model..")
                .layer("solve").definedBy("org.kmlab.solve..")
                .layer("run").definedBy("org.kmlab.run..")
                .layer("chart").definedBy("org.kmlab.chart..")
                .layer("export").definedBy("org.kmlab.export..")
                .layer("ui").definedBy("org.kmlab.ui..")
                .layer("cli").definedBy("org.kmlab.cli..")
                .layer("launcher").definedBy("org.kmlab")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("export", "ui", "cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("chart", "export", "ui", "cli")
                .whereLayer("solve").mayOnlyBeAccessedByLayers("run", "chart", "export", "ui", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("solve", "run", "chart", "export", "ui", "cli", "launcher")
                .check(classes);
    }

    /** The shared ensemble engine (solve.ensemble, DESIGN.md) is the one package solvers may share. */
    @Test
    void solverPackagesDoNotImportEachOther() {
        slices().matching("org.kmlab.solve.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("org.kmlab.solve.ensemble.."))
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kmlab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noGuiOrChartsBelowTheChartLayer() {
        noClasses().that().resideInAnyPackage("org.kmlab.model..", "org.kmlab.solve..", "org.kmlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void chartsAndExportNeedNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.kmlab.export..", "org.kmlab.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }
}
