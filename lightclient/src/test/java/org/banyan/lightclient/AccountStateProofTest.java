package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Map;
import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;
import org.junit.jupiter.api.Test;

/** Accounts of the followed chain proven against an anchor, through the anchored ledger's header. */
class AccountStateProofTest {

    private static final String ALICE = "did:bid:efAlice";

    private final TestState state = new TestState().put(ALICE, Map.of("k", "v"));
    private final LedgerHeader ledger = TestChain.ledger(2 - 1, TestChain.CHAIN_ID, state.root().toByteArray());
    private final Anchor anchor = anchorOf(ledger);

    @Test
    void provesAnAccountAtTheAnchoredLedger() throws Exception {
        final AccountStateProof proof = new AccountStateProof(ledger.toByteString(), state.accountProof(ALICE));

        assertThat(proof.verify(anchor, ALICE)).isEqualTo(new Proven.Present<>(Account.parseFrom(state.record(ALICE))));
    }

    @Test
    void provesAnAbsentAccount() {
        final String nobody = "did:bid:efNobody";
        final AccountStateProof proof = new AccountStateProof(ledger.toByteString(), state.accountProof(nobody));

        assertThat(proof.verify(anchor, nobody)).isEqualTo(new Proven.Absent<>());
    }

    @Test
    void refusesALedgerOtherThanTheAnchoredOne() {
        final Anchor later = anchorOf(TestChain.ledger(2, TestChain.CHAIN_ID, state.root().toByteArray()));
        final AccountStateProof proof = new AccountStateProof(ledger.toByteString(), state.accountProof(ALICE));

        assertThat(proof.verify(later, ALICE)).isEqualTo(new Proven.Invalid<>("the proof's ledger 1 with hash "
                + Bytes.hex(ledger.getHash()) + " is not the anchored ledger 2 with hash "
                + Bytes.hex(later.ledgerHash())));
    }

    @Test
    void refusesALedgerHeaderWhoseHashFieldLies() {
        final LedgerHeader lying = ledger.toBuilder().setHash(ByteString.copyFrom(new byte[32])).build();
        final AccountStateProof proof = new AccountStateProof(lying.toByteString(), state.accountProof(ALICE));

        assertThat(proof.verify(anchor, ALICE)).isEqualTo(new Proven.Invalid<>("the ledger header's hash field "
                + "00".repeat(32) + " is not its hash " + Bytes.hex(ledger.getHash())));
    }

    @Test
    void roundTripsAndRefusesMalformedBytes() {
        final AccountStateProof proof = new AccountStateProof(ledger.toByteString(), state.accountProof(ALICE));
        final byte[] encoded = proof.encode();

        assertThat(AccountStateProof.decode(encoded)).isEqualTo(Checked.ok(proof));
        assertThat(AccountStateProof.fromBase64(proof.toBase64())).isEqualTo(Checked.ok(proof));
        for (int length = 0; length < encoded.length; length++) {
            assertThat(AccountStateProof.decode(Arrays.copyOf(encoded, length))).isInstanceOf(Checked.Invalid.class);
        }
        assertThat(AccountStateProof.decode(Arrays.copyOf(encoded, encoded.length + 2)))
                .isEqualTo(Checked.invalid("an account state proof has 2 trailing bytes"));
        final byte[] otherKind = encoded.clone();
        otherKind[0] = 2;
        assertThat(AccountStateProof.decode(otherKind))
                .isEqualTo(Checked.invalid("an account state proof opens with kind 3, got 2"));
        assertThat(AccountStateProof.decode(new byte[AccountStateProof.MAX_ENCODED_BYTES + 1]))
                .isInstanceOf(Checked.Invalid.class);
    }

    @Test
    void provesAgainstALedgerHeaderAtItsCap() {
        LedgerHeader padded = ledger;
        for (int length = Limits.MAX_LEDGER_HEADER_BYTES - ledger.getSerializedSize() - 3;
             padded.getSerializedSize() != Limits.MAX_LEDGER_HEADER_BYTES; length++) {
            padded = TestChain.seal(ledger.toBuilder().clearHash().setReserve("r".repeat(length)).build());
        }
        final Anchor paddedAnchor = anchorOf(padded);
        final AccountStateProof proof = new AccountStateProof(padded.toByteString(), state.accountProof(ALICE));

        assertThat(AccountStateProof.decode(proof.encode())).isEqualTo(Checked.ok(proof));
        assertThat(proof.verify(paddedAnchor, ALICE)).isInstanceOf(Proven.Present.class);
        final ByteString overCap = padded.toByteString().concat(ByteString.copyFrom(new byte[1]));
        assertThatThrownBy(() -> new AccountStateProof(overCap, proof.account()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a proof's ledger header is at most " + Limits.MAX_LEDGER_HEADER_BYTES + " bytes, got "
                        + (Limits.MAX_LEDGER_HEADER_BYTES + 1));
    }

    /** The anchor of a fresh chain's height whose previous ledger is {@code previousLedger}. */
    private static Anchor anchorOf(final LedgerHeader previousLedger) {
        final TestChain chain = new TestChain(TestChain.keys(0, 4));
        final Follower follower = new Follower(chain.client());
        while (chain.nextLedgerSeq() < previousLedger.getSeq()) {
            follower.offer(chain.next());
        }
        final UpdateResult result = follower.offer(chain.next(previousLedger));
        assertThat(result).isInstanceOf(UpdateResult.Accepted.class);
        return ((UpdateResult.Accepted) result).anchor();
    }
}
