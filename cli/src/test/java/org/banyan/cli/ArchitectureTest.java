package org.banyan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.util.List;

/**
 * Keeps DESIGN.md's promises: the functional core (crypto, trie, protocol, ledger, consensus) and the simulator that
 * replays it from one seed do no I/O, start no threads, read no clock and draw no randomness of their own; and module
 * dependencies point the way the module table says. Runs over the main classes of every module on the cli's class
 * path.
 */
@AnalyzeClasses(packages = "org.banyan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FUNCTIONAL_CORE = {
        "org.banyan.crypto..", "org.banyan.trie..", "org.banyan.protocol..", "org.banyan.ledger..",
        "org.banyan.consensus..", "org.banyan.sim..", "org.banyan.lightclient..", "org.banyan.chaingroup.."};

    @ArchTest
    static final ArchRule coreDoesNoFileOrNetworkIo = noClasses()
            .that().resideInAnyPackage(FUNCTIONAL_CORE)
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
            .because("the core is a pure function of its inputs; the node shell owns files and sockets");

    @ArchTest
    static final ArchRule coreStartsNoThreads = noClasses()
            .that().resideInAnyPackage(FUNCTIONAL_CORE)
            .should().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
            .orShould().dependOnClassesThat().haveNameMatching("java\\.util\\.concurrent\\.Executor.*")
            .because("the node shell owns threads; the core must replay identically in one thread");

    @ArchTest
    static final ArchRule coreReadsNoClock = noClasses()
            .that().resideInAnyPackage(FUNCTIONAL_CORE)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(java.time.Clock.class.getName())
            .orShould().callMethodWhere(readsTheTime())
            .because("time is an input: the caller passes close times in");

    @ArchTest
    static final ArchRule coreDrawsNoRandomness = noClasses()
            .that().resideInAnyPackage(FUNCTIONAL_CORE)
            .should().dependOnClassesThat().haveFullyQualifiedName(java.util.Random.class.getName())
            .because("randomness comes from the caller so that runs are reproducible");

    @ArchTest
    static final ArchRule executionCreatesNoSecureRandom = noClasses()
            .that().resideInAnyPackage("org.banyan.trie..", "org.banyan.protocol..", "org.banyan.ledger..",
                    "org.banyan.consensus..", "org.banyan.sim..")
            .should().callConstructor(SecureRandom.class)
            .because("only crypto may draw its own randomness (SM2 signing nonces), and only where its task allows");

    @ArchTest
    static final ArchRule foundationModulesDependOnNoOtherModule = noClasses()
            .that().resideInAnyPackage("org.banyan.crypto..", "org.banyan.trie..", "org.banyan.protocol..",
                    "org.banyan.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.ledger..", "org.banyan.node..",
                    "org.banyan.sdk..", "org.banyan.cli..", "org.banyan.bench..", "org.banyan.consensus..")
            .because("DESIGN.md: crypto, protocol, store and trie sit at the bottom of the module table");

    @ArchTest
    static final ArchRule ledgerDoesNotKnowItsClients = noClasses()
            .that().resideInAPackage("org.banyan.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.node..", "org.banyan.sdk..",
                    "org.banyan.cli..", "org.banyan.bench..")
            .because("DESIGN.md: ledger may depend on crypto, protocol and store only");

    @ArchTest
    static final ArchRule sdkTalksToNodesOnlyOverTheApi = noClasses()
            .that().resideInAPackage("org.banyan.sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.node..", "org.banyan.ledger..",
                    "org.banyan.store..", "org.banyan.cli..")
            .because("DESIGN.md: the SDK is a client of the HTTP API and depends on crypto and protocol");

    @ArchTest
    static final ArchRule nodeDoesNotDependOnTheCommandLine = noClasses()
            .that().resideInAPackage("org.banyan.node..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.cli..", "org.banyan.bench..")
            .because("DESIGN.md: cli and bench sit on top of the node");

    @ArchTest
    static final ArchRule consensusKnowsOnlyCryptoAndProtocol = noClasses()
            .that().resideInAPackage("org.banyan.consensus..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.ledger..", "org.banyan.store..",
                    "org.banyan.trie..", "org.banyan.node..", "org.banyan.p2p..", "org.banyan.sim..",
                    "org.banyan.sdk..", "org.banyan.cli..", "org.banyan.bench..")
            .because("DESIGN.md: consensus depends on crypto and protocol; the node adapts the ledger to it");

    @ArchTest
    static final ArchRule onlyTheCommandLineRunsTheSimulator = noClasses()
            .that().resideOutsideOfPackages("org.banyan.sim..", "org.banyan.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.banyan.sim..")
            .because("DESIGN.md: sim is test support; no production module may depend on it");

    @ArchTest
    static final ArchRule identityIsAPureLibrary = noClasses()
            .that().resideInAPackage("org.banyan.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.node..", "org.banyan.sdk..",
                    "org.banyan.cli..", "org.banyan.bench..", "org.banyan.store..", "java.net.http..", "java.nio.file..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(java.time.Clock.class.getName())
            .orShould().callMethodWhere(readsTheTime())
            .because("DESIGN.md: identity depends on crypto and ledger; its contracts run inside ledger execution and its"
                    + " views are pure, so the node shell does the HTTP, the threads and the clock");

    @ArchTest
    static final ArchRule credentialsKnowNoChain = noClasses()
            .that().resideInAPackage("org.banyan.credentials..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.ledger..", "org.banyan.identity..",
                    "org.banyan.node..", "org.banyan.sdk..", "org.banyan.cli..", "org.banyan.bench..")
            .because("credentials verify with keys a resolver hands them; the node plugs in did:bid and the registry");

    @ArchTest
    static final ArchRule lightClientsStandOnProofsAlone = noClasses()
            .that().resideInAPackage("org.banyan.lightclient..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.ledger..", "org.banyan.store..",
                    "org.banyan.chaingroup..", "org.banyan.node..", "org.banyan.sdk..", "org.banyan.cli..")
            .because("the SDK and both chains' contracts check the same proofs; a verifier needs no ledger or store");

    @ArchTest
    static final ArchRule chainGroupContractsRunInsideTheLedger = noClasses()
            .that().resideInAPackage("org.banyan.chaingroup..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.node..", "org.banyan.sdk..",
                    "org.banyan.gateway..", "org.banyan.store..", "org.banyan.cli..")
            .because("DESIGN.md: chaingroup depends on ledger; its contracts run inside ledger execution");

    @ArchTest
    static final ArchRule theGatewayTalksToNodesOnlyOverTheirApi = noClasses()
            .that().resideInAPackage("org.banyan.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("org.banyan.node..", "org.banyan.ledger..",
                    "org.banyan.chaingroup..", "org.banyan.store..")
            .because("DESIGN.md: the gateway is a backbone-node process that uses the SDK");

    /** Guards against rules that pass because a module's classes were never imported. */
    @ArchTest
    static void everyModuleIsAnalysed(final JavaClasses classes) {
        for (String module : List.of("crypto", "trie", "protocol", "store", "ledger", "consensus", "sim", "sdk", "node",
                "cli", "identity", "credentials", "lightclient", "chaingroup", "gateway")) {
            assertThat(classes.containPackage("org.banyan." + module)).as(module).isTrue();
        }
    }

    private static DescribedPredicate<JavaCall<?>> readsTheTime() {
        return DescribedPredicate.describe("java.time ...now()", call ->
                call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now"));
    }
}
