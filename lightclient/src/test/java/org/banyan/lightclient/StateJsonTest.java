package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON forms of client states and anchors: exact round trips, and every malformed input refused. */
class StateJsonTest {

    private final List<PrivateKey> keys = TestChain.keys(0, 4);
    private final TestChain chain = new TestChain(keys);
    private final Follower follower = new Follower(chain.client());

    @Test
    void aFreshClientStateRoundTrips() {
        final ClientState state = chain.client();

        assertThat(ClientState.fromJson(state.toJson())).isEqualTo(Checked.ok(state));
        assertThat(state.toJson()).doesNotContain("latest_block_id").doesNotContain("frozen");
    }

    @Test
    void anAnchoredAndAFrozenClientStateRoundTrip() {
        final CertifiedHeader anchored = chain.next();
        follower.offer(anchored);
        assertThat(ClientState.fromJson(follower.state.toJson())).isEqualTo(Checked.ok(follower.state));

        follower.offer(TestChain.resign(anchored, anchored.getHeader().toBuilder().setCloseTime(3).build(), keys));
        assertThat(follower.state.isFrozen()).isTrue();
        assertThat(ClientState.fromJson(follower.state.toJson())).isEqualTo(Checked.ok(follower.state));
    }

    @Test
    void anAnchorRoundTrips() {
        final UpdateResult.Accepted accepted = (UpdateResult.Accepted) follower.offer(chain.next());
        final Anchor anchor = accepted.anchor();

        assertThat(Anchor.fromJson(anchor.toJson())).isEqualTo(Checked.ok(anchor));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "null", "7", "{\"chain_id\": 1} {}", "{\"chain_id\": 1, \"chain_id\": 2}"})
    void refusesTextThatIsNotOneObject(final String text) {
        assertThat(ClientState.fromJson(text)).isInstanceOf(Checked.Invalid.class);
        assertThat(Anchor.fromJson(text)).isInstanceOf(Checked.Invalid.class);
    }

    @Test
    void refusesAMissingField() {
        final String json = chain.client().toJson().replace(",\"latest_height\":0", "");

        assertThat(ClientState.fromJson(json))
                .isEqualTo(Checked.invalid("a client state lacks the field \"latest_height\""));
    }

    @Test
    void refusesAnUnknownField() {
        final String json = chain.client().toJson().replace("{\"chain_id\"", "{\"extra\":1,\"chain_id\"");

        assertThat(ClientState.fromJson(json))
                .isEqualTo(Checked.invalid("a client state has an unknown field \"extra\""));
    }

    @Test
    void refusesAnUnknownFieldInAValidator() {
        final String json = chain.client().toJson().replaceFirst("\"power\":10", "\"power\":10,\"x\":true");

        assertThat(ClientState.fromJson(json))
                .isEqualTo(Checked.invalid("a client state.validators[0] has an unknown field \"x\""));
    }

    @Test
    void refusesMistypedFields() {
        final String state = chain.client().toJson();

        assertThat(ClientState.fromJson(state.replace("\"latest_height\":0", "\"latest_height\":\"0\"")))
                .isEqualTo(Checked.invalid("a client state.latest_height must be a 64-bit integer"));
        assertThat(ClientState.fromJson(state.replace("\"latest_height\":0", "\"latest_height\":0.5")))
                .isEqualTo(Checked.invalid("a client state.latest_height must be a 64-bit integer"));
        assertThat(ClientState.fromJson(state.replace("\"latest_height\":0", "\"latest_height\":1e400")))
                .isInstanceOf(Checked.Invalid.class);
        assertThat(ClientState.fromJson(state.replace("\"latest_height\":0", "\"latest_height\":99999999999999999999")))
                .isEqualTo(Checked.invalid("a client state.latest_height must be a 64-bit integer"));
        assertThat(ClientState.fromJson(state.replace("\"validators\":[", "\"validators\":[1,")))
                .isEqualTo(Checked.invalid("a client state.validators[0] must be an object"));
    }

    @Test
    void refusesNonCanonicalHashes() {
        final String state = chain.client().toJson();
        final String hash = Bytes.hex(chain.client().validatorsHash());

        assertThat(ClientState.fromJson(state.replace(hash, hash.toUpperCase())))
                .isEqualTo(Checked.invalid("a client state.validators_hash must be 32 bytes in lower-case hex"));
        assertThat(ClientState.fromJson(state.replace(hash, hash.substring(2))))
                .isEqualTo(Checked.invalid("a client state.validators_hash must be 32 bytes in lower-case hex"));
    }

    @Test
    void refusesAHashOfAnotherSet() {
        final String state = chain.client().toJson()
                .replace(Bytes.hex(chain.client().validatorsHash()), "00".repeat(32));

        assertThat(ClientState.fromJson(state)).isInstanceOf(Checked.Invalid.class)
                .hasToString("Invalid[reason=the client state is inconsistent: the validators hash " + "00".repeat(32)
                        + " is not the hash of the validators, " + Bytes.hex(chain.client().validatorsHash()) + "]");
    }

    @Test
    void refusesAnInvalidValidatorKeyOrPower() {
        final String state = chain.client().toJson();

        assertThat(ClientState.fromJson(state.replaceFirst("\"public_key\":\"b065", "\"public_key\":\"zz65")))
                .asString().startsWith("Invalid[reason=client state validator 0: a validator's public key is not a"
                        + " BIF public key: ");
        assertThat(ClientState.fromJson(state.replaceFirst("\"power\":10", "\"power\":0")))
                .isEqualTo(Checked.invalid("client state validator 0: a validator's power must be positive, got 0"));
    }

    @Test
    void refusesMoreValidatorsThanAConsensusSetHolds() {
        final TrustedValidator one = TestChain.trusted(keys).get(0);
        final String entry = "{\"public_key\":\"" + one.publicKey().encoded() + "\",\"power\":1}";
        final String many = String.join(",", java.util.Collections.nCopies(
                org.banyan.consensus.Limits.MAX_VALIDATORS + 1, entry));
        final String state = chain.client().toJson().replaceFirst("\"validators\":\\[[^]]*]",
                "\"validators\":[" + many + "]");

        assertThat(ClientState.fromJson(state)).isEqualTo(Checked.invalid("a client state.validators must be an"
                + " array of at most 256 items, got 257"));
    }

    @Test
    void refusesAFrozenFieldThatIsNotAnObject() {
        final String json = chain.client().toJson();
        final String state = json.substring(0, json.length() - 1) + ",\"frozen\":null}";

        assertThat(ClientState.fromJson(state)).isEqualTo(Checked.invalid("a client state.frozen must be an object"));
    }

    @Test
    void acceptsStateJsonAtItsCapAndRefusesOneCharacterMore() {
        final ClientState state = chain.client();
        final String json = state.toJson();
        final String atCap = json + " ".repeat(Limits.MAX_STATE_JSON_CHARS - json.length());

        assertThat(ClientState.fromJson(atCap)).isEqualTo(Checked.ok(state));
        assertThat(ClientState.fromJson(atCap + " ")).isEqualTo(Checked.invalid("a client state JSON is at most "
                + Limits.MAX_STATE_JSON_CHARS + " characters, got " + (Limits.MAX_STATE_JSON_CHARS + 1)));
    }

    @Test
    void refusesAnAnchorWhoseHeaderIsNotItsBlock() {
        final Anchor anchor = ((UpdateResult.Accepted) follower.offer(chain.next())).anchor();
        final Anchor other = ((UpdateResult.Accepted) follower.offer(chain.next())).anchor();
        final String json = anchor.toJson().replace(Bytes.base64(anchor.header().toByteArray()),
                Bytes.base64(other.header().toByteArray()));

        assertThat(Anchor.fromJson(json)).hasToString("Invalid[reason=the anchor is inconsistent: the anchored header"
                + " is not block " + anchor.blockId() + " at height 2]");
    }

    @Test
    void refusesAnAnchorOfTheWrongLedger() {
        final Anchor anchor = ((UpdateResult.Accepted) follower.offer(chain.next())).anchor();

        assertThat(Anchor.fromJson(anchor.toJson().replace("\"ledger_seq\":1", "\"ledger_seq\":2")))
                .hasToString("Invalid[reason=the anchor is inconsistent: the anchor of height 2 holds ledger 1, not 2]");
    }

    @Test
    void refusesNonCanonicalBase64() {
        final Anchor anchor = ((UpdateResult.Accepted) follower.offer(chain.next())).anchor();
        final String header = Bytes.base64(anchor.header().toByteArray());

        assertThat(Anchor.fromJson(anchor.toJson().replace(header, header + "=")))
                .isEqualTo(Checked.invalid("an anchor.header must be canonical base64 of at most "
                        + Limits.MAX_BLOCK_HEADER_BYTES + " bytes"));
    }

    @Test
    void base64WithStrayBitsOrTheUrlAlphabetIsNotCanonical() {
        assertThat(Bytes.fromBase64("AA==", 1)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(0));
        assertThat(Bytes.fromBase64("AB==", 1)).isEmpty();
        assertThat(Bytes.fromBase64("-_8=", 2)).isEmpty();
        assertThat(Bytes.fromBase64("AAA=", 1)).isEmpty();
    }
}
