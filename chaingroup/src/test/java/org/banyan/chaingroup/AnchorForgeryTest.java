package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.ValidatorSetContract;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnchorForgeryTest {

    private final Group group = new Group();
    private TestChain sub;

    @BeforeEach
    void registerAndRunTheSubChain() {
        group.registerSubChain();
        sub = group.subChain();
        for (int index = 0; index < 4; index++) {
            sub.send(group.subUser, TestChain.pay(sub.address(group.subGovernance), 1));
        }
    }

    private void assertRefused(final TestChain.Sent sent, final String reason) {
        assertThat(sent.included()).isTrue();
        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(sent.message()).contains(reason);
    }

    private String latestHeight() {
        return group.main.query(ChainGroupContract.ADDRESS, "subChain", "{\"ac\":\"lgst\"}").value()
            .replaceAll(".*\"anchored_height\":(\\d+).*", "$1");
    }

    @Test
    void aCertificateWithoutTwoThirdsOfTheSignaturesIsRefused() {
        final CertifiedHeader weak = sub.certified(sub.blockHeader(3), group.subValidators.subList(0, 2));

        assertRefused(group.anchor(group.gateway, weak), "more than two thirds is needed");
        assertThat(latestHeight()).isEqualTo("0");
    }

    @Test
    void aCertificateWithAForgedSignatureIsRefused() {
        final CertifiedHeader certified = sub.certified(3);
        final CommitCertificate.Builder certificate = certified.getCertificate().toBuilder();
        final byte[] signature = certificate.getPrecommits(1).getSignature().toByteArray();
        signature[0] ^= 1;
        certificate.setPrecommits(1, certificate.getPrecommits(1).toBuilder().setSignature(ByteString.copyFrom(signature)));

        assertRefused(group.anchor(group.gateway, certified.toBuilder().setCertificate(certificate).build()),
            "has an invalid signature");
    }

    @Test
    void aHeaderCertifiedByAnotherValidatorSetIsRefused() {
        final List<PrivateKey> impostors = List.of(TestChain.key("x-0"), TestChain.key("x-1"), TestChain.key("x-2"));
        final BlockHeader header = sub.blockHeader(3).toBuilder()
            .setValidatorsHash(ByteString.copyFrom(org.banyan.ledger.LedgerHashes.validatorsHash(impostors.stream()
                .map(key -> new org.banyan.ledger.Validator(key.publicKey().encoded(), 1)).toList())))
            .build();

        assertRefused(group.anchor(group.gateway, sub.certified(header, impostors)), "the light client trusts");
    }

    @Test
    void outsidersSigningForTheTrustedSetAreRefused() {
        final List<PrivateKey> impostors = List.of(TestChain.key("x-0"), TestChain.key("x-1"), TestChain.key("x-2"));

        assertRefused(group.anchor(group.gateway, sub.certified(sub.blockHeader(3), impostors)), "is not a validator");
    }

    @Test
    void aRewoundOrRepeatedHeightIsRefused() {
        assertThat(group.anchor(group.gateway, sub.certified(4)).succeeded()).isTrue();

        assertRefused(group.anchor(group.gateway, sub.certified(3)), "height 3 is below the latest anchored height 4");
        assertRefused(group.anchor(group.gateway, sub.certified(4)), "height 4 is already anchored");
    }

    @Test
    void aConflictingHeaderFreezesTheClientRecordsTheEvidenceAndLaterAnchorsAreRefused() {
        assertThat(group.anchor(group.gateway, sub.certified(3)).succeeded()).isTrue();
        final BlockHeader fork = sub.blockHeader(3).toBuilder().setCloseTime(sub.blockHeader(3).getCloseTime() + 1).build();

        final TestChain.Sent conflicting = group.anchor(group.gateway, sub.certified(fork, group.subValidators));

        assertThat(conflicting.succeeded()).as("the freeze is kept, so the call succeeds").isTrue();
        final String subChain = group.query("subChain", "{\"ac\":\"lgst\"}");
        assertThat(subChain).contains("\"frozen\":\"the validators of chain 77 certified two blocks at height 3");
        final String client = group.main.ledger.metadata(ChainGroupContract.ADDRESS, "client/lgst").orElseThrow().getValue();
        assertThat(client).contains("anchored").contains("conflicting");
        assertRefused(group.anchor(group.gateway, sub.certified(4)), "the light client of the sub-chain 'lgst' is frozen");

        group.vote(3, "resetClient", "{\"ac\":\"lgst\",\"validators\":" + Group.validatorsJson(group.subValidators)
            + ",\"height\":4}");
        assertThat(group.anchor(group.gateway, sub.certified(5)).succeeded()).as("governance recovered the client").isTrue();
    }

    @Test
    void aSuspendedSubChainsAnchorsAreRefusedUntilItResumes() {
        group.vote(3, "suspendSubChain", "{\"ac\":\"lgst\",\"reason\":\"audit\"}");

        assertRefused(group.anchor(group.gateway, sub.certified(3)), "the sub-chain 'lgst' is SUSPENDED: its anchors are"
            + " refused (audit)");

        group.vote(3, "resumeSubChain", "{\"ac\":\"lgst\"}");
        assertThat(group.anchor(group.gateway, sub.certified(3)).succeeded()).isTrue();

        group.vote(3, "retireSubChain", "{\"ac\":\"lgst\"}");
        assertRefused(group.anchor(group.gateway, sub.certified(4)), "is RETIRED");
    }

    @Test
    void onlyAGatewayOfTheSubChainMayAnchor() {
        final TestChain.Sent sent = group.anchor(group.node, sub.certified(3));

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(sent.message()).contains("is not a gateway of the sub-chain 'lgst'");
    }

    @Test
    void theClientFollowsAValidatorSetChangeAnchoredAtTheHeightThatAnnouncesIt() {
        final List<PrivateKey> next = List.of(TestChain.key("next-0"), TestChain.key("next-1"));
        final TestChain.Sent changed = sub.call(group.subGovernance, ValidatorSetContract.ADDRESS, "setValidators",
            "{\"validators\":" + Group.validatorsJson(next) + "}");
        assertThat(changed.succeeded()).isTrue();
        sub.close();
        sub.close();
        sub.close();
        final long lastOld = changed.seq() + 1;
        final long firstNew = changed.seq() + 2;

        assertRefused(group.anchor(group.gateway, sub.certified(sub.blockHeader(firstNew), next)),
            "anchor the height where the set changed first");
        assertThat(group.anchor(group.gateway, sub.certified(lastOld)).succeeded()).isTrue();
        assertThat(group.anchor(group.gateway, sub.certified(sub.blockHeader(firstNew), next)).succeeded()).isTrue();
        assertRefused(group.anchor(group.gateway, sub.certified(sub.blockHeader(firstNew + 1),
            group.subValidators.subList(0, 2))), "is not a validator");
    }
}
