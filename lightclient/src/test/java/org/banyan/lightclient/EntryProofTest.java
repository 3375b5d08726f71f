package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Map;
import org.banyan.protocol.KeyPair;
import org.junit.jupiter.api.Test;

/** Entry proofs: presence, absence, every way a proof can be for something else, the codec and its caps. */
class EntryProofTest {

    private static final String CHAIN_GROUP = "did:bid:efChainGroupContract";
    private static final String OTHER = "did:bid:efOtherAccount";

    private final TestState state = new TestState()
            .put(CHAIN_GROUP, Map.of("order/abcd/1", "{\"kind\":\"freeze_account\"}", "order/abcd/2", "{}"))
            .put(OTHER, Map.of());

    @Test
    void provesAPresentEntry() {
        assertThat(state.entryProof(CHAIN_GROUP, "order/abcd/1").verify(state.root(), CHAIN_GROUP, "order/abcd/1"))
                .isEqualTo(new Proven.Present<>("{\"kind\":\"freeze_account\"}"));
    }

    @Test
    void provesAnAbsentEntryOfAPresentAccount() {
        assertThat(state.entryProof(CHAIN_GROUP, "order/abcd/3").verify(state.root(), CHAIN_GROUP, "order/abcd/3"))
                .isEqualTo(new Proven.Absent<>());
    }

    @Test
    void provesAnAbsentEntryOfAnAccountWithoutMetadata() {
        assertThat(state.entryProof(OTHER, "order/abcd/1").verify(state.root(), OTHER, "order/abcd/1"))
                .isEqualTo(new Proven.Absent<>());
    }

    @Test
    void provesAnEntryOfAnAbsentAccountAbsent() {
        final String nobody = "did:bid:efNobody";

        assertThat(state.entryProof(nobody, "k").verify(state.root(), nobody, "k")).isEqualTo(new Proven.Absent<>());
    }

    @Test
    void refusesAProofOfAnotherKey() {
        final EntryProof proof = state.entryProof(CHAIN_GROUP, "order/abcd/1");

        assertThat(proof.verify(state.root(), CHAIN_GROUP, "order/abcd/2"))
                .isEqualTo(new Proven.Invalid<>("the entry is \"order/abcd/1\", not \"order/abcd/2\""));
    }

    @Test
    void refusesAProofOfAnotherAccount() {
        final EntryProof proof = state.entryProof(CHAIN_GROUP, "order/abcd/1");

        assertThat(proof.verify(state.root(), OTHER, "order/abcd/1"))
                .isEqualTo(new Proven.Invalid<>("the account record is of " + CHAIN_GROUP + ", not " + OTHER));
    }

    @Test
    void refusesAProofAgainstAnotherStateRoot() {
        final EntryProof proof = state.entryProof(CHAIN_GROUP, "order/abcd/1");
        final ByteString otherRoot = new TestState().put(OTHER, Map.of()).root();

        assertThat(proof.verify(otherRoot, CHAIN_GROUP, "order/abcd/1")).isInstanceOf(Proven.Invalid.class);
        assertThat(proof.verify(ByteString.copyFrom(new byte[5]), CHAIN_GROUP, "order/abcd/1"))
                .isEqualTo(new Proven.Invalid<>("a state root has 32 bytes, got 5"));
    }

    @Test
    void refusesAPresentEntryPassedOffAsAbsent() {
        final EntryProof present = state.entryProof(CHAIN_GROUP, "order/abcd/1");
        final EntryProof hidden = new EntryProof(present.account(), ByteString.EMPTY, present.entryProof());

        assertThat(hidden.verify(state.root(), CHAIN_GROUP, "order/abcd/1")).isEqualTo(new Proven.Invalid<>(
                "the proof does not show that " + CHAIN_GROUP + " has no entry \"order/abcd/1\""));
    }

    @Test
    void refusesAnEntryWithAnotherValue() {
        final EntryProof present = state.entryProof(CHAIN_GROUP, "order/abcd/1");
        final ByteString forged = KeyPair.newBuilder().setKey("order/abcd/1").setValue("{}").setVersion(1).build()
                .toByteString();

        assertThat(new EntryProof(present.account(), forged, present.entryProof())
                .verify(state.root(), CHAIN_GROUP, "order/abcd/1")).isEqualTo(new Proven.Invalid<>(
                        "the proof does not show entry \"order/abcd/1\" of " + CHAIN_GROUP + " with this value"));
    }

    @Test
    void refusesAnEntryNamedForAnAbsentAccount() {
        final EntryProof present = state.entryProof(CHAIN_GROUP, "order/abcd/1");
        final String nobody = "did:bid:efNobody";
        final EntryProof absent = state.entryProof(nobody, "order/abcd/1");

        assertThat(new EntryProof(absent.account(), present.entry(), present.entryProof())
                .verify(state.root(), nobody, "order/abcd/1")).isEqualTo(new Proven.Invalid<>(
                        "the account " + nobody + " is absent, yet the proof names an entry"));
    }

    @Test
    void roundTripsThroughBytesAndBase64() {
        final EntryProof proof = state.entryProof(CHAIN_GROUP, "order/abcd/2");

        assertThat(EntryProof.decode(proof.encode())).isEqualTo(Checked.ok(proof));
        assertThat(EntryProof.fromBase64(proof.toBase64())).isEqualTo(Checked.ok(proof));
    }

    @Test
    void refusesMalformedBytes() {
        final byte[] encoded = state.entryProof(CHAIN_GROUP, "order/abcd/2").encode();

        assertThat(EntryProof.decode(new byte[0])).isEqualTo(Checked.invalid("an entry proof is truncated in kind"));
        assertThat(EntryProof.decode(new byte[] {3})).isEqualTo(Checked.invalid("an entry proof opens with kind 2,"
                + " got 3"));
        for (int length = 1; length < encoded.length; length++) {
            assertThat(EntryProof.decode(Arrays.copyOf(encoded, length))).isInstanceOf(Checked.Invalid.class);
        }
        assertThat(EntryProof.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isEqualTo(Checked.invalid("an entry proof has 1 trailing bytes"));
        assertThat(EntryProof.fromBase64("%%%")).isEqualTo(Checked.invalid("an entry proof must be canonical base64"
                + " of at most " + EntryProof.MAX_ENCODED_BYTES + " bytes"));
    }

    @Test
    void refusesALengthPastAPartsCap() {
        final byte[] header = {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        final int overCap = Limits.MAX_ENTRY_BYTES + 1;
        header[9] = (byte) (overCap >>> 24);
        header[10] = (byte) (overCap >>> 16);
        header[11] = (byte) (overCap >>> 8);
        header[12] = (byte) overCap;

        assertThat(EntryProof.decode(header)).isEqualTo(Checked.invalid("an entry proof: entry is at most "
                + Limits.MAX_ENTRY_BYTES + " bytes, got " + overCap));
    }

    @Test
    void refusesEncodedBytesPastTheCap() {
        assertThat(EntryProof.decode(new byte[EntryProof.MAX_ENCODED_BYTES + 1])).isEqualTo(Checked.invalid(
                "an entry proof is at most " + EntryProof.MAX_ENCODED_BYTES + " bytes, got "
                        + (EntryProof.MAX_ENCODED_BYTES + 1)));
    }

    @Test
    void provesAnEntryAtItsCap() {
        final String key = "big";
        final KeyPair empty = KeyPair.newBuilder().setKey(key).setVersion(1).build();
        final int overhead = empty.getSerializedSize() + 1 + 3;
        final String value = "v".repeat(Limits.MAX_ENTRY_BYTES - overhead);
        assertThat(KeyPair.newBuilder().setKey(key).setValue(value).setVersion(1).build().getSerializedSize())
                .isEqualTo(Limits.MAX_ENTRY_BYTES);
        final TestState big = new TestState().put(CHAIN_GROUP, Map.of(key, value));

        final EntryProof proof = big.entryProof(CHAIN_GROUP, key);

        assertThat(EntryProof.decode(proof.encode())).isEqualTo(Checked.ok(proof));
        assertThat(proof.verify(big.root(), CHAIN_GROUP, key)).isEqualTo(new Proven.Present<>(value));
        assertThatThrownBy(() -> new EntryProof(proof.account(), proof.entry().concat(ByteString.copyFrom(new byte[1])),
                proof.entryProof())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a proof's entry is at most " + Limits.MAX_ENTRY_BYTES + " bytes, got "
                        + (Limits.MAX_ENTRY_BYTES + 1));
    }

    @Test
    void provesAnAccountRecordAtItsCap() {
        final String code = "c".repeat(Limits.MAX_ACCOUNT_BYTES - recordOverhead());
        final TestState big = new TestState().put(OTHER, Map.of(), code);
        assertThat(big.record(OTHER).size()).isEqualTo(Limits.MAX_ACCOUNT_BYTES);

        final EntryProof proof = big.entryProof(OTHER, "k");

        assertThat(EntryProof.decode(proof.encode())).isEqualTo(Checked.ok(proof));
        assertThat(proof.verify(big.root(), OTHER, "k")).isEqualTo(new Proven.Absent<>());
        assertThatThrownBy(() -> new AccountProof(big.record(OTHER).concat(ByteString.copyFrom(new byte[1])),
                proof.account().proof())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a proof's account record is at most " + Limits.MAX_ACCOUNT_BYTES + " bytes, got "
                        + (Limits.MAX_ACCOUNT_BYTES + 1));
    }

    /** Bytes of {@code OTHER}'s record beyond its contract code, with a code long enough for 3-byte length varints. */
    private static int recordOverhead() {
        final int probe = 1 << 20;
        return new TestState().put(OTHER, Map.of(), "c".repeat(probe)).record(OTHER).size() - probe;
    }
}
