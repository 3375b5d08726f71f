package org.banyan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.banyan.credentials.BifCredentials;
import org.banyan.credentials.CredentialException;
import org.banyan.credentials.CredentialSigner;
import org.banyan.credentials.Cryptosuite;
import org.banyan.credentials.Limits;
import org.banyan.identity.registry.RegistryCalls;
import org.banyan.identity.registry.TrustedRegistryContract;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.TransactionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code banyan vc}: verifiable credentials. {@code issue} signs offline with the issuer's key; {@code verify} asks a
 * node (which resolves the issuer's BID and consults the chain's trusted registry); {@code revoke} and
 * {@code list-issuer} write to the trusted registry.
 */
@Command(name = "vc", description = "Issue, verify and revoke verifiable credentials.",
        subcommands = {VcCommand.Issue.class, VcCommand.Verify.class, VcCommand.Revoke.class, VcCommand.ListIssuer.class})
final class VcCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The suite name that selects a BIF JWS credential instead of a Data Integrity proof. */
    static final String JWS = "jws";

    @Mixin
    HelpOption help;

    /** {@code banyan vc issue}: signs a credential with the issuer's key, offline. */
    @Command(name = "issue", description = {"Sign a credential (JSON, without proof) as its issuer, offline, and print it.",
        "The credential's issuer must be the key file's address. Suites: eddsa-rdfc-2022 (default), eddsa-jcs-2022,",
        "or jws for a BIF JWS credential (VC 1.1 shape), printed as one token."})
    static final class Issue extends CliCommand {

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The issuer's key file.")
        Path keyFile;

        @Option(names = "--credential", required = true, paramLabel = "FILE", description = "The unsigned credential.")
        Path credentialFile;

        @Option(names = "--key-id", paramLabel = "ID",
                description = "The key's id in the issuer's BID document (default: <address>#key-1).")
        Optional<String> keyId = Optional.empty();

        @Option(names = "--suite", defaultValue = "eddsa-rdfc-2022", paramLabel = "NAME",
                description = "eddsa-rdfc-2022, eddsa-jcs-2022 or jws (default: ${DEFAULT-VALUE}).")
        String suite;

        @Override
        int execute() {
            KeyFile issuer = KeyFile.load(keyFile);
            String method = keyId.orElse(issuer.address() + "#key-1");
            JsonObject credential = readObject(credentialFile);
            try {
                if (suite.toLowerCase(Locale.ROOT).equals(JWS)) {
                    out().println(BifCredentials.issue(credential, issuer.signingKey(), method));
                } else {
                    Cryptosuite cryptosuite = Cryptosuite.fromId(suite).orElseThrow(() -> new IllegalArgumentException(
                            "--suite must be eddsa-rdfc-2022, eddsa-jcs-2022 or jws, got '" + suite + "'"));
                    JsonObject signed = new CredentialSigner(issuer.address(), method, issuer.signingKey())
                            .issue(credential, cryptosuite, Instant.now());
                    JsonOutput.print(out(), parse(signed.toString()));
                }
            } catch (CredentialException e) {
                throw new IllegalArgumentException("cannot issue: " + e.problem().detail(), e);
            }
            out().flush();
            return ExitCode.OK;
        }
    }

    /** {@code banyan vc verify}: asks a node to verify a credential. */
    @Command(name = "verify", description = {"Verify a credential (Data Integrity JSON, or a BIF JWS token) on a node:",
        "its proof, its issuer's key in the issuer's BID document, its validity period and the trusted registry.",
        "Exits 0 when verified, 1 when not."})
    static final class Verify extends CliCommand {

        @Mixin
        NodeOption node;

        @Option(names = "--credential", required = true, paramLabel = "FILE", description = "The credential or token.")
        Path credentialFile;

        @Option(names = "--json", description = "Print the node's verification report as JSON.")
        boolean json;

        @Override
        int execute() {
            String text = readText(credentialFile).strip();
            JsonNode credential = text.startsWith("{") ? parse(text) : JSON.getNodeFactory().textNode(text);
            NodeRequests.Answer answer = NodeRequests.post(node.nodeUrl, "credentials/verify",
                    JSON.createObjectNode().set("verifiableCredential", credential).toString());
            JsonNode report = parse(answer.body());
            boolean verified = report.path("verified").asBoolean(false);
            if (json) {
                JsonOutput.print(out(), report);
            } else {
                out().println(verified ? "verified" : "NOT verified");
                report.path("errors").forEach(problem -> out().println("  error:   " + problem.path("title").asText()
                        + ": " + problem.path("detail").asText()));
                report.path("warnings").forEach(problem -> out().println("  warning: " + problem.path("title").asText()
                        + ": " + problem.path("detail").asText()));
                out().flush();
            }
            if (!verified) {
                throw new CommandFailedException("the credential did not verify (HTTP " + answer.status() + ")");
            }
            return ExitCode.OK;
        }
    }

    /** {@code banyan vc revoke}: records a revocation in the trusted registry. */
    @Command(name = "revoke", description = {"Revoke a credential you issued: the key's account is the issuer, and the",
        "chain's trusted registry records the credential's id (or BIF revocationId) as revoked, for good."})
    static final class Revoke extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The issuer's key file.")
        Path keyFile;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The credential's id or revocationId.")
        String credentialId;

        @Option(names = "--reason", defaultValue = "revoked by its issuer", paramLabel = "TEXT",
                description = "Why, for holders and verifiers (default: ${DEFAULT-VALUE}).")
        String reason;

        @Override
        int execute() {
            KeyFile issuer = KeyFile.load(keyFile);
            TransactionRecord record = call.commit(issuer, TrustedRegistryContract.ADDRESS,
                    RegistryCalls.revoke(credentialId, reason));
            out().println("revoked " + credentialId + " of " + issuer.address() + " in ledger " + record.ledgerSeq());
            out().flush();
            return ExitCode.OK;
        }
    }

    /** {@code banyan vc list-issuer}: governance lists a trusted issuer. */
    @Command(name = "list-issuer", description = "List an issuer as trusted in the chain's registry (governance key only).")
    static final class ListIssuer extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The governance account's key file.")
        Path keyFile;

        @Option(names = "--issuer", required = true, paramLabel = "BID", description = "The issuer's BID.")
        String issuer;

        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "The issuer's name.")
        String name;

        @Override
        int execute() {
            TransactionRecord record = call.commit(KeyFile.load(keyFile), TrustedRegistryContract.ADDRESS,
                    RegistryCalls.registerIssuer(issuer, name));
            out().println("listed " + issuer + " in ledger " + record.ledgerSeq());
            out().flush();
            return ExitCode.OK;
        }
    }

    private static String readText(final Path file) {
        try {
            if (Files.size(file) > 4L * Limits.MAX_JSON_LENGTH_CHARS) {
                throw new IllegalArgumentException(file + " is larger than any credential may be");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject readObject(final Path file) {
        try {
            return Json.createReader(new StringReader(readText(file))).readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(final String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text.substring(0, Math.min(200, text.length())), e);
        }
    }
}
