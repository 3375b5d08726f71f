package org.banyan.identity.ddo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.BidError;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.DdoChain;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.Proof;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;
import org.banyan.ledger.Outcome;
import org.banyan.protocol.Account;
import org.banyan.protocol.Contract;
import org.banyan.protocol.TransactionEnvStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DdoContractTest {

    private static final String LATER = "2023-11-14T22:05:00Z";
    private static final String LATEST = "2023-11-14T22:10:00Z";

    private final DdoChain chain = new DdoChain();
    private final PrivateKey alice = TestDocuments.key(1);
    private final PrivateKey aliceRecovery = TestDocuments.key(2);
    private final PrivateKey relayer = TestDocuments.key(3);
    private final String aliceBid = TestDocuments.bid(alice);

    @BeforeEach
    void fundAccounts() {
        chain.fund(alice);
        chain.fund(relayer);
    }

    private BidDocument aliceDocument() {
        return TestDocuments.signed(alice, aliceRecovery, TestDocuments.CREATED);
    }

    private ResultCode create(final PrivateKey source, final BidDocument document) {
        return DdoChain.resultOf(chain.call(source, DdoCalls.creation(document)));
    }

    /** A new version of alice's document with one more service, signed by {@code key} as {@code fragment}. */
    private BidDocument aliceVersion(final String updated, final PrivateKey key, final String fragment) {
        final BidDocument base = TestDocuments.document(alice, aliceRecovery, TestDocuments.CREATED);
        final List<Service> services = new ArrayList<>(base.services());
        services.add(Service.of(aliceBid + "#storage", "DIDStorage", "https://storage.example.com"));
        return TestDocuments.signedBy(new BidDocument(base.context(), base.version(), aliceBid, base.publicKeys(),
            base.authentication(), base.alsoKnownAs(), base.extension(), services, base.created(), updated,
            Optional.empty()), key, fragment);
    }

    /** Asserts that {@code action} is refused with {@code code} and leaves the DDO state exactly as it was. */
    private void refusedWithoutChange(final ResultCode code, final java.util.function.Supplier<TransactionEnvStore> action) {
        final Optional<Account> before = chain.ddoAccount();
        final Optional<BidRecord> aliceBefore = chain.record(aliceBid);
        final TransactionEnvStore result = action.get();
        assertThat(DdoChain.resultOf(result)).as(result.getErrorDesc()).isEqualTo(code);
        assertThat(chain.ddoAccount()).as("DDO account and its metadata root").isEqualTo(before);
        assertThat(chain.record(aliceBid)).isEqualTo(aliceBefore);
    }

    @Test
    void theOwnerCreatesItsDocumentAndAnyoneQueriesIt() {
        final BidDocument document = aliceDocument();
        final TransactionEnvStore result = chain.call(alice, DdoCalls.creation(document));

        assertThat(DdoChain.resultOf(result)).isEqualTo(ResultCode.SUCCESS);
        final Outcome<String> queried = chain.ledger.query(DdoContract.ADDRESS, DdoCalls.queryBid(aliceBid));
        assertThat(queried.value()).isEqualTo(CanonicalJson.text(BidDocumentCodec.toJson(document)));
        final BidRecord record = chain.record(aliceBid).orElseThrow();
        assertThat(record.created()).isEqualTo(TestDocuments.CREATED);
        assertThat(record.deactivated()).isFalse();
        assertThat(record.ledgerSeq()).isEqualTo(result.getLedgerSeq());

        final Account account = chain.ddoAccount().orElseThrow();
        assertThat(account.getContract().getType()).isEqualTo(Contract.ContractType.SYSTEM);
        assertThat(chain.ledger.accountProof(DdoContract.ADDRESS, result.getLedgerSeq()).orElseThrow()
            .account().orElseThrow().getMetadatasHash()).as("committed in the state tree").isNotEmpty();
    }

    @Test
    void aSelfSignedDocumentMayBeRelayedByAnyAccount() {
        assertThat(create(relayer, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.record(aliceBid)).isPresent();
    }

    @Test
    void nobodyCreatesADocumentForSomeoneElsesBid() {
        // The relayer puts its own key in a document for alice's BID and signs it: a squat.
        final BidDocument squat = TestDocuments.document(alice, aliceRecovery, TestDocuments.CREATED);
        final BidDocument withRelayerKey = new BidDocument(squat.context(), squat.version(), aliceBid,
            List.of(new PublicKeyEntry(aliceBid + "#key-1", aliceBid, relayer.publicKey()), squat.publicKeys().get(1)),
            squat.authentication(), squat.alsoKnownAs(), squat.extension(), squat.services(), squat.created(),
            squat.updated(), Optional.empty());
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(relayer,
            DdoCalls.creation(TestDocuments.signedBy(withRelayerKey, relayer, "#key-1"))));
        assertThat(create(alice, TestDocuments.signedBy(withRelayerKey, relayer, "#key-1")))
            .as("alice's own account may name any key").isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aWrongSignatureIsVerifyFailedAndChangesNothing() {
        final ObjectNode tampered = BidDocumentCodec.toJson(aliceDocument());
        tampered.put("version", "9.9.9");
        refusedWithoutChange(ResultCode.VERIFY_FAILED, () -> chain.call(alice, call("creation", tampered)));
    }

    @Test
    void aKeyOutsideAuthenticationHasNoPermission() {
        final BidDocument byRecoveryKey = TestDocuments.signedBy(TestDocuments.document(alice, aliceRecovery,
            TestDocuments.CREATED), aliceRecovery, "#key-2");
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.creation(byRecoveryKey)));
    }

    @Test
    void malformedAndOversizedDocumentsAreRefusedWithTheirCodes() {
        final ObjectNode missing = BidDocumentCodec.toJson(aliceDocument());
        missing.remove("created");
        refusedWithoutChange(ResultCode.FIELD_NOT_FOUND, () -> chain.call(alice, call("creation", missing)));

        final ObjectNode unsigned = BidDocumentCodec.toJson(aliceDocument().withProof(Optional.empty()));
        refusedWithoutChange(ResultCode.FIELD_NOT_FOUND, () -> chain.call(alice, call("creation", unsigned)));

        final ObjectNode oversized = BidDocumentCodec.toJson(aliceDocument().withProof(Optional.empty()));
        ((ObjectNode) oversized.get("extension").get("attributes").get(0)).put("value", "x".repeat(40_000));
        oversized.putObject("proof").put("creator", aliceBid + "#key-1")
            .put("signatureValue", DocumentProofs.signatureValue(oversized, alice));
        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, call("creation", oversized)));

        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, "{\"method\":\"creation\""));
        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, "{\"method\":\"creation\",\"params\":{},\"x\":1}"));
        refusedWithoutChange(ResultCode.FIELD_NOT_FOUND, () -> chain.call(alice, "{\"method\":\"creation\",\"params\":{}}"));
        refusedWithoutChange(ResultCode.UNSUPPORTED, () -> chain.call(alice, "{\"method\":\"burn\",\"params\":{}}"));
        refusedWithoutChange(ResultCode.UNSUPPORTED, () -> chain.call(alice, DdoCalls.queryBid(aliceBid)));
    }

    @Test
    void unknownAcCodesAreRefusedAndKnownSubChainBidsBelongToTheirSubChain() {
        final BidDocument base = TestDocuments.document(alice, aliceRecovery, TestDocuments.CREATED);
        final Extension withAcsns = new Extension(base.extension().recovery(), base.extension().ttl(),
            Optional.empty(), 102, List.of(), List.of("zz99"), List.of());
        final BidDocument naming = TestDocuments.signedBy(withExtension(base, withAcsns), alice, "#key-1");
        refusedWithoutChange(ResultCode.UNKNOWN_AC_CODE, () -> chain.call(alice, DdoCalls.creation(naming)));

        final String subChainBid = alice.publicKey().address("zz99").toString();
        final BidDocument subChain = TestDocuments.signedBy(withId(base, subChainBid), alice, "#key-1");
        refusedWithoutChange(ResultCode.UNKNOWN_AC_CODE, () -> chain.call(alice, DdoCalls.creation(subChain)));

        assertThat(create(chain.governance, acCodeDocument("zz99", alice))).isEqualTo(ResultCode.SUCCESS);
        assertThat(create(alice, naming)).isEqualTo(ResultCode.SUCCESS);
        assertThat(create(alice, subChain)).isEqualTo(ResultCode.UNSUPPORTED);
    }

    @Test
    void onlyGovernanceWritesAcCodeDocuments() {
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.creation(acCodeDocument("ab12", alice))));
        assertThat(chain.record("did:bid:ab12")).isEmpty();
        assertThat(create(chain.governance, acCodeDocument("ab12", alice))).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.record("did:bid:ab12").orElseThrow().documentJson().orElseThrow()).contains("DIDSubResolver");
    }

    @Test
    void aBidHasOneDocument() {
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        refusedWithoutChange(ResultCode.ERROR, () -> chain.call(alice, DdoCalls.creation(aliceDocument())));
    }

    @Test
    void aBatchIsWrittenWholeOrNotAtAll() {
        final List<BidDocument> documents = new ArrayList<>();
        for (int index = 10; index < 13; index++) {
            documents.add(TestDocuments.signed(TestDocuments.key(index), aliceRecovery, TestDocuments.CREATED));
        }
        final List<BidDocument> withBadLast = new ArrayList<>(documents);
        withBadLast.set(2, documents.get(2).withProof(Optional.of(new Proof(documents.get(2).id() + "#key-1", "3xyz"))));
        final TransactionEnvStore refused = chain.call(relayer, DdoCalls.creation(withBadLast));
        assertThat(DdoChain.resultOf(refused)).isEqualTo(ResultCode.VERIFY_FAILED);
        assertThat(refused.getErrorDesc()).contains("documents[2] (" + documents.get(2).id() + ")");
        assertThat(chain.record(documents.get(0).id())).as("the valid first document is not kept").isEmpty();

        assertThat(DdoChain.resultOf(chain.call(relayer, DdoCalls.creation(documents)))).isEqualTo(ResultCode.SUCCESS);
        documents.forEach(document -> assertThat(chain.record(document.id())).isPresent());
    }

    @Test
    void aTransactionWritesAtMostTheSdkLimitOfDocuments() {
        final List<BidDocument> documents = new ArrayList<>();
        for (int index = 0; index <= DdoContract.MAX_DOCUMENTS_PER_TRANSACTION; index++) {
            documents.add(TestDocuments.signed(TestDocuments.key(100 + index), aliceRecovery, TestDocuments.CREATED));
        }
        final TransactionEnvStore over = chain.call(relayer, DdoCalls.creation(documents.subList(0, 60)),
            DdoCalls.creation(documents.subList(60, 101)));
        assertThat(DdoChain.resultOf(over)).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(over.getErrorDesc()).contains("at most 100 documents; this call brings it to 101");
        assertThat(chain.record(documents.get(0).id())).isEmpty();

        final TransactionEnvStore atCap = chain.call(relayer, DdoCalls.creation(documents.subList(0, 60)),
            DdoCalls.creation(documents.subList(60, 100)));
        assertThat(DdoChain.resultOf(atCap)).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.record(documents.get(99).id())).isPresent();
    }

    @Test
    void updatesNeedAnAuthenticationKeyAndALaterTime() {
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        final BidDocument next = aliceVersion(LATER, alice, "#key-1");
        assertThat(DdoChain.resultOf(chain.call(relayer, DdoCalls.update(next)))).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.ledger.query(DdoContract.ADDRESS, DdoCalls.queryBid(aliceBid)).value()).contains("#storage");
        assertThat(chain.record(aliceBid).orElseThrow().updated()).isEqualTo(LATER);

        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, DdoCalls.update(next)));
        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, DdoCalls.update(
            aliceVersion("2023-11-14T22:01:00Z", alice, "#key-1"))));
        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, DdoCalls.update(
            aliceVersion("2023-11-14T23:00:00Z", alice, "#key-1"))));
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.update(
            aliceVersion(LATEST, aliceRecovery, "#key-2"))));
        final BidDocument tampered = aliceVersion(LATEST, alice, "#key-1");
        refusedWithoutChange(ResultCode.VERIFY_FAILED, () -> chain.call(alice, DdoCalls.update(tampered.withProof(
            Optional.of(new Proof(aliceBid + "#key-1", next.proof().orElseThrow().signatureValue()))))));
    }

    @Test
    void updatedMayRunAheadOfTheCloseTimeByTheSkewCapOnly() {
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        final String overCap = chain.nextCloseTimePlus(DdoContract.MAX_CLOCK_SKEW_SECONDS + 1);
        final TransactionEnvStore refused = chain.call(alice, DdoCalls.update(aliceVersion(overCap, alice, "#key-1")));
        assertThat(DdoChain.resultOf(refused)).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(refused.getErrorDesc()).contains("is later than the ledger's close time plus 300 s");
        final String atCap = chain.nextCloseTimePlus(DdoContract.MAX_CLOCK_SKEW_SECONDS);
        assertThat(DdoChain.resultOf(chain.call(alice, DdoCalls.update(aliceVersion(atCap, alice, "#key-1")))))
            .isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.record(aliceBid).orElseThrow().updated()).isEqualTo(atCap);
    }

    @Test
    void anUpdateMayNotTouchTheKeysOfAuthority() {
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        final BidDocument base = TestDocuments.document(alice, aliceRecovery, TestDocuments.CREATED);
        final PrivateKey mallory = TestDocuments.key(66);
        final BidDocument newRecoveryKey = new BidDocument(base.context(), base.version(), aliceBid,
            List.of(base.publicKeys().get(0), new PublicKeyEntry(aliceBid + "#key-2", aliceBid, mallory.publicKey())),
            base.authentication(), base.alsoKnownAs(), base.extension(), base.services(), base.created(), LATER,
            Optional.empty());
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.update(
            TestDocuments.signedBy(newRecoveryKey, alice, "#key-1"))));
        final BidDocument noRecovery = withExtension(withUpdated(base, LATER), Extension.of(102, List.of()));
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.update(
            TestDocuments.signedBy(noRecovery, alice, "#key-1"))));
    }

    @Test
    void writesToMissingOrChangedCreationAreRefused() {
        refusedWithoutChange(ResultCode.NOT_FOUND, () -> chain.call(alice, DdoCalls.update(aliceVersion(LATER, alice, "#key-1"))));
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        final BidDocument base = aliceVersion(LATER, alice, "#key-1");
        final BidDocument recreated = new BidDocument(base.context(), base.version(), aliceBid, base.publicKeys(),
            base.authentication(), base.alsoKnownAs(), base.extension(), base.services(), "2023-11-14T21:00:00Z", LATER,
            Optional.empty());
        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, DdoCalls.update(
            TestDocuments.signedBy(recreated, alice, "#key-1"))));
    }

    @Test
    void recoveryReplacesTheAuthenticationKeyWithARecoveryKeysProof() {
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        final PrivateKey fresh = TestDocuments.key(KeyType.SM2, 7);
        final BidDocument base = TestDocuments.document(alice, aliceRecovery, TestDocuments.CREATED);
        final BidDocument rotated = new BidDocument(base.context(), base.version(), aliceBid,
            List.of(new PublicKeyEntry(aliceBid + "#key-3", aliceBid, fresh.publicKey()), base.publicKeys().get(1)),
            List.of(aliceBid + "#key-3"), base.alsoKnownAs(), base.extension(), base.services(), base.created(), LATER,
            Optional.empty());
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.recovery(
            TestDocuments.signedBy(rotated, alice, "#key-1"))));
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.update(
            TestDocuments.signedBy(rotated, alice, "#key-1"))));

        assertThat(DdoChain.resultOf(chain.call(alice, DdoCalls.recovery(TestDocuments.signedBy(rotated, aliceRecovery,
            "#key-2"))))).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.ledger.query(DdoContract.ADDRESS, DdoCalls.queryBid(aliceBid)).value()).contains("#key-3")
            .doesNotContain(alice.publicKey().encoded());

        final BidDocument afterRotation = withUpdated(rotated, LATEST);
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.update(
            TestDocuments.signedBy(afterRotation, alice, "#key-1"))));
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(relayer, DdoCalls.update(
            TestDocuments.signedBy(afterRotation, fresh, "#key-3"))));
        assertThat(DdoChain.resultOf(chain.call(alice, DdoCalls.update(TestDocuments.signedBy(afterRotation, fresh,
            "#key-3"))))).as("from alice's own account").isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void theControllerOfTheSigningKeyMayWrite() {
        final PrivateKey device = TestDocuments.key(20);
        final String deviceBid = TestDocuments.bid(device);
        final String owner = TestDocuments.bid(relayer);
        final BidDocument base = TestDocuments.document(device, aliceRecovery, TestDocuments.CREATED);
        final BidDocument controlled = new BidDocument(base.context(), base.version(), deviceBid,
            List.of(new PublicKeyEntry(owner + "#key-1", owner, relayer.publicKey()), base.publicKeys().get(1)),
            List.of(owner + "#key-1"), List.of(), Extension.of(104, List.of(deviceBid + "#key-2")), List.of(),
            base.created(), base.updated(), Optional.empty());
        final BidDocument signed = DocumentProofs.sign(controlled, relayer, owner + "#key-1");
        assertThat(create(relayer, signed)).as("a new document's controller claim proves nothing")
            .isEqualTo(ResultCode.NO_PERMISSION);
        chain.fund(device);
        assertThat(create(device, signed)).isEqualTo(ResultCode.SUCCESS);

        final BidDocument next = DocumentProofs.sign(withUpdated(controlled, LATER), relayer, owner + "#key-1");
        assertThat(create(alice, next)).isEqualTo(ResultCode.ERROR);
        assertThat(DdoChain.resultOf(chain.call(alice, DdoCalls.update(next)))).isEqualTo(ResultCode.NO_PERMISSION);
        assertThat(DdoChain.resultOf(chain.call(relayer, DdoCalls.update(next)))).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void deleteDeactivatesForGoodWithARecoveryKey() {
        assertThat(create(alice, aliceDocument())).isEqualTo(ResultCode.SUCCESS);
        refusedWithoutChange(ResultCode.NO_PERMISSION, () -> chain.call(alice, DdoCalls.delete(aliceBid,
            DdoCalls.deleteProof(aliceBid, alice, aliceBid + "#key-1"))));
        refusedWithoutChange(ResultCode.VERIFY_FAILED, () -> chain.call(alice, DdoCalls.delete(aliceBid,
            DdoCalls.deleteProof(TestDocuments.bid(relayer), aliceRecovery, aliceBid + "#key-2"))));
        refusedWithoutChange(ResultCode.PROTOCOL_ERROR, () -> chain.call(alice, "{\"method\":\"delete\",\"params\":"
            + "{\"id\":\"" + aliceBid + "\",\"proof\":{\"creator\":\"x\",\"signatureValue\":\"y\"},\"reason\":\"z\"}}"));

        final TransactionEnvStore deleted = chain.call(alice, DdoCalls.delete(aliceBid,
            DdoCalls.deleteProof(aliceBid, aliceRecovery, aliceBid + "#key-2")));
        assertThat(DdoChain.resultOf(deleted)).isEqualTo(ResultCode.SUCCESS);
        final BidRecord record = chain.record(aliceBid).orElseThrow();
        assertThat(record.deactivated()).isTrue();
        assertThat(record.documentJson()).as("emptied, not removed").isEmpty();
        assertThat(record.ledgerSeq()).isEqualTo(deleted.getLedgerSeq());
        assertThat(record.updated()).isEqualTo("2023-11-14T22:13:" + (20 + deleted.getLedgerSeq() - 1) + "Z");

        final Outcome<String> query = chain.ledger.query(DdoContract.ADDRESS, DdoCalls.queryBid(aliceBid));
        assertThat(ContractFailure.fromDescription(query.error().message()).map(BidError::code)).contains(ResultCode.NOT_FOUND);
        refusedWithoutChange(ResultCode.ERROR, () -> chain.call(alice, DdoCalls.creation(aliceDocument())));
        refusedWithoutChange(ResultCode.ERROR, () -> chain.call(alice, DdoCalls.update(aliceVersion(LATER, alice, "#key-1"))));
        refusedWithoutChange(ResultCode.ERROR, () -> chain.call(alice, DdoCalls.delete(aliceBid,
            DdoCalls.deleteProof(aliceBid, aliceRecovery, aliceBid + "#key-2"))));
    }

    @Test
    void queriesAnswerWithResultCodes() {
        final Outcome<String> missing = chain.ledger.query(DdoContract.ADDRESS, DdoCalls.queryBid(aliceBid));
        assertThat(ContractFailure.fromDescription(missing.error().message()).orElseThrow().code()).isEqualTo(ResultCode.NOT_FOUND);
        final Outcome<String> invalid = chain.ledger.query(DdoContract.ADDRESS, DdoCalls.queryBid("did:bid:x"));
        assertThat(ContractFailure.fromDescription(invalid.error().message()).orElseThrow().code()).isEqualTo(ResultCode.PROTOCOL_ERROR);
        final Outcome<String> noId = chain.ledger.query(DdoContract.ADDRESS, "{\"method\":\"queryBid\",\"params\":{}}");
        assertThat(ContractFailure.fromDescription(noId.error().message()).orElseThrow().code()).isEqualTo(ResultCode.FIELD_NOT_FOUND);
        final Outcome<String> write = chain.ledger.query(DdoContract.ADDRESS, DdoCalls.creation(aliceDocument()));
        assertThat(ContractFailure.fromDescription(write.error().message()).orElseThrow().code()).isEqualTo(ResultCode.UNSUPPORTED);
    }

    @Test
    void theErrorDescriptionCarriesTheRfcResponse() {
        final ObjectNode tampered = BidDocumentCodec.toJson(aliceDocument());
        tampered.put("version", "9.9.9");
        final TransactionEnvStore result = chain.call(alice, call("creation", tampered));
        assertThat(result.getErrorCode()).isEqualTo(151);
        assertThat(result.getErrorDesc()).startsWith("operation 0 (PAY_COIN) failed: {\"errorCode\":9,\"message\":");
        assertThat(ContractFailure.fromDescription("no json here")).isEmpty();
        assertThat(ContractFailure.fromDescription("{\"errorCode\":0,\"message\":\"ok\"}")).isEmpty();
    }

    @Test
    void sm2DocumentsWorkEndToEnd() {
        final PrivateKey sm2 = TestDocuments.key(KeyType.SM2, 1);
        final PrivateKey sm2Recovery = TestDocuments.key(KeyType.SM2, 2);
        assertThat(create(relayer, TestDocuments.signed(sm2, sm2Recovery, TestDocuments.CREATED))).isEqualTo(ResultCode.SUCCESS);
        final String bid = TestDocuments.bid(sm2);
        assertThat(DdoChain.resultOf(chain.call(relayer, DdoCalls.delete(bid, DdoCalls.deleteProof(bid, sm2Recovery,
            bid + "#key-2"))))).as("the recovery key's controller is the BID, so the relayer may not").isEqualTo(ResultCode.NO_PERMISSION);
        chain.fund(sm2);
        assertThat(DdoChain.resultOf(chain.call(sm2, DdoCalls.delete(bid, DdoCalls.deleteProof(bid, sm2Recovery,
            bid + "#key-2"))))).isEqualTo(ResultCode.SUCCESS);
    }

    private static String call(final String method, final ObjectNode document) {
        final ObjectNode call = StrictJson.object().put("method", method);
        call.putObject("params").set("document", document);
        return StrictJson.write(call);
    }

    private BidDocument acCodeDocument(final String acCode, final PrivateKey key) {
        final String id = "did:bid:" + acCode;
        final String keyOwner = TestDocuments.bid(key);
        final BidDocument document = new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id,
            List.of(new PublicKeyEntry(keyOwner + "#key-1", keyOwner, key.publicKey())), List.of(keyOwner + "#key-1"),
            List.of(), Extension.of(206, List.of()), List.of(new Service(id + "#subResolver", "DIDSubResolver",
                "resolver." + acCode + ".example.com", Optional.of("1.0.0"), java.util.OptionalInt.of(3),
                java.util.OptionalInt.of(0), java.util.OptionalInt.empty())), TestDocuments.CREATED,
            TestDocuments.CREATED, Optional.empty());
        return DocumentProofs.sign(document, key, keyOwner + "#key-1");
    }

    private static BidDocument withExtension(final BidDocument base, final Extension extension) {
        return new BidDocument(base.context(), base.version(), base.id(), base.publicKeys(), base.authentication(),
            base.alsoKnownAs(), extension, base.services(), base.created(), base.updated(), Optional.empty());
    }

    private static BidDocument withUpdated(final BidDocument base, final String updated) {
        return new BidDocument(base.context(), base.version(), base.id(), base.publicKeys(), base.authentication(),
            base.alsoKnownAs(), base.extension(), base.services(), base.created(), updated, Optional.empty());
    }

    private static BidDocument withId(final BidDocument base, final String id) {
        return new BidDocument(base.context(), base.version(), id,
            base.publicKeys().stream().map(key -> new PublicKeyEntry(id + key.id().substring(key.id().indexOf('#')), id,
                key.publicKey())).toList(),
            base.authentication().stream().map(ref -> id + ref.substring(ref.indexOf('#'))).toList(), List.of(),
            Extension.of(102, base.extension().recovery().stream().map(ref -> id + ref.substring(ref.indexOf('#'))).toList()),
            List.of(), base.created(), base.updated(), Optional.empty());
    }
}
