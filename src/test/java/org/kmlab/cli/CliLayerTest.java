package org.kmlab.cli;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command line runs headless: nothing it loads may touch JavaFX or AWT. */
class CliLayerTest {
    @Test
    void cliAndDataExportNeedNoDisplay() {
        noClasses().that().resideInAnyPackage("org.kmlab.cli..", "org.kmlab.export.data..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.kmlab.ui..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kmlab.cli", "org.kmlab.export.data"));
    }
}
