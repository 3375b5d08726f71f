package org.banyan.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;
import org.banyan.trie.Change;
import org.banyan.trie.Node;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.TreeUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountProofVerifierTest {

    private static final String PRESENT = TestKeys.ed25519(1).publicKey().address().toString();
    private static final String OTHER = TestKeys.ed25519(2).publicKey().address().toString();
    private static final String ABSENT = TestKeys.ed25519(3).publicKey().address().toString();

    private final Map<ByteBuffer, byte[]> nodes = new HashMap<>();
    private byte[] root;
    private ByteString presentBlob;
    private LedgerHeader header;

    @BeforeEach
    void buildStateWithTwoAccounts() {
        presentBlob = Account.newBuilder().setAddress(PRESENT).setBalance(500).setNonce(2).build().toByteString();
        ByteString otherBlob = Account.newBuilder().setAddress(OTHER).setBalance(7).build().toByteString();
        TreeUpdate update = SparseMerkleTree.update(this::node, SparseMerkleTree.emptyRoot(), List.of(
                Change.put(AccountProofVerifier.accountKey(PRESENT), Hashes.sha256(presentBlob.toByteArray())),
                Change.put(AccountProofVerifier.accountKey(OTHER), Hashes.sha256(otherBlob.toByteArray()))));
        for (Node node : update.newNodes()) {
            nodes.put(ByteBuffer.wrap(node.hash()), node.encoded());
        }
        root = update.root();
        header = sealed(LedgerHeader.newBuilder().setSeq(9).setCloseTime(1_000).setTxCount(2)
                .setAccountTreeHash(ByteString.copyFrom(root)).build());
    }

    @Test
    void aPresentAccountVerifiesAndYieldsItsContent() {
        ProofVerification result = AccountProofVerifier.verify(presentResponse(header, presentBlob));

        assertThat(result).isInstanceOf(ProofVerification.AccountPresent.class);
        assertThat(((ProofVerification.AccountPresent) result).account().getBalance()).isEqualTo(500);
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void anAbsentAccountVerifies() {
        ProofVerification result = AccountProofVerifier.verify(absentResponse(ABSENT));

        assertThat(result).isEqualTo(new ProofVerification.AccountAbsent(header, ABSENT));
    }

    @Test
    void aTrustedHeaderHashIsEnforced() {
        AccountProofResponse response = presentResponse(header, presentBlob);

        assertThat(AccountProofVerifier.verify(response, header.getHash().toByteArray()).isValid()).isTrue();
        assertThat(AccountProofVerifier.verify(response, new byte[32]))
                .isInstanceOf(ProofVerification.Invalid.class);
    }

    @Test
    void aTamperedAccountBlobIsInvalid() {
        ByteString richer = Account.newBuilder().setAddress(PRESENT).setBalance(1_000_000).setNonce(2).build()
                .toByteString();

        assertThat(invalidReason(presentResponse(header, richer))).contains("does not show account");
    }

    @Test
    void aBlobOfAnotherAccountIsInvalid() {
        ByteString other = Account.newBuilder().setAddress(OTHER).setBalance(7).build().toByteString();

        assertThat(invalidReason(presentResponse(header, other))).contains("is for " + OTHER);
    }

    @Test
    void aBlobThatIsNotAnAccountIsInvalid() {
        assertThat(invalidReason(presentResponse(header, ByteString.copyFrom(new byte[] {(byte) 0xFF, 1}))))
                .contains("not a protobuf Account");
    }

    @Test
    void claimingAPresentAccountIsAbsentIsInvalid() {
        AccountProofResponse lie = new AccountProofResponse(PRESENT, 9, header, Optional.empty(), proofBytes(PRESENT));

        assertThat(invalidReason(lie)).contains("is absent");
    }

    @Test
    void aHeaderWhoseHashDoesNotMatchItsContentIsInvalid() {
        LedgerHeader forged = header.toBuilder().setTxCount(3).build();

        assertThat(invalidReason(presentResponse(forged, presentBlob))).contains("hashes to");
    }

    @Test
    void aHeaderOfAnotherLedgerIsInvalid() {
        AccountProofResponse response = new AccountProofResponse(PRESENT, 8, header, Optional.of(presentBlob),
                proofBytes(PRESENT));

        assertThat(invalidReason(response)).contains("for ledger 8");
    }

    @Test
    void aMalformedProofIsInvalid() {
        AccountProofResponse response = new AccountProofResponse(PRESENT, 9, header, Optional.of(presentBlob),
                ByteString.copyFrom(new byte[] {1, 2, 3}));

        assertThat(invalidReason(response)).contains("malformed");
    }

    @Test
    void theHeaderHashIsSha256OfTheHeaderWithoutItsHashField() {
        LedgerHeader unsealed = header.toBuilder().clearHash().build();

        assertThat(AccountProofVerifier.ledgerHeaderHash(header))
                .isEqualTo(Hashes.sha256(unsealed.toByteArray()))
                .isEqualTo(header.getHash().toByteArray());
    }

    private Optional<byte[]> node(byte[] hash) {
        return Optional.ofNullable(nodes.get(ByteBuffer.wrap(hash)));
    }

    private static LedgerHeader sealed(LedgerHeader header) {
        return header.toBuilder().setHash(ByteString.copyFrom(AccountProofVerifier.ledgerHeaderHash(header))).build();
    }

    private ByteString proofBytes(String address) {
        return ByteString.copyFrom(SparseMerkleTree.prove(this::node, root, AccountProofVerifier.accountKey(address))
                .encode());
    }

    private AccountProofResponse presentResponse(LedgerHeader ledgerHeader, ByteString blob) {
        return new AccountProofResponse(PRESENT, ledgerHeader.getSeq(), ledgerHeader, Optional.of(blob),
                proofBytes(PRESENT));
    }

    private AccountProofResponse absentResponse(String address) {
        return new AccountProofResponse(address, 9, header, Optional.empty(), proofBytes(address));
    }

    private static String invalidReason(AccountProofResponse response) {
        ProofVerification result = AccountProofVerifier.verify(response);
        assertThat(result).isInstanceOf(ProofVerification.Invalid.class);
        return ((ProofVerification.Invalid) result).reason();
    }
}
