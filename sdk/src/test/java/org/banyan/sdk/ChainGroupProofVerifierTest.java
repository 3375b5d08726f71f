package org.banyan.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.SignBytes;
import org.banyan.consensus.Validator;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.chaingroup.ValidatorEntry;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A malformed {@code /chaingroup/proof} answer (a field missing, not text, not base64, not the right bytes) is refused
 * with an {@link IllegalArgumentException} naming what is wrong, never another exception: the node that answered is
 * not trusted, so its answer is input like any other.
 */
class ChainGroupProofVerifierTest {

    private static final long MAIN_CHAIN_ID = 9;
    private static final long POWER = 10;
    private static final String AC = "abcd";
    private static final String TX_HASH = "00".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey SUPER_NODE = TestKeys.ed25519(7);
    private static final PrivateKey STRANGER = TestKeys.ed25519(8);

    private final ChainGroupProofVerifier verifier = ChainGroupProofVerifier.trusting(MAIN_CHAIN_ID,
        List.of(ValidatorEntry.newBuilder().setPublicKey(SUPER_NODE.publicKey().encoded()).setPower(POWER).build()));

    @ParameterizedTest
    @ValueSource(strings = {"certified_header", "anchor_proof"})
    void aMissingFieldIsNamed(final String field) {
        ObjectNode response = response(certified(SUPER_NODE));
        response.remove(field);
        assertRefusedEverywhere(response, "the proof response has no '" + field + "'");
    }

    @Test
    void anAnchorProofOfNothingIsRefusedBeforeTheSubChainProofIsRead() {
        // A valid certified header with a proof of nothing: the anchor proof fails before the sub-chain proof is read.
        assertRefusedEverywhere(response(certified(SUPER_NODE)), "the anchor proof is invalid");
    }

    @Test
    void aFieldThatIsNotTextIsRefused() {
        ObjectNode response = response(certified(SUPER_NODE));
        response.put("certified_header", 42);
        assertRefusedEverywhere(response, "the proof response has no 'certified_header'");
        response = response(certified(SUPER_NODE));
        response.putObject("anchor_proof");
        assertRefusedEverywhere(response, "the proof response has no 'anchor_proof'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "QUJD=", "QUJDRA==="})
    void aCertifiedHeaderThatIsNotBase64IsRefused(final String text) {
        assertRefusedEverywhere(response(certified(SUPER_NODE)).put("certified_header", text),
            "the certified main-chain header is invalid", "base64");
    }

    @Test
    void aCertifiedHeaderOfWrongBytesIsRefused() {
        String garbage = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xff, 0x01, 0x02});
        assertRefusedEverywhere(response(certified(SUPER_NODE)).put("certified_header", garbage),
            "the certified main-chain header is invalid", "does not parse");
        // Empty text is the base64 of no bytes: an empty header, which is incomplete rather than undecodable.
        assertRefusedEverywhere(response(certified(SUPER_NODE)).put("certified_header", ""),
            "not certified by the trusted super nodes", "needs its header, its certificate and its previous ledger");
    }

    @Test
    void aHeaderNotCertifiedByTheTrustedSuperNodesIsRefused() {
        assertRefusedEverywhere(response(certified(STRANGER)), "not certified by the trusted super nodes");
        assertRefusedEverywhere(response(with(certified(SUPER_NODE), header -> header.clearCertificate())),
            "not certified by the trusted super nodes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "QUJD=", "AAAA"})
    void anAnchorProofThatIsNotAProofIsRefused(final String text) {
        assertRefusedEverywhere(response(certified(SUPER_NODE)).put("anchor_proof", text), "the anchor proof is invalid");
    }

    @Test
    void aNullOrEmptyResponseIsRefused() {
        assertRefusedEverywhere(JSON.createObjectNode(), "the proof response has no 'certified_header'");
        assertRefusedEverywhere(JSON.nullNode(), "the proof response has no 'certified_header'");
    }

    @Test
    void aMalformedTrustedSetIsRefusedWhenTheVerifierIsMade() {
        assertThatThrownBy(() -> ChainGroupProofVerifier.trusting(MAIN_CHAIN_ID, List.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the super-node set is invalid");
        assertThatThrownBy(() -> ChainGroupProofVerifier.trusting(MAIN_CHAIN_ID,
            List.of(ValidatorEntry.newBuilder().setPublicKey("b0656bad").setPower(POWER).build())))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("super node b0656bad is invalid");
    }

    private void assertRefusedEverywhere(final com.fasterxml.jackson.databind.JsonNode response,
                                         final String... phrases) {
        assertThatThrownBy(() -> verifier.verifyTransaction(response, AC, TX_HASH))
            .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(phrases);
        assertThatThrownBy(() -> verifier.verifyAccount(response, AC, "did:bid:" + AC + ":zf"))
            .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(phrases);
    }

    /** A proof response around {@code certified}, with an anchor proof that proves nothing. */
    private static ObjectNode response(final CertifiedHeader certified) {
        String empty = Base64.getEncoder().encodeToString(new byte[] {0});
        return JSON.createObjectNode().put("ac", AC).put("anchored_height", 5).put("main_chain_height", 3)
            .put("certified_header", Base64.getEncoder().encodeToString(certified.toByteArray()))
            .put("anchor_proof", empty).put("transaction_proof", empty).put("account_proof", empty);
    }

    private static CertifiedHeader with(final CertifiedHeader certified, final Consumer<CertifiedHeader.Builder> change) {
        CertifiedHeader.Builder builder = certified.toBuilder();
        change.accept(builder);
        return builder.build();
    }

    /** Main-chain height 3, signed by {@code signer} alone, whose previous ledger is ledger 2. */
    private static CertifiedHeader certified(final PrivateKey signer) {
        LedgerHeader unsealed = LedgerHeader.newBuilder().setSeq(2).setChainId(MAIN_CHAIN_ID).setVersion(1000)
            .setCloseTime(1_700_000_000_000_000L).setTxCount(4)
            .setAccountTreeHash(ByteString.copyFrom(Hashes.sha256(new byte[] {2})))
            .setPreviousHash(ByteString.copyFrom(Hashes.sha256(new byte[] {1}))).build();
        LedgerHeader ledger = unsealed.toBuilder()
            .setHash(ByteString.copyFrom(AccountProofVerifier.ledgerHeaderHash(unsealed))).build();
        ByteString validatorsHash = ValidatorSet.of(List.of(new Validator(SUPER_NODE.publicKey(), POWER))).hash();
        BlockHeader header = BlockHeader.newBuilder().setHeight(3).setCloseTime(1_700_000_001_000_000L)
            .setPreviousHash(ByteString.copyFrom(Hashes.sha256(new byte[] {3})))
            .setTransactionsRoot(ByteString.copyFrom(Hashes.sha256(new byte[0])))
            .setEvidenceHash(ByteString.copyFrom(Hashes.sha256(new byte[] {4})))
            .setValidatorsHash(validatorsHash).setNextValidatorsHash(validatorsHash)
            .setProposer(SUPER_NODE.publicKey().address().toString())
            .setPreviousLedgerHash(ledger.getHash()).build();
        ByteString blockId = BlockId.of(header).bytes();
        Vote unsigned = Vote.newBuilder().setHeight(3).setRound(0).setType(VoteType.PRECOMMIT).setBlockId(blockId)
            .setValidator(signer.publicKey().address().toString()).build();
        CommitCertificate certificate = CommitCertificate.newBuilder().setHeight(3).setRound(0).setBlockId(blockId)
            .addPrecommits(unsigned.toBuilder().setSignature(ByteString.copyFrom(
                signer.sign(SignBytes.of(MAIN_CHAIN_ID, unsigned))))).build();
        return CertifiedHeader.newBuilder().setHeader(header).setCertificate(certificate).setPreviousLedger(ledger)
            .build();
    }
}
