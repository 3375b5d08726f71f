package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.Attribute;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentLimits;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.json.StrictJson;
import org.banyan.protocol.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle through a node's HTTP API: create → resolve in both views → update adding a key → recover
 * rotating the authentication key → deactivate (410); and each kind of bad input refused with its result code,
 * leaving the DDO state as it was.
 */
class IdentityEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestNode node;
    private static IdentityChain chain;

    @BeforeAll
    static void startNode() {
        node = TestNode.start();
        chain = new IdentityChain(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static JsonNode w3c(final String did) {
        final TestNode.Reply reply = node.fetch("/1.0/identifiers/" + did, "Accept", "application/did-resolution");
        assertThat(reply.contentType()).as(reply.status() + " " + reply.body()).startsWith("application/did-resolution");
        return ((ObjectNode) reply.json()).put("status", reply.status());
    }

    private static JsonNode bif(final String pathAndQuery) {
        final TestNode.Reply reply = node.fetch(pathAndQuery);
        assertThat(reply.status()).as("BIF answers are HTTP 200").isEqualTo(200);
        return reply.json();
    }

    @Test
    void aBidIsCreatedResolvedUpdatedRecoveredAndDeactivatedOverHttp() {
        final PrivateKey owner = TestTransactions.key(1);
        final PrivateKey recovery = TestTransactions.key(21);
        final PrivateKey rotated = TestTransactions.key(KeyType.SM2, 22);
        final String bid = TestTransactions.address(owner);

        final BidDocument created = BidDocuments.signed(BidDocuments.first(bid, owner, recovery, 0), owner, "#key-1");
        chain.succeeds(owner, DdoCalls.creation(created));
        final JsonNode document = bif("/" + bid).path("data").path("didDocument");
        assertThat(document.path("id").textValue()).isEqualTo(bid);
        assertThat(DocumentProofs.verify((ObjectNode) document, document.path("proof").path("signatureValue").textValue(),
            owner.publicKey())).as("served exactly as signed").isTrue();
        assertThat(w3c(bid).path("status").intValue()).isEqualTo(200);
        assertThat(w3c(bid).path("didDocument").path("verificationMethod")).hasSize(2);
        assertThat(bif("/" + bid + "?verify=true").path("data").path("verify").path("verified").booleanValue()).isTrue();

        // Update: add an SM2 key; authentication and recovery stay as they are.
        final List<PublicKeyEntry> threeKeys = List.of(created.publicKeys().get(0), created.publicKeys().get(1),
            new PublicKeyEntry(bid + "#key-3", bid, rotated.publicKey()));
        chain.succeeds(owner, DdoCalls.update(BidDocuments.signed(BidDocuments.document(bid, threeKeys,
            List.of(bid + "#key-1"), bid + "#key-2", 0, "2024-01-01T00:05:00Z"), owner, "#key-1")));
        assertThat(w3c(bid).path("didDocument").path("verificationMethod")).hasSize(3);
        assertThat(w3c(bid).path("didDocumentMetadata").path("updated").textValue()).isEqualTo("2024-01-01T00:05:00Z");
        assertThat(bif("/" + bid + "/public-keys/key-3").path("data").path("publicKey").path("type").textValue())
            .isEqualTo("SM2");

        // Recover: the recovery key makes key-3 the authentication key and drops key-1.
        chain.succeeds(owner, DdoCalls.recovery(BidDocuments.signed(BidDocuments.document(bid, threeKeys.subList(1, 3),
            List.of(bid + "#key-3"), bid + "#key-2", 0, "2024-01-01T00:10:00Z"), recovery, "#key-2")));
        assertThat(w3c(bid).path("didDocument").path("authentication")).extracting(JsonNode::textValue)
            .containsExactly(bid + "#key-3");
        assertThat(chain.ddo(owner, DdoCalls.update(BidDocuments.signed(BidDocuments.document(bid,
            threeKeys.subList(1, 3), List.of(bid + "#key-3"), bid + "#key-2", 0, "2024-01-01T00:11:00Z"), owner, "#key-1"))))
            .as("the old key no longer writes").isEqualTo(ResultCode.NO_PERMISSION);
        chain.succeeds(owner, DdoCalls.update(BidDocuments.signed(BidDocuments.document(bid, threeKeys.subList(1, 3),
            List.of(bid + "#key-3"), bid + "#key-2", 3_600, "2024-01-01T00:12:00Z"), rotated, "#key-3")));
        assertThat(w3c(bid).path("didDocumentMetadata").path("updated").textValue()).isEqualTo("2024-01-01T00:12:00Z");

        // Deactivate: 410 in the W3C view, 6 in BIF's, and nothing can bring it back.
        chain.succeeds(owner, DdoCalls.delete(bid, DdoCalls.deleteProof(bid, recovery, bid + "#key-2")));
        final JsonNode gone = w3c(bid);
        assertThat(gone.path("status").intValue()).isEqualTo(410);
        assertThat(gone.path("didDocument").isNull()).isTrue();
        assertThat(gone.path("didDocumentMetadata").path("deactivated").booleanValue()).isTrue();
        assertThat(bif("/" + bid).path("errorCode").intValue()).isEqualTo(ResultCode.NOT_FOUND.number());
        assertThat(chain.ddo(owner, DdoCalls.creation(created))).isEqualTo(ResultCode.ERROR);
    }

    @Test
    void badInputIsRefusedWithItsResultCodeAndChangesNothing() {
        final PrivateKey owner = TestTransactions.key(2);
        final PrivateKey recovery = TestTransactions.key(23);
        final String bid = TestTransactions.address(owner);
        final BidDocument unsigned = BidDocuments.first(bid, owner, recovery, 0);

        final ObjectNode tampered = BidDocumentCodec.toJson(BidDocuments.signed(unsigned, owner, "#key-1"));
        tampered.put("version", "2.0.0");
        refusedWithoutChange(bid, ResultCode.VERIFY_FAILED, () -> chain.ddo(owner, creationOf(tampered)));

        refusedWithoutChange(bid, ResultCode.NO_PERMISSION, () -> chain.ddo(owner,
            DdoCalls.creation(BidDocuments.signed(unsigned, recovery, "#key-2"))));

        final BidDocument oversized = withExtension(unsigned, new Extension(List.of(bid + "#key-2"), OptionalLong.empty(),
            Optional.empty(), 101, List.of(new Attribute("photo", Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.of(JSON.getNodeFactory().textNode("x".repeat(DocumentLimits.MAX_DOCUMENT_BYTES))))),
            List.of(), List.of()));
        refusedWithoutChange(bid, ResultCode.PROTOCOL_ERROR, () -> chain.ddo(owner,
            DdoCalls.creation(BidDocuments.signed(oversized, owner, "#key-1"))));

        final ObjectNode malformed = BidDocumentCodec.toJson(BidDocuments.signed(unsigned, owner, "#key-1"));
        malformed.put("@context", "https://www.w3.org/ns/did/v1");
        refusedWithoutChange(bid, ResultCode.PROTOCOL_ERROR, () -> chain.ddo(owner, creationOf(malformed)));
        refusedWithoutChange(bid, ResultCode.PROTOCOL_ERROR, () -> chain.ddo(owner, "{\"method\":\"creation\",\"params\":"));

        final BidDocument unknownAcCode = withExtension(unsigned, new Extension(List.of(bid + "#key-2"),
            OptionalLong.empty(), Optional.empty(), 101, List.of(), List.of("zzzz"), List.of()));
        refusedWithoutChange(bid, ResultCode.UNKNOWN_AC_CODE, () -> chain.ddo(owner,
            DdoCalls.creation(BidDocuments.signed(unknownAcCode, owner, "#key-1"))));
        final String subChainBid = owner.publicKey().address("zzzz").toString();
        refusedWithoutChange(subChainBid, ResultCode.UNKNOWN_AC_CODE, () -> chain.ddo(owner, DdoCalls.creation(
            BidDocuments.signed(BidDocuments.first(subChainBid, owner, recovery, 0), owner, "#key-1"))));
        assertThat(bif("/" + subChainBid).path("errorCode").intValue()).isEqualTo(ResultCode.UNKNOWN_AC_CODE.number());
    }

    /** Asserts the call's result code, and that the DDO account and the BID's resolution are as before. */
    private static void refusedWithoutChange(final String bid, final ResultCode expected, final Supplier<ResultCode> call) {
        final Optional<Account> before = node.node.ledger().account(DdoContract.ADDRESS);
        final JsonNode resolvedBefore = w3c(bid);
        assertThat(call.get()).isEqualTo(expected);
        assertThat(node.node.ledger().account(DdoContract.ADDRESS)).isEqualTo(before);
        assertThat(w3c(bid)).isEqualTo(resolvedBefore);
        assertThat(resolvedBefore.path("status").intValue()).isEqualTo(404);
    }

    private static String creationOf(final ObjectNode document) {
        final ObjectNode call = StrictJson.object().put("method", DdoCalls.CREATION);
        call.putObject("params").set("document", document);
        return StrictJson.write(call);
    }

    private static BidDocument withExtension(final BidDocument document, final Extension extension) {
        return new BidDocument(document.context(), document.version(), document.id(), document.publicKeys(),
            document.authentication(), document.alsoKnownAs(), extension, document.services(), document.created(),
            document.updated(), Optional.empty());
    }
}
