package org.banyan.credentials;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Verification takes time as a parameter and never reaches the network, whatever the caller. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.banyan.credentials");

    @Test
    void readsNoClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(MAIN);
    }

    @Test
    void opensNoConnectionsAndDependsOnNoLedgerOrNode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.banyan.ledger..",
                        "org.banyan.node..")
                .orShould().callMethod(java.net.URI.class, "toURL")
                .orShould().dependOnClassesThat().areAssignableTo(java.net.URLConnection.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.net.Socket.class)
                .check(MAIN);
    }
}
