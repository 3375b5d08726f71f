package org.banyan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentLimits;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.ParsedDocument;
import org.banyan.identity.document.Service;
import org.banyan.identity.json.StrictJson;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.TransactionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code banyan did}: BID documents on chain. Writes go to the DDO contract as transactions and wait for the commit;
 * {@code resolve} reads the node's resolver. Each write prints one line for a person, or JSON with {@code --json}.
 */
@Command(name = "did", description = "Create, resolve, update, recover and deactivate BID documents.",
        subcommands = {DidCommand.Create.class, DidCommand.Resolve.class, DidCommand.Update.class,
            DidCommand.Recover.class, DidCommand.Deactivate.class, DidCommand.RegisterSubChain.class})
final class DidCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    HelpOption help;

    /** The document signer's key file, required by every write. */
    static final class KeyOption {
        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "Key file {\"address\",\"public_key\",\"private_key\"} that signs the document.")
        Path keyFile;

        KeyFile load() {
            return KeyFile.load(keyFile);
        }
    }

    /** {@code --json} for commands whose output a program reads. */
    static final class JsonFlag {
        @Option(names = "--json", description = "Print JSON {\"id\",\"hash\",\"ledger_seq\"} instead of a sentence.")
        boolean json;
    }

    /** {@code banyan did create}: the document of the key's own account. */
    @Command(name = "create", description = {"Create the BID document of the key's account and print its DID.",
        "The key authenticates it as <bid>#key-1; --recovery-key adds a recovery key under that key's own account."})
    static final class Create extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Mixin
        KeyOption key;

        @Mixin
        JsonFlag output;

        @Option(names = "--recovery-key", paramLabel = "FILE",
                description = "Key file of the recovery key (default: the --key key recovers too).")
        Optional<Path> recoveryKeyFile = Optional.empty();

        @Option(names = "--type", defaultValue = "101", paramLabel = "CODE",
                description = "Document type: 101 person, 102 enterprise, 103 node, 104 device, 105 contract"
                        + " (default: ${DEFAULT-VALUE}).")
        int type;

        @Option(names = "--ttl", paramLabel = "S", description = "Seconds resolvers may cache the document.")
        Optional<Long> ttlSeconds = Optional.empty();

        @Option(names = "--service", paramLabel = "NAME,TYPE,ENDPOINT",
                description = "A service, such as resolver,DIDResolver,https://resolver.example.com (repeatable).")
        List<String> services = new ArrayList<>();

        @Override
        int execute() {
            KeyFile owner = key.load();
            Optional<KeyFile> recovery = recoveryKeyFile.map(KeyFile::load);
            List<Service> parsedServices = new ArrayList<>();
            for (String service : services) {
                String[] parts = service.split(",", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("--service must be NAME,TYPE,ENDPOINT, got '" + service + "'");
                }
                parsedServices.add(Service.of(owner.address() + "#" + parts[0], parts[1], parts[2]));
            }
            BidDocument document = DidDocuments.create(owner.address(), owner.signingKey().publicKey(),
                    recovery.map(KeyFile::address), recovery.map(file -> file.signingKey().publicKey()), type,
                    ttlSeconds.map(OptionalLong::of).orElse(OptionalLong.empty()),
                    parsedServices, Clock.systemUTC());
            BidDocument signed = DocumentProofs.sign(checked(document), owner.signingKey(),
                    owner.address() + DidDocuments.OWNER_KEY);
            report(out(), output.json, "created", signed.id(),
                    call.commit(owner, DdoContract.ADDRESS, DdoCalls.creation(signed)));
            return ExitCode.OK;
        }
    }

    /** {@code banyan did resolve}: prints a document. */
    @Command(name = "resolve", description = {"Print the BID document of a DID, as the node's resolver serves it",
        "(GET /{bid}); --w3c prints the DID Resolution result instead (GET /1.0/identifiers/{did})."})
    static final class Resolve extends CliCommand {

        @Mixin
        NodeOption node;

        @Parameters(index = "0", paramLabel = "DID", description = "The BID, such as did:bid:ef….")
        String did;

        @Option(names = "--w3c", description = "Print the W3C DID Resolution result.")
        boolean w3c;

        @Option(names = "--accept", paramLabel = "TYPE",
                description = "With --w3c: the media type to ask for (default: application/did-resolution).")
        Optional<String> accept = Optional.empty();

        @Override
        int execute() {
            if (w3c) {
                NodeRequests.Answer answer = NodeRequests.get(node.nodeUrl, "1.0/identifiers/" + did,
                        Optional.of(accept.orElse("application/did-resolution")));
                JsonNode body = parse(answer.body());
                JsonOutput.print(out(), body);
                if (answer.status() != 200) {
                    JsonNode error = body.path("didResolutionMetadata").path("error");
                    throw new CommandFailedException("HTTP " + answer.status() + ": " + error.path("title").asText()
                            + ": " + error.path("detail").asText());
                }
                return ExitCode.OK;
            }
            JsonNode body = parse(NodeRequests.get(node.nodeUrl, did, Optional.empty()).body());
            if (body.path("errorCode").asInt(-1) != 0) {
                throw new CommandFailedException(body.path("message").asText() + " (BID result code "
                        + body.path("errorCode").asText() + ")");
            }
            JsonOutput.print(out(), body.path("data").path("didDocument"));
            return ExitCode.OK;
        }
    }

    /** {@code banyan did update}: a new version from a document file, signed by an authentication key. */
    @Command(name = "update", description = {"Write a new version of a document from a JSON file (for example an",
        "edited 'did resolve' output), signed by an authentication key. 'updated' is set, 'proof' replaced;",
        "authentication and recovery keys change only through 'did recover'."})
    static final class Update extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Mixin
        KeyOption key;

        @Mixin
        JsonFlag output;

        @Option(names = "--document", required = true, paramLabel = "FILE", description = "The new version, as JSON.")
        Path documentFile;

        @Override
        int execute() {
            KeyFile signer = key.load();
            BidDocument edited = readDocument(documentFile);
            BidDocument stored = stored(call, edited.id());
            BidDocument next = checked(DidDocuments.withUpdated(edited, DidDocuments.nextUpdated(stored.updated(),
                    Clock.systemUTC())));
            String keyId = DidDocuments.keyIdOf(stored, stored.authentication(), signer.signingKey().publicKey(),
                    "authentication");
            BidDocument signed = DocumentProofs.sign(next, signer.signingKey(), keyId);
            report(out(), output.json, "updated", signed.id(),
                    call.commit(signer, DdoContract.ADDRESS, DdoCalls.update(signed)));
            return ExitCode.OK;
        }
    }

    /** {@code banyan did recover}: new authentication keys, signed by a recovery key. */
    @Command(name = "recover", description = {"Replace a document's authentication key with --new-key (or write",
        "--document), signed by a recovery key of the stored document."})
    static final class Recover extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Mixin
        KeyOption key;

        @Mixin
        JsonFlag output;

        @Parameters(index = "0", paramLabel = "DID", description = "The BID to recover.")
        String did;

        @Option(names = "--new-key", paramLabel = "FILE", description = "Key file of the new authentication key.")
        Optional<Path> newKeyFile = Optional.empty();

        @Option(names = "--document", paramLabel = "FILE", description = "The new version, as JSON, instead of --new-key.")
        Optional<Path> documentFile = Optional.empty();

        @Override
        int execute() {
            if (newKeyFile.isPresent() == documentFile.isPresent()) {
                throw new IllegalArgumentException("give exactly one of --new-key and --document");
            }
            KeyFile recoveryKey = key.load();
            BidDocument stored = stored(call, did);
            String updated = DidDocuments.nextUpdated(stored.updated(), Clock.systemUTC());
            BidDocument next = checked(newKeyFile.isPresent()
                    ? DidDocuments.rotate(stored, KeyFile.load(newKeyFile.get()).signingKey().publicKey(), updated)
                    : DidDocuments.withUpdated(readDocument(documentFile.get()), updated));
            if (!next.id().equals(did)) {
                throw new IllegalArgumentException("the document is that of " + next.id() + ", not " + did);
            }
            String keyId = DidDocuments.keyIdOf(stored, stored.extension().recovery(),
                    recoveryKey.signingKey().publicKey(), "recovery");
            BidDocument signed = DocumentProofs.sign(next, recoveryKey.signingKey(), keyId);
            report(out(), output.json, "recovered", did,
                    call.commit(recoveryKey, DdoContract.ADDRESS, DdoCalls.recovery(signed)));
            return ExitCode.OK;
        }
    }

    /** {@code banyan did deactivate}: ends a BID for good. */
    @Command(name = "deactivate", description = "Deactivate a BID for good, signed by a recovery key of its document.")
    static final class Deactivate extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Mixin
        KeyOption key;

        @Mixin
        JsonFlag output;

        @Parameters(index = "0", paramLabel = "DID", description = "The BID to deactivate.")
        String did;

        @Override
        int execute() {
            KeyFile recoveryKey = key.load();
            BidDocument stored = stored(call, did);
            String keyId = DidDocuments.keyIdOf(stored, stored.extension().recovery(),
                    recoveryKey.signingKey().publicKey(), "recovery");
            report(out(), output.json, "deactivated", did, call.commit(recoveryKey, DdoContract.ADDRESS,
                    DdoCalls.delete(did, DdoCalls.deleteProof(did, recoveryKey.signingKey(), keyId))));
            return ExitCode.OK;
        }
    }

    /** {@code banyan did register-subchain}: the main chain's AC-code document of a sub-chain. */
    @Command(name = "register-subchain", description = {"Write, on the main chain, the AC-code document did:bid:<ac>",
        "naming the sub-chain's resolver, so that the main chain resolves did:bid:<ac>:… through it. Only the",
        "main chain's governance account may; --key is its key file."})
    static final class RegisterSubChain extends CliCommand {

        @Mixin
        ContractCallOptions call;

        @Mixin
        KeyOption key;

        @Mixin
        JsonFlag output;

        @Option(names = "--ac", required = true, paramLabel = "CODE", description = "The sub-chain's AC code.")
        String acCode;

        @Option(names = "--resolver", required = true, paramLabel = "URL",
                description = "The sub-chain's resolver: the HTTP API of one of its nodes, or a 'banyan resolver' in front of it.")
        String resolverUrl;

        @Override
        int execute() {
            if (!BidSyntax.isAcCode(acCode)) {
                throw new IllegalArgumentException("AC code must be 4 lower-case letters or digits, got '" + acCode + "'");
            }
            if (!resolverUrl.startsWith("http://") && !resolverUrl.startsWith("https://")) {
                throw new IllegalArgumentException("--resolver must be an http:// or https:// URL, got '" + resolverUrl + "'");
            }
            KeyFile governance = key.load();
            BidDocument document = checked(DidDocuments.acCode(acCode, governance.address(),
                    governance.signingKey().publicKey(), resolverUrl, Clock.systemUTC()));
            BidDocument signed = DocumentProofs.sign(document, governance.signingKey(),
                    governance.address() + DidDocuments.OWNER_KEY);
            report(out(), output.json, "registered", signed.id(),
                    call.commit(governance, DdoContract.ADDRESS, DdoCalls.creation(signed)));
            return ExitCode.OK;
        }
    }

    /** The live document of {@code bid} on the node, through the DDO contract's {@code queryBid}. */
    static BidDocument stored(final ContractCallOptions call, final String bid) {
        String json;
        try {
            json = call.node.client().callContract(DdoContract.ADDRESS, DdoCalls.queryBid(bid));
        } catch (BanyanException e) {
            throw new CommandFailedException(ContractFailure.fromDescription(e.errorDesc())
                    .map(ContractCallOptions::describe).orElse("node error " + e.errorCode() + ": " + e.errorDesc()));
        }
        BidResult<ParsedDocument> parsed = BidDocumentCodec.parse(json);
        if (!parsed.isOk()) {
            throw new IllegalStateException("the node served a document that does not parse: " + parsed.error().message());
        }
        return parsed.value().document();
    }

    /** A document file: a BID document in JSON, its proof ignored. */
    private static BidDocument readDocument(final Path file) {
        String text;
        try {
            if (Files.size(file) > 4L * DocumentLimits.MAX_DOCUMENT_BYTES) {
                throw new IllegalArgumentException(file + " is larger than any BID document can be");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        BidResult<ObjectNode> json = StrictJson.parseObject(text);
        if (!json.isOk()) {
            throw new IllegalArgumentException(file + ": " + json.error().message());
        }
        ObjectNode unsigned = json.value();
        unsigned.remove(DocumentProofs.PROOF_MEMBER);
        BidResult<ParsedDocument> parsed = BidDocumentCodec.parse(unsigned);
        if (!parsed.isOk()) {
            throw new IllegalArgumentException(file + " is not a valid BID document: " + parsed.error().message());
        }
        return parsed.value().document();
    }

    /** The document if it passes the codec's checks, which the chain applies too. */
    private static BidDocument checked(final BidDocument document) {
        BidResult<ParsedDocument> parsed = BidDocumentCodec.parse(BidDocumentCodec.toJson(document));
        if (!parsed.isOk()) {
            throw new IllegalArgumentException("the document would be refused: " + parsed.error().message());
        }
        return document;
    }

    private static JsonNode parse(final String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CommandFailedException("the node answered something that is not JSON: "
                    + body.substring(0, Math.min(200, body.length())));
        }
    }

    private static void report(final PrintWriter out, final boolean json, final String verb, final String id,
                               final TransactionRecord record) {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("id", id).put("hash", record.hash())
                    .put("ledger_seq", record.ledgerSeq());
            JsonOutput.print(out, node);
        } else {
            out.println(verb.equals("created") ? id : verb + " " + id + " in ledger " + record.ledgerSeq());
            out.flush();
        }
    }
}
