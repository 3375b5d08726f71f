package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.banyan.consensus.BlockId;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.junit.jupiter.api.Test;

/** The rule of design section 2, step by step, with real keys and real signed precommits. */
class LightClientTest {

    private final List<PrivateKey> keys = TestChain.keys(0, 4);
    private final TestChain chain = new TestChain(keys);
    private final Follower follower = new Follower(chain.client());

    @Test
    void acceptsACertifiedHeaderAndAnchorsTheLedgerBeforeIt() {
        final CertifiedHeader certified = chain.next();

        final UpdateResult result = follower.offer(certified);

        assertThat(result).isInstanceOf(UpdateResult.Accepted.class);
        final Anchor anchor = ((UpdateResult.Accepted) result).anchor();
        final LedgerHeader ledger = certified.getPreviousLedger();
        assertThat(anchor.height()).isEqualTo(2);
        assertThat(anchor.blockId()).isEqualTo(BlockId.of(certified.getHeader()));
        assertThat(anchor.header()).isEqualTo(certified.getHeader().toByteString());
        assertThat(anchor.certificate()).isEqualTo(certified.getCertificate().toByteString());
        assertThat(anchor.ledgerSeq()).isEqualTo(1);
        assertThat(anchor.ledgerHash()).isEqualTo(ledger.getHash());
        assertThat(anchor.stateRoot()).isEqualTo(ledger.getAccountTreeHash());
        assertThat(anchor.ledgerTransactionCount()).isEqualTo(ledger.getTxCount());
        assertThat(anchor.ledgerCloseTimeMicros()).isEqualTo(ledger.getCloseTime());
        assertThat(follower.state.latestHeight()).isEqualTo(2);
        assertThat(follower.state.latestBlockId()).contains(anchor.blockId());
        assertThat(follower.state.validators()).isEqualTo(TestChain.trusted(keys));
    }

    @Test
    void followsHeightsWithGapsWhenAGatewayAnchorsEveryFewBlocks() {
        follower.offer(chain.next());
        chain.next();
        chain.next();

        assertThat(follower.offer(chain.next())).isInstanceOf(UpdateResult.Accepted.class);
        assertThat(follower.state.latestHeight()).isEqualTo(5);
    }

    @Test
    void step1RefusesEveryUpdateOnceFrozen() {
        final CertifiedHeader first = chain.next();
        follower.offer(first);
        follower.offer(conflictingWith(first));

        final UpdateResult result = follower.offer(chain.next());

        assertThat(result).isEqualTo(new UpdateResult.Refused("the light client of chain " + TestChain.CHAIN_ID
                + " is frozen: " + follower.state.frozen().orElseThrow().reason()));
    }

    @Test
    void step2RefusesTheSameHeaderAgainAsStale() {
        final CertifiedHeader certified = chain.next();
        follower.offer(certified);
        final ClientState before = follower.state;

        assertThat(follower.offer(certified)).isEqualTo(new UpdateResult.Refused("height 2 is already anchored"));
        assertThat(follower.state).isEqualTo(before);
    }

    @Test
    void step2FreezesOnAConflictingCertifiedHeaderAndRecordsBothSides() throws Exception {
        final CertifiedHeader anchored = chain.next();
        follower.offer(anchored);
        follower.offer(chain.next());
        final CertifiedHeader conflicting = conflictingWith(anchored);

        final UpdateResult result = follower.offer(conflicting);

        assertThat(result).isInstanceOf(UpdateResult.Misbehaviour.class);
        final UpdateResult.Misbehaviour misbehaviour = (UpdateResult.Misbehaviour) result;
        assertThat(misbehaviour.frozen().frozen()).hasValueSatisfying(frozen -> {
            assertThat(frozen.evidence()).isEqualTo(misbehaviour.evidence());
            assertThat(frozen.reason()).contains("certified two blocks at height 2");
        });
        assertThat(misbehaviour.frozen().latestHeight()).isEqualTo(3);
        final JsonNode evidence = JsonFields.MAPPER.readTree(misbehaviour.evidence());
        assertThat(evidence.get("height").asLong()).isEqualTo(2);
        assertSide(evidence.get("anchored"), anchored);
        assertSide(evidence.get("conflicting"), conflicting);
    }

    @Test
    void step2RefusesWithoutFreezingAConflictingHeaderWhoseCertificateDoesNotVerify() {
        final CertifiedHeader anchored = chain.next();
        follower.offer(anchored);
        final CertifiedHeader forged = TestChain.resign(anchored, anchored.getHeader().toBuilder().setCloseTime(1).build(),
                keys.subList(0, 2));

        final UpdateResult result = follower.offer(forged);

        assertThat(result).isInstanceOf(UpdateResult.Refused.class);
        assertThat(((UpdateResult.Refused) result).reason()).startsWith("height 2 is already anchored as block")
                .contains("more than two thirds is needed");
        assertThat(follower.state.isFrozen()).isFalse();
    }

    @Test
    void step2RefusesAConflictingHeaderCarryingTheAnchoredBlocksCertificate() {
        final CertifiedHeader anchored = chain.next();
        follower.offer(anchored);
        final CertifiedHeader forged = anchored.toBuilder()
                .setHeader(anchored.getHeader().toBuilder().setCloseTime(1)).build();

        final UpdateResult result = follower.offer(forged);

        assertThat(result).isInstanceOf(UpdateResult.Refused.class);
        assertThat(((UpdateResult.Refused) result).reason()).contains("the certificate is for another block");
        assertThat(follower.state.isFrozen()).isFalse();
    }

    @Test
    void step3RefusesARewoundHeight() {
        final CertifiedHeader skipped = chain.next();
        chain.next();
        follower.offer(chain.next());

        assertThat(follower.offer(skipped))
                .isEqualTo(new UpdateResult.Refused("height 2 is below the latest anchored height 4"));
    }

    @Test
    void step4RefusesAHeaderNamingAnotherValidatorSet() {
        final List<PrivateKey> others = TestChain.keys(10, 4);
        final CertifiedHeader foreign = new TestChain(others).next();

        final UpdateResult result = follower.offer(foreign);

        assertThat(result).isEqualTo(new UpdateResult.Refused("the header names validator set "
                + Bytes.hex(TestChain.hashOf(others)) + "; the light client trusts " + Bytes.hex(TestChain.hashOf(keys))
                + "; anchor the height where the set changed first"));
    }

    @Test
    void step5RefusesACertificateWithoutAQuorum() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader weak = TestChain.resign(certified, certified.getHeader(), keys.subList(0, 2));

        assertThat(reasonFor(weak)).isEqualTo("the certificate does not verify against the trusted validators: the"
                + " precommits carry 20 of 40 voting power; more than two thirds is needed");
    }

    @Test
    void step5RefusesAnEmptyCertificate() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader unsigned = certified.toBuilder().setCertificate(certified.getCertificate().toBuilder()
                .clearPrecommits()).build();

        assertThat(reasonFor(unsigned)).contains("the precommits carry 0 of 40 voting power");
    }

    @Test
    void step5RefusesABadSignature() {
        final CertifiedHeader certified = chain.next();
        final CommitCertificate certificate = certified.getCertificate();
        final byte[] signature = certificate.getPrecommits(1).getSignature().toByteArray();
        signature[0] ^= 1;
        final CertifiedHeader tampered = certified.toBuilder().setCertificate(certificate.toBuilder()
                .setPrecommits(1, certificate.getPrecommits(1).toBuilder().setSignature(ByteString.copyFrom(signature))))
                .build();

        assertThat(reasonFor(tampered)).isEqualTo("the certificate does not verify against the trusted validators: the"
                + " precommit by " + keys.get(1).publicKey().address() + " has an invalid signature");
    }

    @Test
    void step5RefusesPrecommitsSignedForAnotherChain() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader replayed = certified.toBuilder()
                .setCertificate(TestChain.certificate(certified.getHeader(), keys, TestChain.CHAIN_ID + 1)).build();

        assertThat(reasonFor(replayed)).contains("has an invalid signature");
    }

    @Test
    void step5RefusesACertificateOfAnotherBlock() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader other = certified.toBuilder()
                .setHeader(certified.getHeader().toBuilder().setCloseTime(5)).build();

        assertThat(reasonFor(other)).isEqualTo("the certificate does not verify against the trusted validators: the"
                + " certificate is for another block");
    }

    @Test
    void step5RefusesAPreviousLedgerOfAnotherSeq() {
        final LedgerHeader ledger = TestChain.ledger(7, TestChain.CHAIN_ID, new byte[32]);

        assertThat(reasonFor(withLedger(ledger)))
                .isEqualTo("the previous ledger is ledger 7; the header at height 2 follows ledger 1");
    }

    @Test
    void step5RefusesAPreviousLedgerOfAnotherChain() {
        final LedgerHeader ledger = TestChain.ledger(1, TestChain.CHAIN_ID + 1, new byte[32]);

        assertThat(reasonFor(withLedger(ledger))).isEqualTo("the previous ledger is of chain "
                + (TestChain.CHAIN_ID + 1) + "; the light client follows chain " + TestChain.CHAIN_ID);
    }

    @Test
    void step5RefusesAPreviousLedgerTheHeaderDoesNotName() {
        final LedgerHeader ledger = TestChain.ledger(1, TestChain.CHAIN_ID, Hashes.sha256(new byte[] {9}));

        assertThat(reasonFor(withLedger(ledger))).startsWith("the header names previous ledger ")
                .contains("; the ledger given hashes to " + Bytes.hex(ByteString.copyFrom(LedgerRules.headerHash(ledger))));
    }

    @Test
    void step5RefusesAPreviousLedgerWhoseHashFieldLies() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader lying = certified.toBuilder().setPreviousLedger(certified.getPreviousLedger().toBuilder()
                .setHash(ByteString.copyFrom(new byte[32]))).build();

        assertThat(reasonFor(lying)).startsWith("the previous ledger's hash field 0000");
    }

    @Test
    void step6FollowsAValidatorSetChange() {
        final List<PrivateKey> nextSet = TestChain.keys(20, 3);
        final UpdateResult change = follower.offer(chain.nextChangingTo(nextSet));
        assertThat(change).isInstanceOf(UpdateResult.Accepted.class);
        assertThat(follower.state.validators()).isEqualTo(TestChain.trusted(nextSet));
        assertThat(follower.state.validatorsHash()).isEqualTo(TestChain.hashOf(nextSet));

        assertThat(follower.offer(chain.next())).isInstanceOf(UpdateResult.Accepted.class);
        assertThat(follower.state.latestHeight()).isEqualTo(3);
    }

    @Test
    void step6RefusesTheOldSetAfterAChange() {
        follower.offer(chain.nextChangingTo(TestChain.keys(20, 3)));
        final TestChain fork = new TestChain(keys);
        fork.next();
        fork.next();

        assertThat(reasonFor(fork.next())).startsWith("the header names validator set "
                + Bytes.hex(TestChain.hashOf(keys)));
    }

    @Test
    void step6RefusesAChangeWithoutItsValidators() {
        final CertifiedHeader change = chain.nextChangingTo(TestChain.keys(20, 3));

        assertThat(reasonFor(change.toBuilder().clearNextValidators().build()))
                .isEqualTo("the header changes the validator set at height 3 to "
                        + Bytes.hex(TestChain.hashOf(TestChain.keys(20, 3))) + " but lists no next validators");
    }

    @Test
    void step6RefusesNextValidatorsThatAreNotTheNamedSet() {
        final CertifiedHeader change = chain.nextChangingTo(TestChain.keys(20, 3));
        final CertifiedHeader swapped = change.toBuilder().clearNextValidators()
                .addNextValidators(new TrustedValidator(TestChain.keys(30, 1).get(0).publicKey(), 10).toEntry())
                .build();

        assertThat(reasonFor(swapped)).startsWith("the next validators hash to ");
    }

    @Test
    void step6RefusesNextValidatorsThatDoNotParse() {
        final CertifiedHeader change = chain.nextChangingTo(TestChain.keys(20, 3));
        final CertifiedHeader broken = change.toBuilder().setNextValidators(0,
                change.getNextValidators(0).toBuilder().setPublicKey("b0656600")).build();

        assertThat(reasonFor(broken)).startsWith("next validator 0: a validator's public key is not a BIF public key");
    }

    @Test
    void step6RefusesNextValidatorsWhenTheSetStays() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader padded = certified.toBuilder()
                .addNextValidators(TestChain.trusted(keys).get(0).toEntry()).build();

        assertThat(reasonFor(padded))
                .isEqualTo("the header keeps its validator set for height 3 but lists next validators");
    }

    @Test
    void refusesACertifiedHeaderWithoutItsParts() {
        final CertifiedHeader certified = chain.next();

        assertThat(reasonFor(certified.toBuilder().clearCertificate().build()))
                .isEqualTo("a certified header needs its header, its certificate and its previous ledger");
        assertThat(reasonFor(certified.toBuilder().clearPreviousLedger().build()))
                .isEqualTo("a certified header needs its header, its certificate and its previous ledger");
    }

    @Test
    void refusesAHeaderWithShortHashes() {
        final CertifiedHeader certified = chain.next();
        final CertifiedHeader shortHash = certified.toBuilder()
                .setHeader(certified.getHeader().toBuilder().setNextValidatorsHash(ByteString.copyFrom(new byte[4])))
                .build();

        assertThat(reasonFor(shortHash)).contains("must be 32 bytes each");
    }

    @Test
    void acceptsABlockHeaderAtItsCapAndRefusesOneByteMore() {
        assertThat(follower.offer(withHeaderOfSize(Limits.MAX_BLOCK_HEADER_BYTES)))
                .isInstanceOf(UpdateResult.Accepted.class);

        assertThat(reasonFor(withHeaderOfSize(Limits.MAX_BLOCK_HEADER_BYTES + 1))).isEqualTo("a block header is at"
                + " most " + Limits.MAX_BLOCK_HEADER_BYTES + " bytes, got " + (Limits.MAX_BLOCK_HEADER_BYTES + 1));
    }

    @Test
    void acceptsACertifiedHeaderAtItsCapAndRefusesOneByteMore() {
        final UpdateResult atCap = follower.offer(withCertifiedHeaderOfSize(Limits.MAX_CERTIFIED_HEADER_BYTES));
        assertThat(atCap).isInstanceOf(UpdateResult.Accepted.class);

        assertThat(reasonFor(withCertifiedHeaderOfSize(Limits.MAX_CERTIFIED_HEADER_BYTES + 1)))
                .isEqualTo("a certified header is at most " + Limits.MAX_CERTIFIED_HEADER_BYTES + " bytes, got "
                        + (Limits.MAX_CERTIFIED_HEADER_BYTES + 1));
    }

    @Test
    void initialRefusesAnInvalidValidatorSet() {
        assertThat(LightClient.initial(1, List.of())).isInstanceOf(Checked.Invalid.class);
        final TrustedValidator twice = TestChain.trusted(keys).get(0);
        assertThat(LightClient.initial(1, List.of(twice, twice))).isEqualTo(Checked.invalid(
                "the validators are not a valid set: validator " + twice.publicKey().address() + " is listed twice"));
    }

    @Test
    void resetUnfreezesWithTheGivenSetAndHeight() {
        final CertifiedHeader anchored = chain.next();
        follower.offer(anchored);
        follower.offer(conflictingWith(anchored));
        final List<TrustedValidator> recovered = TestChain.trusted(TestChain.keys(40, 2));

        final ClientState reset = LightClient.reset(follower.state, recovered, 9).orElseThrow();

        assertThat(reset).isEqualTo(new ClientState(TestChain.CHAIN_ID, recovered,
                ClientState.validatorSetOf(recovered).hash(), 9, Optional.empty(), Optional.empty()));
        assertThat(LightClient.reset(follower.state, recovered, -1))
                .isEqualTo(Checked.invalid("a reset height must not be negative, got -1"));
    }

    @Test
    void decodesACertifiedHeaderFromBase64() {
        final CertifiedHeader certified = chain.next();

        assertThat(LightClient.decodeCertifiedHeader(Base64.getEncoder().encodeToString(certified.toByteArray())))
                .isEqualTo(Checked.ok(certified));
        assertThat(LightClient.decodeCertifiedHeader("not base64!")).isEqualTo(Checked.invalid(
                "a certified header must be canonical base64 of at most " + Limits.MAX_CERTIFIED_HEADER_BYTES
                        + " bytes"));
        assertThat(LightClient.decodeCertifiedHeader(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff})))
                .isInstanceOf(Checked.Invalid.class);
        final String overCap = Base64.getEncoder().encodeToString(new byte[Limits.MAX_CERTIFIED_HEADER_BYTES + 1]);
        assertThat(LightClient.decodeCertifiedHeader(overCap)).isInstanceOf(Checked.Invalid.class);
    }

    private String reasonFor(final CertifiedHeader certified) {
        final UpdateResult result = follower.offer(certified);
        assertThat(result).isInstanceOf(UpdateResult.Refused.class);
        return ((UpdateResult.Refused) result).reason();
    }

    /** The same height with another close time, certified by the same validators: a fork. */
    private CertifiedHeader conflictingWith(final CertifiedHeader anchored) {
        return TestChain.resign(anchored, anchored.getHeader().toBuilder().setCloseTime(42).build(), keys);
    }

    private CertifiedHeader withLedger(final LedgerHeader ledger) {
        final CertifiedHeader certified = chain.next();
        final BlockHeader header = certified.getHeader().toBuilder()
                .setPreviousLedgerHash(ByteString.copyFrom(LedgerRules.headerHash(
                        certified.getPreviousLedger().toBuilder().setSeq(1).build())))
                .build();
        return TestChain.resign(certified, header, keys).toBuilder().setPreviousLedger(ledger).build();
    }

    /** A certified header whose block header is padded, through its proposer field, to exactly {@code size}. */
    private CertifiedHeader withHeaderOfSize(final int size) {
        final CertifiedHeader certified = chain.next();
        final BlockHeader plain = certified.getHeader().toBuilder().setProposer("").build();
        BlockHeader padded = plain;
        for (int length = size - plain.getSerializedSize() - 3; padded.getSerializedSize() != size; length++) {
            padded = plain.toBuilder().setProposer("p".repeat(length)).build();
        }
        return TestChain.resign(certified, padded, keys);
    }

    /** A certified header padded, through the previous ledger's reserve field, to exactly {@code size}. */
    private CertifiedHeader withCertifiedHeaderOfSize(final int size) {
        final CertifiedHeader certified = chain.next();
        LedgerHeader padded = certified.getPreviousLedger();
        CertifiedHeader candidate = certified;
        for (int length = size - certified.getSerializedSize() - 8; candidate.getSerializedSize() != size; length++) {
            final LedgerHeader unsealed = certified.getPreviousLedger().toBuilder().clearHash()
                    .setReserve("r".repeat(length)).build();
            padded = unsealed.toBuilder().setHash(ByteString.copyFrom(LedgerRules.headerHash(unsealed))).build();
            final BlockHeader header = certified.getHeader().toBuilder()
                    .setPreviousLedgerHash(padded.getHash()).build();
            candidate = TestChain.resign(certified, header, keys).toBuilder().setPreviousLedger(padded).build();
        }
        return candidate;
    }

    private static void assertSide(final JsonNode side, final CertifiedHeader certified) {
        assertThat(side.get("block_id").asText())
                .isEqualTo(Bytes.hex(BlockId.of(certified.getHeader()).bytes()));
        assertThat(Base64.getDecoder().decode(side.get("header").asText()))
                .isEqualTo(certified.getHeader().toByteArray());
        assertThat(Base64.getDecoder().decode(side.get("certificate").asText()))
                .isEqualTo(certified.getCertificate().toByteArray());
    }
}
