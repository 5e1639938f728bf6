package org.kmlab.solve.ensemble;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is shared, not a back door: ssa and cle do not import each other, and the engine imports neither. */
class EnsembleLayeringTest {
    private static final JavaClasses SOLVE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kmlab.solve");

    @Test
    void ssaAndCleShareOnlyTheEngine() {
        noClasses().that().resideInAPackage("org.kmlab.solve.ssa..").should().dependOnClassesThat().resideInAPackage("org.kmlab.solve.cle..").check(SOLVE);
        noClasses().that().resideInAPackage("org.kmlab.solve.cle..").should().dependOnClassesThat().resideInAPackage("org.kmlab.solve.ssa..").check(SOLVE);
        noClasses().that().resideInAPackage("org.kmlab.solve.ensemble..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kmlab.solve.ssa..", "org.kmlab.solve.cle..", "org.kmlab.solve.cme..", "org.kmlab.solve.fp..", "org.kmlab.solve.lna..")
                .check(SOLVE);
    }
}
