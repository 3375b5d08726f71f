package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.banyan.node.DevNode;
import org.banyan.node.LedgerTiming;
import org.banyan.sdk.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code banyan did …} and {@code banyan vc …} against a dev chain in this JVM: a BID's whole life, and a credential
 * issued offline, verified by the node, and revoked on chain.
 */
class IdentityCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private DevNode dev;
    private String url;
    private Path genesisKey;

    @BeforeEach
    void startDevChain() {
        dev = DevNode.start(directory.resolve("chain"), 0, Clock.systemUTC(), new LedgerTiming(50, 600_000),
                Optional.empty());
        url = dev.info().httpUrl();
        genesisKey = dev.info().keyFile();
    }

    @AfterEach
    void stopDevChain() {
        dev.close();
    }

    /** A new key file, its account funded with 10 XHT. */
    private Path fundedKey(final String name, final long seed, final KeyType type) {
        KeyFile key = KeyFile.generate(type, Optional.empty(), TestRandom.seeded(seed));
        Path file = directory.resolve(name + ".json");
        key.save(file);
        succeeds("tx", "pay", "--node", url, "--key", genesisKey.toString(), "--to", key.address(),
                "--amount", "1000000000", "--wait");
        return file;
    }

    private static CliRun succeeds(final String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err() + run.out()).isZero();
        return run;
    }

    private static JsonNode json(final String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void aBidIsCreatedResolvedUpdatedRecoveredAndDeactivatedFromTheCommandLine() throws Exception {
        Path alice = fundedKey("alice", 1, KeyType.ED25519);
        Path recovery = fundedKey("recovery", 2, KeyType.SM2);
        Path rotated = directory.resolve("rotated.json");
        KeyFile.generate(KeyType.ED25519, Optional.empty(), TestRandom.seeded(3)).save(rotated);
        String bid = KeyFile.load(alice).address();

        CliRun created = succeeds("did", "create", "--node", url, "--key", alice.toString(), "--recovery-key",
                recovery.toString(), "--ttl", "60", "--service", "resolver,DIDResolver,https://resolver.example.com");
        assertThat(created.out().strip()).isEqualTo(bid);
        JsonNode document = json(succeeds("did", "resolve", bid, "--node", url).out());
        assertThat(document.path("id").asText()).isEqualTo(bid);
        assertThat(document.path("extension").path("recovery").get(0).asText())
                .isEqualTo(KeyFile.load(recovery).address() + "#recovery");
        JsonNode w3c = json(succeeds("did", "resolve", bid, "--node", url, "--w3c").out());
        assertThat(w3c.path("didDocument").path("service").get(0).path("serviceEndpoint").asText())
                .isEqualTo("https://resolver.example.com");

        ObjectNode edited = (ObjectNode) document.deepCopy();
        ((ObjectNode) edited.path("service").get(0)).put("serviceEndpoint", "https://resolver2.example.com");
        Path editedFile = directory.resolve("edited.json");
        Files.writeString(editedFile, edited.toString());
        assertThat(succeeds("did", "update", "--node", url, "--key", alice.toString(), "--document",
                editedFile.toString()).out()).startsWith("updated " + bid);
        assertThat(json(succeeds("did", "resolve", bid, "--node", url).out()).path("service").get(0)
                .path("serviceEndpoint").asText()).isEqualTo("https://resolver2.example.com");

        JsonNode recovered = json(succeeds("did", "recover", bid, "--node", url, "--key", recovery.toString(),
                "--new-key", rotated.toString(), "--json").out());
        assertThat(recovered.path("id").asText()).isEqualTo(bid);
        assertThat(recovered.path("ledger_seq").asLong()).isPositive();
        JsonNode afterRecovery = json(succeeds("did", "resolve", bid, "--node", url).out());
        assertThat(afterRecovery.path("authentication").get(0).asText()).isEqualTo(bid + "#key-2");
        CliRun lostKey = CliRun.of("did", "update", "--node", url, "--key", alice.toString(), "--document",
                editedFile.toString());
        assertThat(lostKey.exitCode()).isEqualTo(2);
        assertThat(lostKey.err()).contains("is not one of the authentication keys");

        succeeds("did", "deactivate", bid, "--node", url, "--key", recovery.toString());
        CliRun gone = CliRun.of("did", "resolve", bid, "--node", url, "--w3c");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("HTTP 410");
        assertThat(json(gone.out()).path("didDocumentMetadata").path("deactivated").asBoolean()).isTrue();
        CliRun notFound = CliRun.of("did", "resolve", bid, "--node", url);
        assertThat(notFound.exitCode()).isEqualTo(1);
        assertThat(notFound.err()).contains("is deactivated").contains("BID result code 6");
    }

    @Test
    void theMainChainResolvesASubChainBidOnceTheSubChainIsRegistered() throws Exception {
        try (DevNode sub = DevNode.start(directory.resolve("sub"), 0, Clock.systemUTC(), new LedgerTiming(50, 600_000),
                Optional.of("abcd"))) {
            Path subKey = sub.info().keyFile();
            String subBid = KeyFile.load(subKey).address();
            succeeds("did", "create", "--node", sub.info().httpUrl(), "--key", subKey.toString());
            CliRun unknown = CliRun.of("did", "resolve", subBid, "--node", url);
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("BID result code 10");

            assertThat(succeeds("did", "register-subchain", "--node", url, "--key", genesisKey.toString(), "--ac", "abcd",
                    "--resolver", sub.info().httpUrl()).out()).startsWith("registered did:bid:abcd");
            assertThat(json(succeeds("did", "resolve", subBid, "--node", url).out()).path("id").asText()).isEqualTo(subBid);
            CliRun notGovernance = CliRun.of("did", "register-subchain", "--node", url, "--key",
                    fundedKey("stranger", 7, KeyType.ED25519).toString(), "--ac", "wxyz", "--resolver", "http://x.example");
            assertThat(notGovernance.exitCode()).isEqualTo(1);
            assertThat(notGovernance.err()).contains("governance").contains("BID result code 1");
        }
    }

    @Test
    void refusalsNameTheirResultCode() {
        Path alice = fundedKey("alice", 4, KeyType.ED25519);
        succeeds("did", "create", "--node", url, "--key", alice.toString());
        CliRun again = CliRun.of("did", "create", "--node", url, "--key", alice.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already has a document").contains("BID result code 2");
        CliRun badService = CliRun.of("did", "create", "--node", url, "--key", alice.toString(), "--service", "x");
        assertThat(badService.exitCode()).isEqualTo(2);
        assertThat(badService.err()).contains("NAME,TYPE,ENDPOINT");
        CliRun badAcCode = CliRun.of("resolver", "--node", url, "--ac", "ABCD");
        assertThat(badAcCode.exitCode()).isEqualTo(2);
        assertThat(badAcCode.err()).contains("AC code must be 4 lower-case letters or digits");
    }

    @Test
    void aCredentialIsIssuedOfflineVerifiedByTheNodeAndRevokedOnChain() throws Exception {
        Path issuer = fundedKey("issuer", 5, KeyType.ED25519);
        String issuerBid = KeyFile.load(issuer).address();
        succeeds("did", "create", "--node", url, "--key", issuer.toString());
        succeeds("vc", "list-issuer", "--node", url, "--key", genesisKey.toString(), "--issuer", issuerBid,
                "--name", "Banyan Test Works");
        Path unsigned = directory.resolve("credential.json");
        Files.writeString(unsigned, """
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                 "id": "urn:uuid:cli-1",
                 "type": ["VerifiableCredential"], "issuer": "%s", "validFrom": "2024-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG", "role": "tester"}}
                """.formatted(issuerBid));
        Path signed = directory.resolve("signed.json");
        Files.writeString(signed, succeeds("vc", "issue", "--key", issuer.toString(), "--credential",
                unsigned.toString()).out());
        assertThat(succeeds("vc", "verify", "--node", url, "--credential", signed.toString()).out()).startsWith("verified");

        succeeds("vc", "revoke", "--node", url, "--key", issuer.toString(), "--id", "urn:uuid:cli-1", "--reason", "test");
        CliRun revoked = CliRun.of("vc", "verify", "--node", url, "--credential", signed.toString());
        assertThat(revoked.exitCode()).isEqualTo(1);
        assertThat(revoked.out()).startsWith("NOT verified").contains("Credential revoked");

        Path bifShaped = directory.resolve("bif.json");
        Files.writeString(bifShaped, """
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "id": "urn:uuid:cli-2",
                 "type": ["VerifiableCredential"], "issuer": "%s", "issuanceDate": "2024-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG"}}
                """.formatted(issuerBid));
        Path token = directory.resolve("token.jws");
        Files.writeString(token, succeeds("vc", "issue", "--key", issuer.toString(), "--credential",
                bifShaped.toString(), "--suite", "jws").out());
        assertThat(succeeds("vc", "verify", "--node", url, "--credential", token.toString(), "--json").out())
                .contains("\"verified\" : true");
        CliRun badSuite = CliRun.of("vc", "issue", "--key", issuer.toString(), "--credential", unsigned.toString(),
                "--suite", "rsa");
        assertThat(badSuite.exitCode()).isEqualTo(2);
    }
}
